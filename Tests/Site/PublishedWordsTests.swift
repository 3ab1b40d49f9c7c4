import Foundation
import Testing

@testable import NoticeKit

/// Published tables go in word for word: every kind of name cell, purpose and duration that real tables
/// write builds, shows exactly as written, and leaves the machine values (names, lifetime, storage) to
/// fields of their own.
@Suite("Published words")
struct PublishedWordsTests {
    /// A registry written the way real published tables are, one row of each kind.
    static let publishedRegistry = """
        categories:
          - id: analytics
            title: Analytics cookies
            summary: We'd like to count visits to improve the website.
          - id: marketing
            title: Marketing cookies
            summary: We'd like to measure our adverts.
          - id: necessary
            title: Strictly necessary cookies
            necessary: true
        services:
          - id: google-analytics
            name: Google Analytics
            category: analytics
            cookies:
              - names: [_ga, _gid]
                label: _ga and _gid
                purpose: Used to distinguish users. See [Google's overview](https://policies.google.com/technologies/cookies).
                duration: 2 years duration
              - name: __lc_cid
                label: __lc_cid (customerID)
                purpose: Identifies the chat customer & their <session>.
                duration: As soon as it has been displayed
              - name: _gat
                purpose: "Looks like: __utma, __utmb Or this; _ga, _ga_[ID], _gid *each* `visit`"
                duration: Removed when you sign out or after 30 days
              - name: _gac_<id>
                purpose: Holds campaign information.
                duration: About 1.5 - 2 years
              - name: AMP_TOKEN
                purpose: Holds a token.
              - name: _dc_gtm
                purpose: "Per the provider's policy"
                duration: Per the provider's policy
                lifetime: 1 minute
          - id: pixel-service
            name: Social pixel
            category: marketing
            hosts: [pixel.example.com]
            cookies:
              - name: Social pixel
                purpose: Counts visits from adverts.
                duration: Session
                storage: pixel
              - name: Conversion ping
                purpose: Tells the advert platform a form was sent.
                duration: Not stated
                storage: none
          - id: site
            name: Our website
            category: necessary
            cookies:
              - name: SESSION
                purpose: Keeps you signed in on the council pages.
                duration: Session
                note: Set on www.example.gov.uk
              - name: SESSION
                purpose: Keeps you signed in on the payments pages.
                duration: "\\"Session\\" (deleted when you close your browser)"
                note: Set on pay.example.gov.uk
        """

    static func site(registry: String = publishedRegistry, extra: [String: String] = [:]) throws -> TempSite {
        var files = TempSite.minimalSite
        files["registry.yaml"] = registry
        files["pages/cookies.md"] = """
            ---
            title: Cookies
            description: How we use cookies.
            updated: 2025-03-10
            ---
            Intro text.

            ```cookie-table all
            ```

            ## Change your cookie settings

            ```consent-settings
            ```
            """
        for (path, text) in extra { files[path] = text }
        return try TempSite(files)
    }

