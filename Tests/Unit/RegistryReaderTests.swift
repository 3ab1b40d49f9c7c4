import Foundation
import Testing

@testable import NoticeKit

@Suite("Registry reading")
struct RegistryReaderTests {
    func read(_ yaml: String) -> (CookieRegistry?, [Diagnostic]) {
        let reader = RegistryReader(file: SourceFile(path: "registry.yaml", text: yaml))
        let registry = reader.read()
        return (registry, reader.reader.log.sorted)
    }

    static let valid = """
        categories:
          - id: analytics
            title: Analytics cookies
          - id: necessary
            title: Strictly necessary cookies
            necessary: true
        services:
          - id: google-analytics
            name: Google Analytics
            category: analytics
            privacyPolicy: https://policies.google.com/privacy
            cookies:
              - name: _ga
                purpose: Used to distinguish users.
                duration: 90 days
              - name: _hjRecordingLastActivity
                purpose: Session data.
                duration: Session
                storage: session-storage
                party: first
        """

    @Test func readsCategoriesServicesAndCookiesInOrder() throws {
        let (registry, diagnostics) = read(Self.valid)
        #expect(diagnostics.isEmpty)
        let parsed = try #require(registry)
        #expect(parsed.categories.map(\.id) == ["analytics", "necessary"])
        #expect(parsed.categories.map(\.necessary) == [false, true])
        let service = try #require(parsed.service(id: "google-analytics"))
        #expect(service.cookies.map(\.name) == ["_ga", "_hjRecordingLastActivity"])
        #expect(service.cookies[1].storage == .sessionStorage)
        #expect(service.cookies[1].party == .first)
        #expect(service.cookies[0].location.description == "registry.yaml:13:15")
    }

    @Test func reportsEveryProblemInOnePassWithPositions() {
        let yaml = """
            categories:
              - id: analytics
                title: Analytics cookies
            services:
              - id: hotjar
                name: Hotjar
                category: analytic
                cookies:
                  - name: _hjid
                    purpse: Keeps the user id.
                    duration: 365 days
                    storage: cookies
            """
        let (_, diagnostics) = read(yaml)
        let lines = diagnostics.map { "\($0.location!.line):\($0.location!.column) \($0.message)" }
        #expect(
            lines == [
                "7:15 the service 'hotjar' is in the category 'analytic', which the registry does not define; did you mean 'analytics'?",
                "9:9 the cookie '_hjid' is missing 'purpose'; add a line `purpose: …`",
                "10:9 unknown key 'purpse' in the cookie '_hjid'; did you mean 'purpose'?",
                "12:18 'storage' in the cookie '_hjid' cannot be 'cookies'; did you mean 'cookie'?",
            ])
    }

    @Test func duplicateIDsAndBadIDsAreErrors() {
        let yaml = """
            categories:
              - id: analytics
                title: A
              - id: analytics
                title: B
              - id: Functional Cookies
                title: C
            services: []
            """
        let (_, diagnostics) = read(yaml)
        #expect(diagnostics.count == 2)
        #expect(diagnostics[0].message.contains("already used at line 2"))
        #expect(diagnostics[0].location?.line == 4)
        #expect(diagnostics[1].message.contains("cannot be an id"))
    }

    @Test func wrongShapesAreExplained() {
        let (_, diagnostics) = read("categories: analytics\nservices:\n  id: x\n")
        #expect(
            diagnostics.map(\.message) == [
                "'categories' in the registry should be a list (lines starting with `- `), but this is the single value \"analytics\"",
                "'services' in the registry should be a list (lines starting with `- `), but this is a set of `key: value` lines",
            ])
    }

    @Test func linksMustBeWebAddresses() {
        let yaml = Self.valid.replacingOccurrences(of: "https://policies.google.com/privacy", with: "policies.google.com")
        let (_, diagnostics) = read(yaml)
        #expect(diagnostics.map(\.location?.line) == [11])
        #expect(diagnostics.first?.message.contains("https://") == true)
    }

    @Test func yamlSyntaxErrorPointsAtTheLine() {
        let (registry, diagnostics) = read("categories:\n  - id: analytics\n\ttitle: Tabs\n")
        #expect(registry == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].location?.line == 3)
        #expect(diagnostics[0].message.contains("tabs"))
    }

    @Test func duplicateKeysAreReported() {
        let (_, diagnostics) = read("categories: []\ncategories: []\n")
        #expect(diagnostics.first?.message.contains("more than once") == true)
    }

    @Test func consentManagerMayNotListCookies() {
        let yaml = """
            categories:
              - id: necessary
                title: Necessary
                necessary: true
            services:
              - id: cookie-management
                name: Cookie management
                category: necessary
                consentManager: true
                cookies:
                  - name: x
                    purpose: y
                    duration: 1 day
            """
        let (_, diagnostics) = read(yaml)
        #expect(diagnostics.map(\.location?.line) == [11])
        #expect(diagnostics.first?.message.contains("remove its 'cookies' list") == true)
    }
}
