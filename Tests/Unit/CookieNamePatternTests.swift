import Foundation
import PropertyBased
import Testing

@testable import NoticeKit

@Suite("Cookie name patterns")
struct CookieNamePatternTests {
    @Test(arguments: [
        ("_ga_<container-id>", "_ga_ABC123", true), ("_ga_<container-id>", "_ga_", false), ("_ga_<container-id>", "_ga", false),
        ("_gac_gb_<container-id>", "_gac_gb_UA-1", true), ("_hjSession{site_id}", "_hjSession123", true),
        ("_hjSession{site_id}", "_hjSessionUser123", true), ("PREF*", "PREF", true), ("PREF*", "PREF_1", true),
        ("PREF*", "xPREF", false), ("_ga", "_ga", true), ("_ga", "_gat", false), ("_ga", "_GA", false),
        ("ASP.NET_SessionId", "ASPXNET_SessionId", false), ("a*b*c", "abc", true), ("a*b*c", "axxbyyc", true),
        ("a*b*c", "acb", false), ("<x>-<y>", "1-2", true), ("<x>-<y>", "-2", false),
    ])
    func matching(pattern: String, name: String, matches: Bool) throws {
        let compiled = try CookieNamePattern(pattern)
        #expect(compiled.matches(name) == matches)
        #expect(Self.regexMatches(compiled.regexSource, name) == matches, "the regular expression disagrees")
    }

    /// Found by the name-pattern fuzz target: a storage key with a line break, or a name whose letter
    /// and accent are two code units, was judged differently by the Swift matcher and the script.
    @Test(arguments: [("_ga_<id>", "_ga_a\nb"), ("_ga_<id>", "_ga_\r"), ("e*", "e\u{301}"), ("<x>\u{301}", "e\u{301}"), ("a*", "a\u{2028}")])
    func lineBreaksAndCombiningMarksAgree(pattern: String, name: String) throws {
        let compiled = try CookieNamePattern(pattern)
        #expect(compiled.matches(name))
        #expect(Self.regexMatches(compiled.regexSource, name))
    }

    /// Found by the fuzz target: runs of wildcards made expressions that backtrack for ever, and a NUL
    /// in a storage key ended the expression early.
    @Test func wildcardRunsCollapseAndControlCharactersAreEscaped() throws {
        #expect(try CookieNamePattern("a{x}*{y}b*").regexSource == "a.{2,}b.*")
        #expect(try CookieNamePattern("a<x><y><z>").regexSource == "a.{3,}")
        #expect(try CookieNamePattern("k\u{0}\n").regexSource == "k\\u0000\\u000A")
        let pattern = try CookieNamePattern("x<a>\u{0}*")
        #expect(pattern.matches("xy\u{0}z"))
        #expect(Self.regexMatches(pattern.regexSource, "xy\u{0}z"))
    }

    @Test func manyWildcardsStayFast() throws {
        let pattern = try CookieNamePattern("a*a*a*b")
        let name = String(repeating: "a", count: 4_000)
        let started = ContinuousClock.now
        #expect(!pattern.matches(name))
        #expect(ContinuousClock.now - started < .seconds(1))
    }

    @Test func partsAndExactness() throws {
        let pattern = try CookieNamePattern("_ga_<container-id>")
        #expect(pattern.parts == [.literal("_ga_"), .placeholder("<container-id>")])
        #expect(!pattern.isExact)
        #expect(try CookieNamePattern("ASP.NET_SessionId").isExact)
        #expect(try CookieNamePattern("ASP.NET_SessionId").regexSource == "ASP\\.NET_SessionId")
        #expect(try CookieNamePattern("a**b").parts == [.literal("a"), .wildcard, .literal("b")])
    }

    @Test(arguments: ["_ga_<container-id", "_hj{", "x<>", "{}", "a*b*c*d*", "*a*b*c*", "<a>b<c>d{e}f*"])
    func malformed(pattern: String) {
        #expect(throws: CookieNamePatternError.self) { try CookieNamePattern(pattern) }
    }

    @Test func matcherCombinesEveryPattern() throws {
        let matcher = CookieNameMatcher([try CookieNamePattern("_ga"), try CookieNamePattern("_ga_<id>"), try CookieNamePattern("PREF*")])
        #expect(matcher.regexSource == "^(?:_ga|_ga_.+|PREF.*)$")
        for name in ["_ga", "_ga_X", "PREF", "PREFab"] { #expect(matcher.matches(name)) }
        for name in ["_gid", "_ga_", "APREF"] { #expect(!matcher.matches(name)) }
        #expect(!Self.regexMatches(CookieNameMatcher([]).regexSource, ""))
    }

    /// Names and patterns drawn from a small alphabet, so that matches are frequent, holding characters a
    /// regular expression gives a meaning, so that one the script's expression does not escape is found.
    static let nameCharacters: [Character] = ["a", "b", "_", ".", "[", "]", "+", "(", "\\"]
    static let patternPieces = ["a", "b", "_", ".", "[", "]", "+", "(", "\\", "*", "<x>", "{y}"]
    static let names = Gen.int(in: 0...(nameCharacters.count - 1)).map { nameCharacters[$0] }.string(of: 0...8)
    static let patterns = Gen.int(in: 0...(patternPieces.count - 1)).map { patternPieces[$0] }.array(of: 0...6).map { $0.joined() }

    @Test func matcherAgreesWithAReferenceImplementation() async {
        await propertyCheck(count: 2_000, input: Self.patterns, Self.names) { text, name in
            let pattern = try! CookieNamePattern(text)
            let expected = Self.reference(Array(text), Array(name))
            #expect(pattern.matches(name) == expected, "\(text) against \(name)")
            #expect(Self.regexMatches("^" + pattern.regexSource + "$", name) == expected, "regex \(pattern.regexSource) against \(name)")
        }
    }

    /// An independent, character-by-character reading of the documented rules: `*` takes any run, a
    /// bracketed placeholder takes one or more characters, everything else matches itself.
    static func reference(_ pattern: [Character], _ name: [Character]) -> Bool {
        guard let first = pattern.first else { return name.isEmpty }
        if first == "*" {
            return (0...name.count).contains { reference(Array(pattern.dropFirst()), Array(name.dropFirst($0))) }
        }
        if first == "<" || first == "{" {
            let close: Character = first == "<" ? ">" : "}"
            let rest = Array(pattern.drop { $0 != close }.dropFirst())
            return name.count >= 1 && (1...name.count).contains { reference(rest, Array(name.dropFirst($0))) }
        }
        return name.first == first && reference(Array(pattern.dropFirst()), Array(name.dropFirst()))
    }

    /// As the consent script runs it: `new RegExp(source, 's')`, whose `^` and `$` are the input's ends.
    static func regexMatches(_ source: String, _ name: String) -> Bool {
        var anchored = source.hasPrefix("^") ? source : "^" + source + "$"
        anchored = "\\A" + anchored.dropFirst().dropLast() + "\\z"
        guard let regex = try? NSRegularExpression(pattern: anchored, options: [.dotMatchesLineSeparators]) else {
            Issue.record("the consent script's expression \(source) is not a regular expression")
            return false
        }
        return regex.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil
    }
}
