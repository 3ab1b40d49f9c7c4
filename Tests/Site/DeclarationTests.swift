import Foundation
import NoticeKit
import Testing

/// `cookies.json` and `cookies.csv` against reviewed golden files. Run with `UPDATE_GOLDEN=1` to rewrite
/// them after an intended change, then review the diff.
@Suite("Cookie declarations")
struct DeclarationTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static let registry = """
        categories:
          - id: analytics
            title: Analytics cookies
            description: Helps us improve the site.
          - id: necessary
            title: Strictly necessary cookies
            necessary: true
        services:
          - id: google-analytics
            name: Google Analytics
            category: analytics
            provider: Google
            privacyPolicy: https://policies.google.com/privacy
            cookies:
              - name: _ga
                purpose: Used to distinguish users.
                duration: 90 days
              - name: _ga_<container-id>
                purpose: Used to persist session state.
                duration: 30 seconds to 1 year
              - name: _hjRecordingLastActivity
                purpose: "Kept in session storage, \\"not\\" a cookie."
                duration: Session
                storage: session-storage
              - name: "PREF*"
                purpose: "=SUM(A1) looks like a formula"
                duration: Under 100ms
                party: third
                domain: .youtube.com
                note: Deleted when you sign out
        """

    func build() throws -> TempSite {
        var files = TempSite.minimalSite
        files["registry.yaml"] = Self.registry
        let site = try TempSite(files)
        try site.build()
        return site
    }

    @Test(arguments: ["cookies.json", "cookies.csv"])
    func matchesTheGoldenFile(name: String) throws {
        let site = try build()
        let produced = try Data(contentsOf: site.outputDirectory.appendingPathComponent(name))
        let goldenFile = Self.golden.appendingPathComponent(name)
        try GoldenFile.check(produced, against: goldenFile, shownAs: "Tests/Site/Golden/\(name)")
    }

    @Test func jsonCarriesStructuredDurationsPatternsAndTheVersion() throws {
        let site = try build()
        let data = try Data(contentsOf: site.outputDirectory.appendingPathComponent("cookies.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let services = try #require(json["services"] as? [[String: Any]])
        let cookies = try #require(services.first?["cookies"] as? [[String: Any]])
        let range = try #require(cookies[1]["duration"] as? [String: String])
        #expect(range == ["text": "30 seconds to 1 year", "type": "range", "min": "PT30S", "max": "P1Y"])
        #expect(cookies[1]["isPattern"] as? Bool == true)
        #expect(cookies[1]["matches"] as? String == "^_ga_.+$")
        let version = try #require(json["version"] as? String)
        #expect(version.count == 16)
        // The consent script's cookies are declared too, under the necessary category.
        #expect(services.contains { ($0["consentManager"] as? Bool) == true && ($0["category"] as? String) == "necessary" })
    }

    @Test func csvHasOneRowPerCookieAndQuotesSafely() throws {
        let site = try build()
        let data = try Data(contentsOf: site.outputDirectory.appendingPathComponent("cookies.csv"))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF], "a UTF-8 byte-order mark, for Excel")
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("Category,Service,Provider,Cookie name,"))
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 1 + 4 + 3, "a heading row, four registry cookies and the three consent cookies")
        #expect(text.contains("\"Kept in session storage, \"\"not\"\" a cookie.\""))
        #expect(text.contains(",'=SUM(A1) looks like a formula,"), "a leading = is defused so spreadsheets do not run it")
        #expect(text.contains(",PT30S/P1Y,"))
    }

    @Test func declarationsAreByteIdenticalAcrossBuilds() throws {
        let first = try build()
        let second = try build()
        for name in ["cookies.json", "cookies.csv"] {
            let a = try Data(contentsOf: first.outputDirectory.appendingPathComponent(name))
            let b = try Data(contentsOf: second.outputDirectory.appendingPathComponent(name))
            #expect(a == b)
        }
    }
}
