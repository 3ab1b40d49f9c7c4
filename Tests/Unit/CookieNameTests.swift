import Foundation
import Testing

@testable import NoticeKit

/// Cookie names as real published tables write them: browser rules, several names in a row, prefixes.
@Suite("Cookie names as published")
struct CookieNameTests {
    func read(_ cookies: String) -> (CookieRegistry?, [String]) {
        let yaml = """
            categories:
              - id: analytics
                title: Analytics
            services:
              - id: wp
                name: WordPress
                category: analytics
                cookies:
            \(cookies)
            """
        let reader = RegistryReader(file: SourceFile(path: "registry.yaml", text: yaml))
        let registry = reader.read()
        return (registry, reader.reader.log.sorted.map { "\($0.location!.line):\($0.location!.column) \($0.severity): \($0.message)" })
    }

    @Test(arguments: ["ab::c", "a:b", "__Host-x", "a b", "x,y", "a@b", "[x]", "a/b", "a?b", "q\"x", "ça"])
    func namesBrowsersAcceptAreValid(name: String) {
        #expect(CookieNameRules.problem(with: name) == nil, "\(name)")
    }

    @Test(arguments: [
        ("a;b", "';'"), ("a=b", "'='"), ("a\tb", "control character"), ("a\nb", "control character"),
        (" a", "start and end"), ("", "needs a name"),
    ])
    func namesNoBrowserCanSetAreRefusedWithTheReason(name: String, reason: String) throws {
        let problem = try #require(CookieNameRules.problem(with: name))
        #expect(problem.contains(reason), "\(problem)")
    }

    @Test func aColonNameReadsCleanly() {
        let (registry, diagnostics) = read("      - {name: \"ab::c\", purpose: P., duration: Session}")
        #expect(diagnostics.isEmpty)
        #expect(registry?.services[0].cookies[0].name == "ab::c")
    }

    @Test func aSpaceIsAWarningNotAnError() {
        let (_, diagnostics) = read("      - {name: VISITOR INFO1 LIVE, purpose: P., duration: Session}")
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].hasPrefix("9:16 warning: 'VISITOR INFO1 LIVE' has a space in its name"))
    }

    @Test func severalNamesShareOneRow() throws {
        let (registry, diagnostics) = read(
            """
                  - names: [__a, __b, "__c_<id>"]
                    purpose: Used by the editor.
                    duration: 1 year
            """)
        #expect(diagnostics.isEmpty)
        let cookie = try #require(registry?.services[0].cookies.first)
        #expect(cookie.names == ["__a", "__b", "__c_<id>"])
        #expect(cookie.each.map(\.name) == ["__a", "__b", "__c_<id>"])
        let matcher = try #require(registry).cookieNameMatcher(forCategory: "analytics")
        for name in ["__a", "__b", "__c_9"] { #expect(matcher.matches(name)) }
    }

    @Test func aCommaListInNameSuggestsTheListForm() {
        let (_, diagnostics) = read("      - {name: \"__a, __b, __c\", purpose: P., duration: Session}")
        #expect(diagnostics == ["9:16 error: '__a, __b, __c' is several names in one; write them as a list, names: [__a, __b, __c], and they share one row of the table"])
    }

    @Test func nameAndNamesTogetherOrAnEmptyListAreErrors() {
        let (_, both) = read("      - {name: a, names: [b], purpose: P., duration: Session}")
        #expect(both.first?.contains("both 'name' and 'names'") == true)
        let (_, empty) = read("      - {names: [], purpose: P., duration: Session}")
        #expect(empty.first?.contains("'names' is empty") == true)
        let (_, twice) = read("      - {names: [a, a], purpose: P., duration: Session}")
        #expect(twice.first?.contains("twice") == true)
    }

    @Test func aNameEndingLikeAPrefixIsAWarningUnlessMarkedExact() {
        let (_, diagnostics) = read("      - {name: wp_settings_, purpose: P., duration: 1 year}")
        #expect(diagnostics == ["9:16 warning: 'wp_settings_' ends with '_', as the start of a family of names does; as written it is one exact name, so the consent script would never delete the real cookies (wp_settings_42, say): write 'wp_settings_*' if it stands for a family, or add 'exact: true' if the cookie really has this name"])
        let (_, exact) = read("      - {name: wp_settings_, exact: true, purpose: P., duration: 1 year}")
        #expect(exact.isEmpty)
        let (_, dash) = read("      - {name: \"ab-\", purpose: P., duration: 1 year}")
        #expect(dash.first?.contains("ends with '-'") == true)
    }

    @Test func overlappingWildcardsInOneServiceAreAWarning() {
        let (_, diagnostics) = read(
            """
                  - {name: "x_*", purpose: P., duration: 1 year}
                  - {name: "x_y_*", purpose: Q., duration: 1 year}
            """)
        #expect(diagnostics == ["10:16 warning: every name 'x_y_*' stands for is also covered by 'x_*' (line 9) in this service; if they are different cookies, keep both and say how they differ in a 'note', otherwise remove one"])
        let (_, placeholders) = read(
            """
                  - {name: "_hjSession{site_id}", purpose: P., duration: 30 minutes}
                  - {name: "_hjSessionUser{site_id}", purpose: Q., duration: 1 year}
            """)
        #expect(placeholders.isEmpty, "placeholders name one varying part, not any text")
    }
}
