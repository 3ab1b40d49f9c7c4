import Testing
@testable import NoticeKit

/// Each registry diagnostic of the format, with its message, line and column.
@Suite("Registry checks")
struct RegistryChecksTests {
    func diagnostics(_ yaml: String) -> [String] {
        let reader = RegistryReader(file: SourceFile(path: "registry.yaml", text: yaml))
        _ = reader.read()
        return reader.reader.log.sorted.map { "\($0.location!.line):\($0.location!.column) \($0.severity): \($0.message)" }
    }

    func registry(cookies: String, extraService: String = "") -> String {
        """
        categories:
          - id: analytics
            title: Analytics
        services:
          - id: hotjar
            name: Hotjar
            category: analytics
            cookies:
        \(cookies)
        \(extraService)
        """
    }

    @Test func unreadableDurationListsTheAcceptedForms() {
        let result = diagnostics(registry(cookies: "      - {name: _hjid, purpose: Id., duration: a fortnight}"))
        #expect(result == ["9:47 error: the duration 'a fortnight' of the cookie '_hjid' cannot be read; write it like \(DurationParser.acceptedForms). A condition may follow a comma ('7 days, or until you sign out'); if the policy does not say, write 'Not stated'"])
    }

    @Test func spaceInACookieNameIsCaught() {
        let result = diagnostics(registry(cookies: "      - {name: VISITOR INFO1 LIVE, purpose: P., duration: Session}"))
        #expect(result.count == 1)
        #expect(result[0].hasPrefix("9:16 warning: 'VISITOR INFO1 LIVE' has a space in its name"), "browsers accept spaces, so it is a warning")
    }

    @Test func storageKeysMayHoldAnyCharacters() {
        let result = diagnostics(registry(cookies: "      - {name: my key, purpose: P., duration: Session, storage: local-storage}"))
        #expect(result.isEmpty)
    }

    @Test func unclosedPlaceholderIsAnError() {
        let result = diagnostics(registry(cookies: "      - {name: \"_ga_<id\", purpose: P., duration: Session}"))
        #expect(result == ["9:16 error: the cookie name '_ga_<id' cannot be read: the placeholder that starts with '<' is not closed with '>'"])
    }

    @Test func sameCookieTwiceInAServiceIsAnError() {
        let result = diagnostics(registry(cookies: """
                  - {name: _hjid, purpose: P., duration: Session}
                  - {name: _hjid, purpose: Q., duration: Session}
            """))
        #expect(result == ["10:16 error: the service 'hotjar' lists the cookie '_hjid' twice (first at line 9); keep one"])
    }

    @Test func sameCookieInTwoServicesIsAWarning() {
        let other = """
              - id: other
                name: Other
                category: analytics
                cookies:
                  - {name: _hjid, purpose: P., duration: Session}
            """
        let result = diagnostics(registry(cookies: "      - {name: _hjid, purpose: P., duration: Session}", extraService: other))
        #expect(result == ["14:16 warning: the cookie '_hjid' is also listed by the service 'hotjar' (line 9); if both really set it, say so in a 'note', otherwise remove one"])
    }

    @Test func emptyPurposeIsAnError() {
        let result = diagnostics(registry(cookies: "      - {name: _hjid, purpose: \"\", duration: Session}"))
        #expect(result == ["9:32 error: 'purpose' in the cookie '_hjid' is empty; write a value after the colon"])
    }

    @Test func insecureAndRelativeLinksAreWarnings() {
        let yaml = """
            categories:
              - {id: analytics, title: Analytics}
            services:
              - id: hotjar
                name: Hotjar
                category: analytics
                privacyPolicy: http://www.hotjar.com/privacy
                optOut: hotjar.com/opt-out
            """
        #expect(diagnostics(yaml) == [
            "7:20 warning: 'privacyPolicy' in the service 'hotjar' starts with http://; use the https:// address so readers are not sent to an insecure page",
            "8:13 warning: 'optOut' in the service 'hotjar' should be a full web address starting with https://, such as https://example.com/privacy",
        ])
    }

    @Test func wrongTypeIsExplained() {
        let yaml = """
            categories:
              - id: analytics
                title: [Analytics, cookies]
                necessary: maybe
            services: []
            """
        #expect(diagnostics(yaml) == [
            "3:12 error: 'title' in the category 'analytics' should be a single value, but it is a list",
            "4:16 error: 'necessary' in the category 'analytics' should be true or false, not 'maybe'",
        ])
    }

    @Test func unknownRootKeyAndMissingCategories() {
        let result = diagnostics("services: []\ncookies: []\n")
        #expect(result == [
            "1:1 error: the registry has no 'categories'; list at least the strictly necessary category",
            "2:1 error: unknown key 'cookies' in the registry; the keys allowed here are 'categories', 'services'",
        ])
    }
}