    @Test func aPublishedTableBuildsAndEveryCellShowsAsWritten() throws {
        let site = try Self.site()
        let report = try site.build()
        let page = try site.output("cookies/index.html")
        // Name cells as published; the names a browser sets stay machine values.
        #expect(page.contains(#"<th scope="row" data-label="Name">_ga and _gid</th>"#))
        #expect(page.contains(#"<th scope="row" data-label="Name">__lc_cid (customerID)</th>"#))
        // Durations as written, whatever Notice could read from them.
        for duration in [
            "2 years duration", "As soon as it has been displayed", "Removed when you sign out or after 30 days",
            "About 1.5 - 2 years", "Per the provider&#39;s policy", "&quot;Session&quot; (deleted when you close your browser)",
        ] {
            #expect(page.contains(#"<td data-label="Expires">\#(duration)</td>"#), "\(duration)")
        }
        // No published duration: the theme's words, marked.
        #expect(page.contains(#"<span class="notice-cookie-table__not-stated">Not stated</span>"#))
        // Purposes: a link from inline Markdown, and `&` and `<` shown as the characters they are.
        #expect(page.contains(#"Used to distinguish users. See <a href="https://policies.google.com/technologies/cookies">Google's overview</a>."#))
        #expect(page.contains("Identifies the chat customer &amp; their &lt;session&gt;."))
        // Underscores, brackets and asterisks are the characters themselves, never emphasis; code stays code.
        #expect(page.contains("Looks like: __utma, __utmb Or this; _ga, _ga_[ID], _gid *each* <code>visit</code>"))
        // Both rows of a name the table lists twice, each with its own purpose.
        #expect(page.contains("Keeps you signed in on the council pages.") && page.contains("Keeps you signed in on the payments pages."))
        // Technologies that store nothing, in the theme's words.
        #expect(page.contains("Social pixel</code> <span class=\"notice-cookie-table__storage\">(web beacon)</span>"))
        #expect(page.contains("Conversion ping</code> <span class=\"notice-cookie-table__storage\">(network request only)</span>"))

        let warnings = report.diagnostics.map(\.description)
        #expect(warnings.contains { $0.contains("Notice cannot tell how long the cookie '__lc_cid' lasts from 'As soon as it has been displayed'") })
        #expect(warnings.contains { $0.contains("the cookie 'AMP_TOKEN' has no 'duration'") })
        #expect(warnings.contains { $0.contains("lists the cookie 'SESSION' again") })
        #expect(
            !warnings.contains { $0.contains("'_ga and _gid'") || $0.contains("'_gat'") || $0.contains("'_gac_<id>'") },
            "readable wording and labelled cells are quiet: \(warnings)")
    }

    @Test func cookiesJSONCarriesThePublishedWordsAndTheMachineLifetime() throws {
        let site = try Self.site()
        try site.build()
        let json = try JSONSerialization.jsonObject(with: Data(try site.output("cookies.json").utf8)) as? [String: Any]
        let cookies = (json?["services"] as? [[String: Any]] ?? []).flatMap { $0["cookies"] as? [[String: Any]] ?? [] }
        func cookie(_ name: String) -> [String: Any]? { cookies.first { $0["name"] as? String == name } }
        func duration(_ name: String) -> [String: Any]? { cookie(name)?["duration"] as? [String: Any] }

        #expect(cookie("_ga")?["label"] as? String == "_ga and _gid")
        #expect(duration("_ga")?["iso"] as? String == "P2Y")
        #expect(duration("_ga")?["qualified"] == nil, "'duration' adds no condition")
        #expect(duration("__lc_cid")?["type"] as? String == "unknown")
        #expect(duration("__lc_cid")?["source"] as? String == "unread")
        #expect(duration("__lc_cid")?["text"] as? String == "As soon as it has been displayed")
        #expect(duration("_gat")?["iso"] as? String == "P30D")
        #expect(duration("_gat")?["qualified"] as? Bool == true)
        #expect(duration("_gac_<id>")?["min"] as? String == "P1Y6M")
        #expect(duration("_gac_<id>")?["max"] as? String == "P2Y")
        #expect(duration("AMP_TOKEN")?["text"] == nil)
        #expect(duration("AMP_TOKEN")?["type"] as? String == "unknown")
        #expect(duration("_dc_gtm")?["iso"] as? String == "PT1M")
        #expect(duration("_dc_gtm")?["source"] as? String == "lifetime")
        #expect(cookie("Conversion ping")?["storage"] as? String == "none")
    }

    @Test func aCategoryTableTakesTheSectionIDSoTheSettingsLinkLandsOnIt() throws {
        let site = try Self.site()
        let warnings = try site.build().diagnostics.map(\.description)
        #expect(!warnings.contains { $0.contains("has no heading") }, "\(warnings)")
        let page = try site.output("cookies/index.html")
        #expect(page.contains(#"<table class="notice-cookie-table" id="analytics-cookies">"#))
        #expect(page.contains(#"<table class="notice-cookie-table" id="marketing-cookies">"#))
        // The consent settings' "More about …" link goes to that id.
        let settings = try FileManager.default.contentsOfDirectory(atPath: site.outputDirectory.path).first { $0.hasPrefix("consent-settings.") && $0.hasSuffix(".js") }
        let script = try site.output(try #require(settings))
        #expect(script.contains("cookies/#analytics-cookies"))
    }

    @Test func aHeadingTitledAsTheCategoryKeepsItsIDAndTheTableHasNone() throws {
        var files = TempSite.minimalSite
        files["pages/cookies.md"] = files["pages/cookies.md"]!.replacingOccurrences(of: "```cookie-table service=google-analytics", with: "```cookie-table category=analytics")
        let site = try TempSite(files)
        try site.build()
        let page = try site.output("cookies/index.html")
        #expect(page.contains(#"<h2 id="analytics-cookies">"#))
        #expect(!page.contains(#"<table class="notice-cookie-table" id="analytics-cookies">"#), "one element per id")
    }

    @Test func aRegistryErrorDoesNotHideThePagesErrors() throws {
        var files = TempSite.minimalSite
        files["registry.yaml"] = files["registry.yaml"]!.replacingOccurrences(of: "    name: Google Analytics", with: "    name: Google Analytics\n    providr: Google")
        files["pages/index.md"] = files["pages/index.md"]! + "\n\nSee [the missing page](../nowhere/) and\n\n```cookie-tabel all\n```\n"
        let site = try TempSite(files)
        let errors = site.failingBuild()
        #expect(errors.contains { $0.hasPrefix("content/registry.yaml:") && $0.contains("unknown key 'providr'") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("content/pages/index.md:") && $0.contains("there is no directive called 'cookie-tabel'") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("content/pages/index.md:") && $0.contains("nowhere") }, "\(errors)")
    }

    @Test func aRegistryThatCannotBeReadDoesNotBlameThePagesForWhatItLacks() throws {
        var files = TempSite.minimalSite
        files["registry.yaml"] = "categories: [\n"
        files["pages/index.md"] = files["pages/index.md"]! + "\n\n```cookie-tabel all\n```\n"
        let site = try TempSite(files)
        let errors = site.failingBuild()
        #expect(errors.contains { $0.hasPrefix("content/registry.yaml:") }, "\(errors)")
        #expect(errors.contains { $0.contains("there is no directive called 'cookie-tabel'") }, "\(errors)")
        #expect(!errors.contains { $0.contains("no service 'google-analytics'") }, "the tables' services are in the unreadable registry: \(errors)")
    }

    // MARK: - Welsh

    static let welshRegistry = """
        categories:
          - id: dadansoddi
            title: Cwcis dadansoddi
            summary: Hoffem gyfrif ymweliadau er mwyn gwella'r wefan.
          - id: angenrheidiol
            title: Cwcis hollol angenrheidiol
            necessary: true
        services:
          - id: google-analytics
            name: Google Analytics
            category: dadansoddi
            cookies:
              - name: _ga
                purpose: Mae hwn yn ein helpu i gyfrif faint o bobl sy'n ymweld â'r wefan.
                duration: 2 flynedd
              - name: _gid
                purpose: Mae hwn yn ein helpu i gyfrif faint o bobl sy'n ymweld â'r wefan.
                duration: 24 awr
              - name: _gat
                purpose: Rheoli cyfradd y ceisiadau.
                duration: 1 funud
              - name: _ga_<id>
                purpose: Cadw cyflwr y sesiwn.
                duration: Pan fyddwch yn cau eich porwr
        """

    static func welshOnlySite(extra: [String: String] = [:]) throws -> TempSite {
        var files = TempSite.minimalSite
        files["site.yaml"] = """
            title: Cyngor Prawf
            baseURL: https://www.example.cymru
            language: cy
            policyPage: cwcis
            """
        files["registry.yaml"] = welshRegistry
        files["pages/index.md"] = "---\ntitle: Polisïau Cyngor Prawf\ndescription: Polisïau.\n---\nDarllenwch ein [polisi cwcis](cwcis/).\n"
        files["pages/cookies.md"] = nil
        files["pages/cwcis.md"] = """
            ---
            title: Cwcis
            description: Sut rydym yn defnyddio cwcis.
            updated: 2025-03-10
            ---
            ## Cwcis dadansoddi

            ```cookie-table category=dadansoddi
            ```

            ## Cwcis hollol angenrheidiol

            ```cookie-table category=angenrheidiol
            ```

            ## Newid eich gosodiadau cwcis

            ```consent-settings
            ```
            """
        for (path, text) in extra { files[path] = text }
        return try TempSite(files)
    }

    @Test func aWelshOnlySiteReadsWelshDurationsAndShowsTheConsentLifetimeInWelsh() throws {
        let site = try Self.welshOnlySite()
        let warnings = try site.build().diagnostics.map(\.description)
        #expect(!warnings.contains { $0.contains("cannot tell how long") }, "\(warnings)")
        let page = try site.output("cwcis/index.html")
        #expect(page.contains(#"<td data-label="Dod i ben">2 flynedd</td>"#))
        #expect(page.contains(#"<td data-label="Dod i ben">90 diwrnod</td>"#), "the consent cookies' lifetime in Welsh")
        #expect(!page.contains("90 days"))
        let json = try site.output("cookies.json")
        #expect(json.contains(#""iso" : "P2Y""#) && json.contains(#""iso" : "PT24H""#) && json.contains(#""iso" : "PT1M""#))
        #expect(json.contains(#""type" : "session""#))
    }

    @Test func aWelshOnlySiteUsesItsRegistryCyFile() throws {
        let site = try Self.welshOnlySite(extra: [
            "registry.yaml": TempSite.minimalSite["registry.yaml"]!.replacingOccurrences(of: "id: analytics", with: "id: dadansoddi")
                .replacingOccurrences(of: "category: analytics", with: "category: dadansoddi"),
            "pages/cwcis.md": "---\ntitle: Cwcis\ndescription: Cwcis.\n---\n## Cwcis dadansoddi\n\n```cookie-table category=dadansoddi\n```\n\n```cookie-table category=necessary\n```\n\n```consent-settings\n```\n",
            "registry.cy.yaml": """
            categories:
              dadansoddi:
                title: Cwcis dadansoddi
                summary: Hoffem gyfrif ymweliadau.
            services:
              google-analytics:
                cookies:
                  _ga:
                    purpose: Yn gwahaniaethu rhwng defnyddwyr.
                    duration: 90 diwrnod
                  _gid:
                    purpose: Yn gwahaniaethu rhwng defnyddwyr.
                    duration: 24 awr
            """,
        ])
        try site.build()
        let page = try site.output("cwcis/index.html")
        #expect(page.contains("Yn gwahaniaethu rhwng defnyddwyr."))
        #expect(page.contains(#"<td data-label="Dod i ben">90 diwrnod</td>"#))
    }

    @Test func aTranslationNoLanguageUsesIsAWarningNamingIt() throws {
        let site = try Self.site(extra: ["registry.fr.yaml": "categories: {}\n"])
        let warnings = try site.build().diagnostics.map(\.description)
        #expect(
            warnings.contains { $0.hasPrefix("content/registry.fr.yaml:1:1: warning: registry.fr.yaml gives the registry's words in a language this site is not published in") },
            "\(warnings)")
    }

    @Test func aWelshDurationThatContradictsTheRegistryIsAWarning() throws {
        let site = try LanguageTests.copy()
        let path = site.siteDirectory.appendingPathComponent("registry.cy.yaml")
        let text = try String(contentsOf: path, encoding: .utf8)
        let registry = try String(contentsOf: site.siteDirectory.appendingPathComponent("registry.yaml"), encoding: .utf8)
        #expect(registry.contains("duration: 2 years"), "the bilingual site has a two-year cookie")
        guard let range = text.range(of: "duration: 2 flynedd") else {
            Issue.record("the bilingual site's Welsh registry gives '2 flynedd'")
            return
        }
        try text.replacingCharacters(in: range, with: "duration: 1 flwyddyn").write(to: path, atomically: true, encoding: .utf8)
        let warnings = try LanguageTests.warnings(of: site)
        #expect(warnings.contains { $0.contains("the duration '1 flwyddyn'") && $0.contains("reads as P1Y, but registry.yaml's says P2Y") }, "\(warnings)")
    }

    @Test func aNameTheTableListsTwiceIsTranslatedRowByRow() throws {
        let site = try Self.site(extra: [
            "site.yaml": TempSite.minimalSite["site.yaml"]!.replacingOccurrences(of: "language: en-GB", with: "languages:\n  - code: en-GB\n  - code: cy"),
            "pages/cookies.cy.md": "---\ntitle: Cwcis\ndescription: Cwcis.\n---\n```cookie-table service=site\n```\n",
            "pages/index.cy.md": "---\ntitle: Hafan\ndescription: Hafan.\n---\nHafan.\n",
            "registry.cy.yaml": """
            services:
              site:
                cookies:
                  SESSION:
                    - purpose: Yn eich cadw wedi mewngofnodi ar dudalennau'r cyngor.
                      duration: Sesiwn
                      note: Wedi'i osod ar www.example.gov.uk
                    - purpose: Yn eich cadw wedi mewngofnodi ar y tudalennau talu.
                      duration: Sesiwn
                      note: Wedi'i osod ar pay.example.gov.uk
            """,
        ])
        try site.build()
        let page = try site.output("cy/cookies/index.html")
        #expect(page.contains("dudalennau&#39;r cyngor") && page.contains("y tudalennau talu"))
    }
}
