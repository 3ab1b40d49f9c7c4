import Foundation
import Testing

@testable import NoticeKit

/// A site in English and Welsh (`Tests/Bilingual/site`): addresses, `hreflang`, language switches,
/// translated registry and texts, one consent, and what is missing in a language.
@Suite("Sites in several languages")
struct LanguageTests {
    static let bilingual = TempSite.repositoryRoot.appendingPathComponent("Tests/Bilingual/site")

    /// A copy of the bilingual site, to change and build.
    static func copy() throws -> TempSite {
        let site = try TempSite([:])
        try FileManager.default.createDirectory(at: site.root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: bilingual, to: site.siteDirectory)
        return site
    }

    /// The build's warnings (it must succeed).
    static func warnings(of site: TempSite) throws -> [String] {
        try site.build().diagnostics.map(\.description)
    }

    @Test func theBilingualSiteBuildsWithoutAWarning() throws {
        let site = try Self.copy()
        #expect(try Self.warnings(of: site) == [])
        for path in [
            "index.html", "cookies/index.html", "cy/index.html", "cy/cwcis/index.html", "404.html", "cy/404.html",
            "consent.js", "cy/consent.js", "cookies.json",
        ] {
            #expect(FileManager.default.fileExists(atPath: site.outputDirectory.appendingPathComponent(path).path), "\(path)")
        }
        #expect(
            !FileManager.default.fileExists(atPath: site.outputDirectory.appendingPathComponent("cy/assets").path),
            "Welsh pages beside the English share the assets")
    }

    @Test func pagesSayTheirLanguageAndLinkTheirTranslations() throws {
        let site = try Self.copy()
        try site.build()
        let english = try site.output("cookies/index.html")
        let welsh = try site.output("cy/cwcis/index.html")
        #expect(english.contains(#"<html lang="en-GB" dir="ltr">"#))
        #expect(welsh.contains(#"<html lang="cy" dir="ltr">"#))
        for page in [english, welsh] {
            #expect(page.contains(#"<link rel="alternate" hreflang="en-GB" href="https://www.example-county.test/cookies/">"#))
            #expect(page.contains(#"<link rel="alternate" hreflang="cy" href="https://www.example-county.test/cy/cwcis/">"#))
            #expect(page.contains(#"<link rel="alternate" hreflang="x-default" href="https://www.example-county.test/cookies/">"#))
        }
        #expect(english.contains(#"<a href="../cy/cwcis/" hreflang="cy" lang="cy">Cymraeg<span class="notice-visually-hidden">: Cwcis</span></a>"#))
        #expect(welsh.contains(#"<a href="../../cookies/" hreflang="en-GB" lang="en-GB">English<span class="notice-visually-hidden">: Cookies</span></a>"#))
        #expect(welsh.contains(#"<nav class="notice-languages" aria-label="Ieithoedd">"#))
        // The Welsh navigation leads to the Welsh pages, titled as they are.
        #expect(welsh.contains(#"<li><a href="../../cy/">Hafan</a></li>"#))
        #expect(welsh.contains(#"<a class="notice-header__title" href="../../cy/">Cyngor Sir Enghraifft</a>"#))
    }

    @Test func theWelshPagesSpeakWelshThroughout() throws {
        let site = try Self.copy()
        try site.build()
        let welsh = try site.output("cy/cwcis/index.html")
        for text in [
            "Neidio i’r prif gynnwys", "Diweddarwyd ddiwethaf: <time datetime=\"2025-01-07\">7 Ionawr 2025</time>",
            "<caption>Cwcis y mae Google Analytics yn eu defnyddio</caption>", "<th scope=\"col\">Diben</th>",
            "Yn cael ei ddefnyddio i wahaniaethu rhwng defnyddwyr.", "<td data-label=\"Dod i ben\">2 flynedd</td>",
            "<td data-label=\"Dod i ben\">Sesiwn</td>", "<td data-label=\"Dod i ben\">90 diwrnod</td>",
            "<h2 id=\"cwcis-dadansoddi\">Cwcis dadansoddi</h2>",
        ] {
            #expect(welsh.contains(text), "\(text)")
        }
        #expect(!welsh.contains("2 years"))
        #expect(!welsh.contains("Last updated"))
        let notFound = try site.output("cy/404.html")
        #expect(notFound.contains(#"<html lang="cy""#))
        #expect(notFound.contains(#"<a href="/cy/">"#), "the Welsh 'page not found' leads to the Welsh home page")
    }

    /// One choice holds in every language: the same cookies and the same registry version, whichever
    /// language's script stores it; each script speaks its own language and links its own policy page.
    @Test func theConsentScriptsShareOneChoice() throws {
        let site = try Self.copy()
        try site.build()
        let english = try site.output("consent.js")
        let welsh = try site.output("cy/consent.js")
        func setting(_ key: String, in script: String) -> String? {
            script.range(of: "\"\(key)\":\"[^\"]*\"", options: .regularExpression).map { String(script[$0]) }
        }
        #expect(setting("version", in: english) != nil)
        #expect(setting("version", in: english) == setting("version", in: welsh))
        #expect(setting("status", in: english) == setting("status", in: welsh))
        #expect(setting("domain", in: english) == setting("domain", in: welsh))
        #expect(setting("form", in: welsh) == #""form":"cwcis/#cookie-settings""#)
        #expect(welsh.contains(#"<a href=\"cwcis/\">"#), "the banner links the Welsh policy page")
        #expect(welsh.contains("Derbyn cwcis ychwanegol"))
        #expect(english.contains("Accept additional cookies") || english.contains("Accept"))
        let json = try JSONSerialization.jsonObject(with: Data(try site.output("cookies.json").utf8)) as? [String: Any]
        let translations = json?["translations"] as? [String: Any]
        let cy = translations?["cy"] as? [String: Any]
        #expect((cy?["categories"] as? [String: Any])?["analytics"] != nil)
    }

    @Test func aPageMissingInALanguageIsAWarningAndAnErrorWhenStrict() throws {
        let site = try Self.copy()
        try FileManager.default.removeItem(at: site.siteDirectory.appendingPathComponent("pages/index.cy.md"))
        let warnings = try Self.warnings(of: site)
        #expect(warnings == ["content/pages/index.md:1:1: warning: this page has no 'cy' version (pages/index.cy.md), so its language switch leaves that language out; add the translation"])
        #expect(!(try site.output("index.html")).contains("notice-languages"))
        var options = site.builder().options
        options.strict = true
        #expect(throws: BuildFailure.self) { try SiteBuilder(options: options, paths: site.paths).build() }
    }

    @Test func aMissingRegistryTranslationIsAWarningNamingTheField() throws {
        let site = try Self.copy()
        let file = site.siteDirectory.appendingPathComponent("registry.cy.yaml")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "        duration: 6 mis\n", with: "")
        try Data(text.utf8).write(to: file)
        let warnings = try Self.warnings(of: site)
        #expect(warnings.count == 1)
        #expect(warnings == ["content/registry.yaml:41:15: warning: content/registry.cy.yaml has no 'duration' for the cookie 'VISITOR_INFO1_LIVE' of 'youtube', so the 'cy' pages show registry.yaml's words there until you add it"])
        #expect((try site.output("cy/cwcis/index.html")).contains("<td data-label=\"Dod i ben\">6 months</td>"))
    }

    @Test func aTranslationOfSomethingTheRegistryLacksIsAnError() throws {
        let site = try Self.copy()
        let file = site.siteDirectory.appendingPathComponent("registry.cy.yaml")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "  youtube:\n", with: "  youtub:\n")
        try Data(text.utf8).write(to: file)
        let errors = site.failingBuild()
        #expect(
            errors.contains { $0.hasPrefix("content/registry.cy.yaml:") && $0.contains("the registry has no service 'youtub'") && $0.contains("did you mean 'youtube'?") },
            "\(errors)")
    }

    @Test func aTranslationLinkedByTranslationOfTakesItsFileNameAsItsAddress() throws {
        let site = try Self.copy()
        let pages = site.siteDirectory.appendingPathComponent("pages")
        let text = try String(contentsOf: pages.appendingPathComponent("cookies.cy.md"), encoding: .utf8)
            .replacingOccurrences(of: "slug: cwcis\n", with: "translationOf: cookies\n")
        try FileManager.default.removeItem(at: pages.appendingPathComponent("cookies.cy.md"))
        try Data(text.utf8).write(to: pages.appendingPathComponent("polisi-cwcis.cy.md"))
        try site.write(
            "pages/index.cy.md",
            (try String(contentsOf: pages.appendingPathComponent("index.cy.md"), encoding: .utf8))
                .replacingOccurrences(of: "(cwcis/)", with: "(polisi-cwcis/)"))
        #expect(try Self.warnings(of: site) == [])
        #expect((try site.output("cookies/index.html")).contains(#"href="../cy/polisi-cwcis/" hreflang="cy""#))
    }

    @Test func aLanguageWithItsOwnAddressIsASiteOfItsOwn() throws {
        let site = try Self.copy()
        let settings = site.siteDirectory.appendingPathComponent("site.yaml")
        let text = try String(contentsOf: settings, encoding: .utf8)
            .replacingOccurrences(of: "    title: Cyngor Sir Enghraifft\n", with: "    title: Cyngor Sir Enghraifft\n    baseURL: https://www.enghraifft.test\n")
        try Data(text.utf8).write(to: settings)
        #expect(try Self.warnings(of: site) == [])
        let welsh = try site.output("cy/cwcis/index.html")
        #expect(welsh.contains(#"<link rel="canonical" href="https://www.enghraifft.test/cwcis/">"#))
        #expect(welsh.contains(#"<a href="https://www.example-county.test/cookies/" hreflang="en-GB" lang="en-GB">"#))
        #expect(welsh.contains(#"href="../assets/notice."#))
        #expect(try site.output("cookies/index.html").contains(#"<a href="https://www.enghraifft.test/cwcis/" hreflang="cy" lang="cy">"#))
        #expect(FileManager.default.fileExists(atPath: site.outputDirectory.appendingPathComponent("cy/consent.js").path))
        #expect(FileManager.default.fileExists(atPath: site.outputDirectory.appendingPathComponent("cy/cookies.json").path))
        #expect(site.fingerprinted("cy/assets/notice", "css") != nil)
    }

    /// `sitemap.xml` lists every page at its full address with its versions in the other languages;
    /// `robots: true` adds a robots.txt that names it.
    @Test func theSitemapListsEveryLanguagesPages() throws {
        let site = try Self.copy()
        let settings = site.siteDirectory.appendingPathComponent("site.yaml")
        try Data((try String(contentsOf: settings, encoding: .utf8) + "robots: true\n").utf8).write(to: settings)
        try site.build()
        let sitemap = try site.output("sitemap.xml")
        #expect(sitemap.components(separatedBy: "<url>").count - 1 == 8, "the home page, the cookie policy, the privacy notice and the accessibility statement in each language")
        #expect(sitemap.contains("<loc>https://www.example-county.test/cy/cwcis/</loc>\n<lastmod>2025-01-07</lastmod>\n<xhtml:link rel=\"alternate\" hreflang=\"en-GB\" href=\"https://www.example-county.test/cookies/\"/>\n<xhtml:link rel=\"alternate\" hreflang=\"cy\" href=\"https://www.example-county.test/cy/cwcis/\"/>"))
        #expect(try site.output("robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://www.example-county.test/sitemap.xml\n")
        // A site's own robots.txt in static/ is published instead.
        try site.write("static/robots.txt", "User-agent: *\nDisallow: /drafts/\n")
        try site.build()
        #expect(try site.output("robots.txt") == "User-agent: *\nDisallow: /drafts/\n")
    }

    /// Found in review: a Welsh site on an address of its own linked an untranslated page as if it were
    /// on the Welsh address.
    @Test func anUntranslatedPageIsLinkedAtItsOwnAddressFromALanguageWithItsOwn() throws {
        let site = try Self.copy()
        let settings = site.siteDirectory.appendingPathComponent("site.yaml")
        try Data(
            (try String(contentsOf: settings, encoding: .utf8))
                .replacingOccurrences(of: "    title: Cyngor Sir Enghraifft\n", with: "    title: Cyngor Sir Enghraifft\n    baseURL: https://www.enghraifft.test\n").utf8
        ).write(to: settings)
        try FileManager.default.removeItem(at: site.siteDirectory.appendingPathComponent("pages/index.cy.md"))
        _ = try Self.warnings(of: site)
        let welsh = try site.output("cy/cwcis/index.html")
        #expect(welsh.contains(#"<a class="notice-header__title" href="https://www.example-county.test/">"#), "\(welsh.prefix(1600))")
    }

    /// Found in review: a language's own navigation was not checked, static files in a language's folder
    /// were silently replaced, a language without texts was named "English", and any slug was taken.
    @Test func languageFoldersNavigationNamesAndSlugsAreChecked() throws {
        let site = try Self.copy()
        let settings = site.siteDirectory.appendingPathComponent("site.yaml")
        let text = try String(contentsOf: settings, encoding: .utf8)
        try Data(
            text.replacingOccurrences(
                of: "    title: Cyngor Sir Enghraifft\n",
                with: "    title: Cyngor Sir Enghraifft\n    navigation:\n      - title: Cwcis\n        page: cookie\n"
            ).utf8
        ).write(to: settings)
        let errors = site.failingBuild()
        #expect(errors.contains { $0.contains("the 'cy' navigation link 'Cwcis' is the page 'cookie'") && $0.contains("did you mean 'cookies'?") }, "\(errors)")

        let slugged = try Self.copy()
        try slugged.write("pages/index.cy.md", "---\ntitle: Hafan\ndescription: D\nslug: \"hafan?#\"\n---\n")
        #expect(slugged.failingBuild().contains { $0.contains("'slug' is the last part of the page's address") })

        let other = try Self.copy()
        try other.write("static/cy/404.html", "mine")
        #expect(other.failingBuild().contains { $0.contains("static/cy/404.html has the same output path") })

        let irish = try Self.copy()
        let irishSettings = irish.siteDirectory.appendingPathComponent("site.yaml")
        try Data(text.replacingOccurrences(of: "  - code: cy\n", with: "  - code: cy\n  - code: ga\n").utf8).write(to: irishSettings)
        try irish.write("pages/index.ga.md", "---\ntitle: Baile\ndescription: D\n---\n")
        try irish.write(
            "pages/cookies.md",
            (try String(contentsOf: irish.siteDirectory.appendingPathComponent("pages/cookies.md"), encoding: .utf8))
                .replacingOccurrences(of: "updated: 2025-01-07\n", with: "updated: 2025-01-07\nslug: cookie-policy\n"))
        let warnings = try Self.warnings(of: irish)
        #expect(warnings.contains { $0.contains("'slug' changes the address of a translated page") })
        #expect(try irish.output("index.html").contains(#"hreflang="ga" lang="ga">ga<"#), "a language without texts is named by its tag")
    }

    @Test func aRightToLeftLanguageIsMarkedSo() throws {
        let site = try Self.copy()
        let settings = site.siteDirectory.appendingPathComponent("site.yaml")
        let text = try String(contentsOf: settings, encoding: .utf8).replacingOccurrences(of: "  - code: cy\n", with: "  - code: cy\n  - code: ar\n")
        try Data(text.utf8).write(to: settings)
        try site.write("pages/index.ar.md", "---\ntitle: الصفحة الرئيسية\ndescription: مثال\n---\n\nمرحبا.\n")
        let warnings = try Self.warnings(of: site)
        #expect(warnings.contains { $0.contains("has no texts in 'ar'") })
        #expect(try site.output("ar/index.html").contains(#"<html lang="ar" dir="rtl">"#))
        #expect(try site.output("index.html").contains(#"hreflang="ar" lang="ar">"#))
    }

    @Test(arguments: [
        ("language: en-GB\nlanguages:\n  - code: en-GB\n", "has both 'language' and 'languages'"),
        ("languages:\n  - code: en-GB\n  - code: en-gb\n", "is listed twice"),
        ("languages:\n  - code: en-GB\n    path: en\n", "the first language is the default"),
        ("languages:\n  - code: en-GB\n  - code: cy\n    path: ../cy\n", "'path' should be one folder name"),
        ("languages:\n  - code: english\n", "'code' should be a language tag"),
        ("languages:\n  - code: en-GB\n  - code: cy\n    baseURL: https://cy.example.test\n", "give the site's 'baseURL' too"),
        ("robots: true\n", "'robots: true' writes a robots.txt that names the sitemap"),
        ("baseURL: https://a.test\nlanguages:\n  - code: en-GB\n    baseURL: https://en.test\n  - code: cy\n", "each language needs one: give 'cy' a 'baseURL' too"),
    ])
    func languageSettingsAreChecked(settings: String, message: String) throws {
        var files = TempSite.minimalSite
        files["site.yaml"] = "title: T\n" + settings
        let site = try TempSite(files)
        let errors = site.failingBuild()
        #expect(errors.contains { $0.hasPrefix("content/site.yaml:") && $0.contains(message) }, "\(errors)")
    }

    /// Every language the default theme ships has every text, with the same placeholders.
    @Test func everyLanguageOfTheThemeHasEveryText() throws {
        var log = DiagnosticLog()
        let theme = try #require(ThemeLoader(searchPaths: [TempSite.builtInThemes], paths: DisplayPaths()).load(named: "default", requestedAt: nil, log: &log))
        #expect(!theme.languageStrings.isEmpty)
        func placeholders(_ value: Strings.Value?) -> Set<String> {
            guard case .text(let text)? = value else { return [] }
            return Set(text.matches(of: /\{[a-zA-Z]+\}/).map { String($0.output) })
        }
        for (code, strings) in theme.languageStrings {
            #expect(Set(strings.values.keys) == Set(theme.strings.values.keys), "strings.\(code).yaml")
            for key in theme.strings.values.keys {
                #expect(placeholders(strings.values[key]) == placeholders(theme.strings.values[key]), "\(code): \(key)")
                if case .list(let english)? = theme.strings.values[key] {
                    guard case .list(let translated)? = strings.values[key] else {
                        Issue.record("\(code): \(key) is not a list")
                        continue
                    }
                    #expect(translated.count == english.count, "\(code): \(key)")
                }
            }
        }
    }
}
