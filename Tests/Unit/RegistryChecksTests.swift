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

    @Test func unreadableDurationIsAWarningAskingForLifetime() {
        let result = diagnostics(registry(cookies: "      - {name: _hjid, purpose: Id., duration: As soon as it has been displayed}"))
        #expect(result == ["9:47 warning: Notice cannot tell how long the cookie '_hjid' lasts from 'As soon as it has been displayed'; the table shows these words as written, and cookies.json and the audit take its lifetime as unknown. Add 'lifetime:' beside it with how long it lasts: \(DurationParser.lifetimeForms)"])
    }

    @Test func aMistypedDurationSuggestsTheReadingAndStaysAsWritten() {
        let result = diagnostics(registry(cookies: "      - {name: _hjid, purpose: Id., duration: 45 dayz}"))
        #expect(result.count == 1)
        #expect(result[0].hasPrefix("9:47 warning: Notice cannot tell how long the cookie '_hjid' lasts from '45 dayz'"))
        #expect(result[0].contains("Did you mean '45 days'? If the policy really says this, keep it and add 'lifetime:'"))
    }

    @Test func anUnreadableLifetimeIsAnErrorSinceItIsTheMachineValue() {
        let result = diagnostics(registry(cookies: "      - {name: _hjid, purpose: Id., duration: Shortly, lifetime: shortly}"))
        #expect(result == ["9:66 error: 'lifetime' of the cookie '_hjid' is the machine value, so it must be one of: \(DurationParser.lifetimeForms); 'shortly' is none of these (the published words go in 'duration')"])
    }

    @Test func aLifetimeThatContradictsTheWordsIsAWarning() {
        let result = diagnostics(registry(cookies: "      - {name: _hjid, purpose: Id., duration: 2 years, lifetime: 1 year}"))
        #expect(result == ["9:66 warning: the published duration '2 years' of the cookie '_hjid' reads as P2Y, but 'lifetime' says P1Y; check which is right"])
    }

    @Test func aRowWithoutDurationIsAWarningAndStillARow() throws {
        let yaml = registry(cookies: "      - {name: _hjid, purpose: Id.}")
        let reader = RegistryReader(file: SourceFile(path: "registry.yaml", text: yaml))
        let cookie = try #require(reader.read()?.services.first?.cookies.first)
        #expect(cookie.duration == nil && cookie.lifetime == .unknown && cookie.lifetimeSource == .none)
        let messages = reader.reader.log.sorted.map(\.message)
        #expect(messages.count == 1 && messages[0].contains("has no 'duration', so its table shows the theme's \"Not stated\""))
    }

    @Test func aNameCellWithBracketsSuggestsLabel() {
        let result = diagnostics(registry(cookies: "      - {name: __lc_cid (customerID), purpose: P., duration: Session}"))
        #expect(result == ["9:16 warning: '__lc_cid (customerID)' looks like a published name cell rather than the name a browser sets; if the published table writes the cell like this, keep it as written with label: \"__lc_cid (customerID)\" and give the names a browser sets on their own, name: __lc_cid"])
    }

    @Test func aSpacedNameCellSuggestsLabelAndNames() {
        let result = diagnostics(registry(cookies: "      - {name: _ga and _gid, purpose: P., duration: 2 years}"))
        #expect(result.count == 1)
        #expect(result[0].hasSuffix("label: \"_ga and _gid\" and give the names a browser sets on their own, names: [_ga, _gid]"))
    }

    @Test func aLabelledNameCellIsQuiet() {
        let result = diagnostics(registry(cookies: "      - {names: [_ga, _gid], label: _ga and _gid, purpose: P., duration: 2 years}"))
        #expect(result.isEmpty)
    }

    /// A key one space off its block is told to line up with the key above, whichever way it is off.
    @Test(arguments: [
        ("   title: A", "3:4 error: 'title' is indented 3 spaces, but 'id' on the line above is indented 4; keys of one block line up, so put 4 spaces before 'title'"),
        ("     title: A", "3:6 error: 'title' is indented 5 spaces, but 'id' on the line above is indented 4; keys of one block line up, so put 4 spaces before 'title'"),
    ])
    func aMisalignedKeyIsToldToLineUp(line: String, message: String) {
        #expect(diagnostics("categories:\n  - id: a\n\(line)\nservices: []\n") == [message])
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

    @Test func sameCookieTwiceInAServiceIsAWarningAndBothRowsStay() throws {
        let yaml = registry(
            cookies: """
                      - {name: _hjid, purpose: P., duration: Session}
                      - {name: _hjid, purpose: Q., duration: Session}
                """)
        #expect(diagnostics(yaml) == ["10:16 warning: the service 'hotjar' lists the cookie '_hjid' again (first at line 9); if the published table has two rows for it (another path, domain or purpose), keep both and say how they differ in a 'note', otherwise remove one"])
        let rows = try #require(RegistryReader(file: SourceFile(path: "registry.yaml", text: yaml)).read()?.services.first?.cookies)
        #expect(rows.map(\.purpose) == ["P.", "Q."])
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
        #expect(
            diagnostics(yaml) == [
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
        #expect(
            diagnostics(yaml) == [
                "3:12 error: 'title' in the category 'analytics' should be a single value, but it is a list",
                "4:16 error: 'necessary' in the category 'analytics' should be true or false, not 'maybe'",
            ])
    }

    @Test func unknownRootKeyAndMissingCategories() {
        let result = diagnostics("services: []\ncookies: []\n")
        #expect(
            result == [
                "1:1 error: the registry has no 'categories'; list at least the strictly necessary category",
                "2:1 error: unknown key 'cookies' in the registry; the keys allowed here are 'categories', 'services'",
            ])
    }
}
