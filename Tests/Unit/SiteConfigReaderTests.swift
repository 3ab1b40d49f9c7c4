import Testing

@testable import NoticeKit

@Suite("Site settings")
struct SiteConfigReaderTests {
    func read(_ yaml: String) -> (SiteConfig?, [Diagnostic]) {
        let reader = SiteConfigReader(file: SourceFile(path: "site.yaml", text: yaml))
        return (reader.read(), reader.reader.log.sorted)
    }

    @Test func readsEverySetting() throws {
        let (config, diagnostics) = read(
            """
            title: Kent County Council
            baseURL: https://www.kent.gov.uk/
            language: en-GB
            policyPage: cookies
            navigation:
              - title: Cookies
                page: cookies
              - title: Contact
                url: https://www.kent.gov.uk/contact
            consent:
              domain: .kent.gov.uk
              lifetime: 180 days
              cookies:
                status: consent-status
            strings:
              layout:
                skipLink: Skip to content
            """)
        #expect(diagnostics.isEmpty)
        let parsed = try #require(config)
        #expect(parsed.baseURL == "https://www.kent.gov.uk")
        #expect(parsed.policyPage?.value == "cookies")
        #expect(parsed.navigation.count == 2)
        #expect(parsed.consent.domain == "kent.gov.uk")
        #expect(parsed.consent.lifetimeDays == 180)
        #expect(parsed.consent.cookieNames.status == "consent-status")
        #expect(parsed.consent.cookieNames.version == "cookie-management-version")
        #expect(parsed.strings["layout.skipLink"] == "Skip to content")
    }

    @Test func reportsBadValuesWithPositions() {
        let (_, diagnostics) = read(
            """
            title: Site
            language: English
            baseURL: www.example.com
            consent:
              lifetime: three moons
              cookies:
                status: "my cookie"
            theme: ../evil
            """)
        #expect(diagnostics.map { $0.location!.line } == [2, 3, 5, 7, 8])
    }

    @Test func titleIsRequired() {
        let (config, diagnostics) = read("language: en-GB\n")
        #expect(config == nil)
        #expect(diagnostics.first?.message == "site.yaml is missing 'title'; add a line `title: …`")
    }

    @Test(arguments: ["en", "en-GB", "cy", "cy-GB", "zh-Hant-TW"]) func languageTags(tag: String) {
        #expect(SiteConfigReader.isLanguageTag(tag))
    }

    @Test(arguments: ["English", "e", "en_GB", "en-"]) func notLanguageTags(tag: String) {
        #expect(!SiteConfigReader.isLanguageTag(tag))
    }
    @Test func receiptsGoToAnHTTPSAddressOrToThisComputer() throws {
        for address in ["https://consent.example.gov.uk/receipts", "http://127.0.0.1:8123/receipts", "http://localhost/r"] {
            let (config, diagnostics) = read("title: T\nconsent:\n  receipts: \(address)\n")
            #expect(diagnostics.isEmpty, "\(address)")
            #expect(config?.consent.receipts == address)
        }
        let (config, _) = read("title: T\n")
        #expect(config?.consent.receipts == nil, "nothing is sent unless asked for")
        #expect(config?.consent.reloadOnWithdraw == true)
    }

    @Test(arguments: [
        ("http://consent.example.gov.uk/r", "should be the full https:// address that collects consent receipts"),
        ("/receipts", "should be the full https:// address that collects consent receipts"),
        ("https://user:secret@example.gov.uk/r", "should be the full https:// address that collects consent receipts"),
        ("javascript:alert(1)", "is not allowed: only https:, http:, mailto: and tel: addresses"),
    ])
    func receiptsAddressesThatCannotBeUsedAreErrorsWithTheirPosition(address: String, message: String) {
        let (_, diagnostics) = read("title: T\nconsent:\n  receipts: \(address)\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains(message) == true, "\(diagnostics)")
        #expect(diagnostics.first?.location?.line == 3)
    }

    @Test func theReloadAfterAWithdrawalCanBeTurnedOff() throws {
        let (config, diagnostics) = read("title: T\nconsent:\n  reloadOnWithdraw: false\n")
        #expect(diagnostics.isEmpty)
        #expect(config?.consent.reloadOnWithdraw == false)
        let (_, wrong) = read("title: T\nconsent:\n  reloadOnWithdraw: sometimes\n")
        #expect(wrong.first?.message == "'reloadOnWithdraw' in the consent settings should be true or false, not 'sometimes'")
    }
}
