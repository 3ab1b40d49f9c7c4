import Testing
import Yams

@testable import NoticeKit

/// What Notice writes into YAML (a change history's notes and names, a starter's titles) reads back
/// exactly as written, whatever characters it holds.
@Suite("YAML quoting")
struct YAMLQuotingTests {
    @Test(arguments: [
        "plain", "quote \" and back\\slash", "line\nbreak", "tab\tand\rreturn", "nul \u{0} bell \u{7} del \u{7F} c1 \u{85}",
        "separators \u{2028} \u{2029}", "  spaces  ", "#: not a comment", "Cyngor Sir Ceredigion’s “notes” 🙂",
    ])
    func textReadsBackAsWritten(text: String) throws {
        let yaml = "note: " + YAMLQuoting.quoted(text) + "\n"
        let node = try #require(try Yams.compose(yaml: yaml))
        #expect(node["note"]?.string == text, "\(yaml.debugDescription)")
    }
}
