import Foundation
import NoticeKit
import Testing

/// Builds the repository's own `content/` (Kent County Council's cookie policy) and checks it against the seed.
@Suite("The example site")
struct ExampleSiteTests {
    /// Every cookie of Kent County Council's published policy with its duration as written there.
    static let seedCookies: [(name: String, duration: String)] = [
        ("_ga", "90 days"), ("_gid", "24 hours"), ("_gat", "1 minute"), ("AMP_TOKEN", "30 seconds to 1 year"),
        ("_gac_<property-id>", "90 days"), ("_ga_<container-id>", "90 days"), ("_gac_gb_<container-id>", "90 days"),
        ("_hjSessionUser{site_id}", "365 days"), ("_hjSession{site_id}", "30 minutes"), ("_hjClosedSurveyInvites", "365 days"),
        ("_hjDonePolls", "365 days"), ("_hjMinimizedPolls", "365 days"), ("_hjShownFeedbackMessage", "365 days"),
        ("_hjSessionTooLarge", "Session"), ("_hjSessionRejected", "Session"), ("_hjSessionResumed", "Session"),
        ("_hjid", "365 days"), ("_hjRecordingLastActivity", "Session"), ("_hjTLDTest", "Session"),
        ("_hjUserAttributesHash", "Session"), ("_hjLocalStorageTest", "Under 100ms"), ("_hjIncludedInPageviewSample", "30 minutes"),
        ("_hjIncludedInSessionSample", "30 minutes"), ("_hjAbsoluteSessionInProgress", "30 Minutes"), ("_hjFirstSeen", "Session"),
        ("_hjViewportId", "Session"), ("_hjRecordingEnabled", "Session"),
        ("AWSELB", "5 minutes"), ("AWSELBCORS", "5 minutes"),
        ("PREF*", "After 8 months"), ("YSC", "Session"), ("VISITOR_INFO1_LIVE", "After 8 months"),
        ("cookie-management-preferences-set", "90 days"), ("cookie-management-status", "90 days"), ("cookie-management-version", "90 days"),
        ("SQ_SYSTEM_SESSION", "Session"), ("ASP.NET_SessionId", "Session"), ("_mglogon_", "Session"), ("ZipGenAcc", "Session"),
    ]

    static let siteDirectory = TempSite.repositoryRoot.appendingPathComponent("content")

    func render() throws -> RenderedSite {
        let builder = SiteBuilder(
            options: .init(
                siteDirectory: Self.siteDirectory, outputDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("unused"),
                themeSearchPaths: [TempSite.builtInThemes]))
        return try builder.render()
    }

    func page(_ path: String, in site: RenderedSite) throws -> String {
        let file = try #require(site.files.first { $0.path == path })
        guard case .data(let data) = file.contents else { throw BuildFailure(diagnostics: []) }
        return String(decoding: data, as: UTF8.self)
    }

    @Test func buildsCleanlyWithoutWarnings() throws {
        let site = try render()
        #expect(site.diagnostics.map(\.description) == [])
        #expect(site.site.main.pages.map(\.name) == ["accessibility", "cookies", "index"])
    }

    @Test func everySeedCookieIsInAGeneratedRowWithItsDuration() throws {
        #expect(Self.seedCookies.count == 39)
        let html = try page("cookies/index.html", in: try render())
        let rows = html.components(separatedBy: "<tr>").dropFirst().filter { $0.contains("<th scope=\"row\"") }
        #expect(rows.count == 39)
        for (name, duration) in Self.seedCookies {
            let escaped = name.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            // The varying part of a pattern is marked with <var>; the name reads the same without it.
            let row = rows.first { $0.replacingOccurrences(of: "<var>", with: "").replacingOccurrences(of: "</var>", with: "").contains("<code>\(escaped)</code>") }
            #expect(row != nil, "no table row for \(name)")
            #expect(row?.contains("<td data-label=\"Expires\">\(duration)</td>") == true, "\(name) should last \(duration)")
        }
    }

    @Test func noCookieTableIsWrittenByHand() throws {
        let markdown = try String(contentsOf: Self.siteDirectory.appendingPathComponent("pages/cookies.md"), encoding: .utf8)
        #expect(!markdown.contains("|"), "Markdown tables are not CommonMark and must not list cookies")
        #expect(!markdown.contains("<table"))
        let directives = markdown.components(separatedBy: "```cookie-table ").count - 1
        let html = try page("cookies/index.html", in: try render())
        #expect(html.components(separatedBy: "<table").count - 1 == directives)
        #expect(directives == 8)
    }

    @Test func everyServiceAndCategoryOfTheSeedIsInTheRegistry() throws {
        let registry = try render().site.main.registry
        #expect(registry.categories.map(\.id) == ["analytics", "functional", "necessary"])
        let names = registry.services.map(\.name)
        for service in [
            "Google Analytics", "Hotjar", "GovMetric CX", "YouTube", "Vimeo", "Our cookie management solution",
            "Squiz Matrix", "iCasework", "Modern.Gov", "Mailchimp", "Zipporah",
        ] {
            #expect(names.contains(service), "\(service) is missing from the registry")
        }
        #expect(names.contains { $0.contains("Springshare") || $0.contains("Ask a Kent Librarian") })
        #expect(names.contains { $0.lowercased().contains("social media") })
        #expect(registry.allCookies.count == 39)
    }
}
