import Foundation
import Testing

@testable import NoticeKit

/// A published table entered as written, and a policy page that shows everything the registry holds.
@Suite("Declarations that tell the whole truth")
struct DeclarationTruthTests {
    /// A registry in the style of real UK council tables: several names in a row, conditions on lifetimes,
    /// an undeclared duration, a session phrase, a colon in a name.
    static let publishedRegistry = """
        categories:
          - id: analytics
            title: Analytics cookies
            summary: We'd like to count visits to improve the website.
          - id: necessary
            title: Strictly necessary cookies
            necessary: true
        services:
          - id: wordpress
            name: WordPress
            category: necessary
            provider: Automattic
            description: The *content management system* behind [our site](https://www.example.gov.uk/).
            privacyPolicy: https://automattic.com/privacy/
            optOut: https://www.example.gov.uk/opt-out
            cookies:
              - names: [wordpress_test_cookie, "wp-settings-<user-id>", "wp-settings-time-<user-id>"]
                purpose: Checks that cookies work and remembers your editor settings.
                duration: 1 year from when it is set
              - name: "ab::c"
                purpose: Load balancing.
                duration: Expires at the end of the browsing session
          - id: survey
            name: Survey tool
            category: analytics
            cookies:
              - name: _survey
                purpose: Remembers that you answered.
                duration: Not stated
        """

    func site(pages cookiesPage: String) throws -> TempSite {
        var files = TempSite.minimalSite
        files["registry.yaml"] = Self.publishedRegistry
        files["pages/cookies.md"] = "---\ntitle: Cookies\ndescription: How we use cookies.\n---\n" + cookiesPage
        return try TempSite(files)
    }

    static let allTables = "```cookie-table category=necessary\n```\n\n## Analytics cookies\n\n```cookie-table service=survey\n```\n\n```consent-settings\n```\n"

    @Test func aPublishedTableGoesInAsWritten() throws {
        let site = try site(pages: Self.allTables)
        let report = try site.build()
        #expect(
            report.diagnostics.map(\.description) == [
                "content/registry.yaml:29:19: warning: the cookie '_survey' has no stated duration ('Not stated'); visitors are entitled to know how long a cookie lasts: ask the provider and write it here when you know"
            ])
        let page = try site.output("cookies/index.html")
        #expect(page.contains("<th scope=\"row\" data-label=\"Name\"><code>wordpress_test_cookie</code>, <code>wp-settings-<var>&lt;user-id&gt;</var></code>, <code>wp-settings-time-<var>&lt;user-id&gt;</var></code></th>"))
        #expect(page.contains("<td data-label=\"Expires\">1 year from when it is set</td>"), "the editor's wording is shown")
        #expect(page.contains("<td data-label=\"Expires\">Not stated</td>"))
        #expect(page.contains("<code>ab::c</code>"))

        let json = try #require(try JSONSerialization.jsonObject(with: Data(site.output("cookies.json").utf8)) as? [String: Any])
        let services = try #require(json["services"] as? [[String: Any]])
        let wordpress = try #require(services.first { $0["id"] as? String == "wordpress" }?["cookies"] as? [[String: Any]])
        #expect(wordpress.map { $0["name"] as? String } == ["wordpress_test_cookie", "wp-settings-<user-id>", "wp-settings-time-<user-id>", "ab::c"])
        #expect(wordpress[0]["rowNames"] as? [String] == ["wordpress_test_cookie", "wp-settings-<user-id>", "wp-settings-time-<user-id>"])
        let qualified = try #require(wordpress[0]["duration"] as? [String: Any])
        #expect(qualified["type"] as? String == "fixed" && qualified["iso"] as? String == "P1Y" && qualified["qualified"] as? Bool == true)
        #expect((wordpress[3]["duration"] as? [String: Any])?["type"] as? String == "session")
        let survey = try #require(services.first { $0["id"] as? String == "survey" }?["cookies"] as? [[String: Any]])
        #expect((survey[0]["duration"] as? [String: Any])?["type"] as? String == "unknown")
    }

    @Test func anUndeclaredDurationFailsStrict() throws {
        let site = try site(pages: Self.allTables)
        var strict = site.builder()
        strict.options.strict = true
        #expect(throws: BuildFailure.self) { try strict.build() }
    }

    @Test func aPolicyWithoutEveryServicesTablesWarnsNamingThem() throws {
        let site = try site(pages: "We use cookies.\n\n```consent-settings\n```\n")
        let warnings = try site.build().diagnostics.map(\.description).filter { $0.contains("no cookie table") }
        #expect(
            warnings == [
                "content/registry.yaml:5:9: warning: the service 'cookie-management' (3 cookies) is in no cookie table on any page, so the policy tells visitors less than the registry holds; add ```cookie-table service=cookie-management``` to pages/cookies.md, or a table of its category",
                "content/registry.yaml:9:9: warning: the service 'wordpress' (4 cookies) is in no cookie table on any page, so the policy tells visitors less than the registry holds; add ```cookie-table service=wordpress``` to pages/cookies.md, or a table of its category",
                "content/registry.yaml:23:9: warning: the service 'survey' (1 cookie) is in no cookie table on any page, so the policy tells visitors less than the registry holds; add ```cookie-table service=survey``` to pages/cookies.md, or a table of its category",
            ])
        var strict = site.builder()
        strict.options.strict = true
        #expect(throws: BuildFailure.self) { try strict.build() }
    }

    @Test func registryDetailsReachThePage() throws {
        let site = try site(pages: "```cookie-table service=wordpress\n```\n\n" + Self.allTables)
        try site.build()
        let page = try site.output("cookies/index.html")
        #expect(page.contains("<li>Provided by Automattic</li>"))
        #expect(page.contains("<li><a href=\"https://automattic.com/privacy/\">WordPress privacy policy</a></li>"))
        #expect(page.contains("<li><a href=\"https://www.example.gov.uk/opt-out\">Opt out of WordPress</a></li>"))
        #expect(page.contains("<dt>WordPress</dt>"), "a category table describes its services")
        #expect(page.contains("<p>The <em>content management system</em> behind <a href=\"https://www.example.gov.uk/\">our site</a>.</p>"))
    }

    @Test func theConsentManagerHasANeutralNameThatSitesCanChange() throws {
        let site = try site(pages: Self.allTables)
        try site.build()
        #expect(try site.output("cookies/index.html").contains("<td data-label=\"Service\">Cookie settings</td>"))
        try site.write("site.yaml", TempSite.minimalSite["site.yaml"]! + "\nstrings:\n  consent:\n    serviceName: Our cookie banner\n")
        try site.build()
        #expect(try site.output("cookies/index.html").contains("<td data-label=\"Service\">Our cookie banner</td>"))
        #expect(try site.output("cookies.json").contains("\"id\" : \"cookie-management\""))
    }

    @Test func aSiteWithoutAHomePageIsWarned() throws {
        let site = try site(pages: Self.allTables)
        try FileManager.default.removeItem(at: site.siteDirectory.appendingPathComponent("pages/index.md"))
        try site.write("site.yaml", "title: Test Council\npolicyPage: cookies\n")
        let warnings = try site.build().diagnostics.map(\.description)
        #expect(warnings.contains("content/site.yaml:1:1: warning: there is no home page (pages/index.md), but every page's header and the 'page not found' page link to it; add pages/index.md"))
    }
}
