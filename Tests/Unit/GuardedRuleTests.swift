import Foundation
import Testing

@testable import NoticeKit

/// Breaks a mutation review found no test for: each test here failed when its rule was broken on purpose
/// (the rule, and the break, in each test's comment).
@Suite("Guarded rules")
struct GuardedRuleTests {
    /// The characters the WHATWG URL parser removes before it reads a scheme (tab, line feed, carriage
    /// return), anywhere in `javascript:`, and every C0 control or space before it: each still a script
    /// address. (Break: URLPolicy no longer skipping "\r".)
    @Test func everyCharacterBrowsersIgnoreInASchemeIsIgnoredByThePolicy() {
        let scheme = Array("javascript:alert(1)")
        for removed in ["\t", "\n", "\r"] {
            for position in 0...10 {
                var address = scheme
                address.insert(Character(removed), at: position)
                #expect(!URLPolicy.allows(String(address)), "\(String(address).debugDescription) should be refused")
            }
        }
        for leading in (0...0x20).compactMap(Unicode.Scalar.init) {
            let address = String(Character(leading)) + "javascript:alert(1)"
            #expect(!URLPolicy.allows(address), "\(address.debugDescription) should be refused")
        }
    }

    /// Every character a regular expression gives a meaning, in a name: the consent script's regular
    /// expression matches the name itself and nothing else it could be read as. (Break:
    /// CookieNamePattern.escapeForRegex no longer escaping "[".)
    @Test(arguments: ["a\\b", "a^b", "a$b", "a.b", "a|b", "a?b", "a+b", "a(b)", "[x]", "a]b", "a/b", "a-b", "(?:x)", "[^a]"])
    func regexCharactersInANameMatchOnlyThemselves(name: String) throws {
        let pattern = try CookieNamePattern(name)
        let source = "\\A(?:" + pattern.regexSource + ")\\z"
        let regex = try #require(try? NSRegularExpression(pattern: source, options: [.dotMatchesLineSeparators]), "\(source) is not a regular expression")
        func matches(_ text: String) -> Bool { regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil }
        #expect(matches(name), "\(source) should match \(name)")
        for other in ["x", "ab", "aab", "axb", "a", "b", "xx", "a\\\\b", "(x)", "[x"] where other != name {
            #expect(!matches(other), "\(source) should not match \(other)")
        }
    }
}
