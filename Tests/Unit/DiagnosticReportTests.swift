import Foundation
import Testing

@testable import NoticeKit

@Suite("Diagnostic formats")
struct DiagnosticReportTests {
    @Test func githubAnnotationsEscapeTheirValues() {
        let diagnostic = Diagnostic.error(.siteFileMissing, "100% wrong,\nreally: yes", at: SourceLocation(path: "content/a,b:c.md", line: 3, column: 7))
        #expect(
            DiagnosticReport.githubAnnotation(for: diagnostic)
                == "::error file=content/a%2Cb%3Ac.md,line=3,col=7,title=Notice error (site.file.missing)::100%25 wrong,\\u{0A}really: yes")
        let fileless = Diagnostic.warning(.pageDescriptionMissing, "no pages", at: nil)
        #expect(DiagnosticReport.githubAnnotation(for: fileless) == "::warning title=Notice warning (page.description.missing)::no pages")
    }

    @Test func jsonCountsAndFlattensEveryDiagnostic() throws {
        let report = DiagnosticReport(
            command: "check",
            diagnostics: [
                .error(.siteFileMissing, "bad", at: SourceLocation(path: "a.md", line: 2, column: 1)), .warning(.pageDescriptionMissing, "meh", at: nil),
            ], pages: 4)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        #expect(object["ok"] as? Bool == false)
        #expect(object["errors"] as? Int == 1)
        #expect(object["warnings"] as? Int == 1)
        let entries = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(entries[0]["file"] as? String == "a.md")
        #expect(entries[0]["line"] as? Int == 2)
        #expect(entries[0]["code"] as? String == "site.file.missing")
        #expect(entries[1]["file"] is NSNull, "a diagnostic without a place has file: null")
        // Every documented field is there, null when the command did not produce it.
        #expect(Set(object.keys) == ["command", "ok", "errors", "warnings", "notes", "silenced", "pages", "seconds", "output", "diagnostics"])
        #expect(object["output"] is NSNull && object["seconds"] is NSNull && object["notes"] as? Int == 0)
        #expect(Set(entries[1].keys) == ["severity", "code", "file", "line", "column", "message"])
    }

    @Test func humanFormatColoursOnlyWhenAsked() {
        let diagnostic = Diagnostic.error(.siteFileMissing, "bad", at: SourceLocation(path: "a.md", line: 2, column: 1))
        #expect(DiagnosticFormatter(useColour: false).format(diagnostic) == "a.md:2:1: error: bad")
        #expect(DiagnosticFormatter(useColour: true).format(diagnostic).contains("\u{1B}[1;31merror:"))
        #expect(DiagnosticFormatter.summary(errors: 2, warnings: 1) == "2 errors, 1 warning")
    }
}
