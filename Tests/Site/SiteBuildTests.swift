import Foundation
import NoticeKit
import Testing

@Suite("Whole-site builds")
struct SiteBuildTests {
    @Test func writesPagesWithPrettyURLsAndAssets() throws {
        let site = try TempSite()
        let report = try site.build()
        #expect(report.pageCount == 2)
        let files = TempSite.snapshot(of: site.outputDirectory).keys.sorted()
        let stylesheet = try #require(site.fingerprinted("assets/notice", "css"))
        let script = try #require(site.fingerprinted("consent", "js"))
        let consentStylesheet = try #require(site.fingerprinted("consent", "css"))
        let settingsScript = try #require(site.fingerprinted("consent-settings", "js"))
        let settingsStylesheet = try #require(site.fingerprinted("consent-settings", "css"))
        #expect(
            files
                == [
                    "/.notice-output", "/404.html", "/assets/favicon.svg", "/" + stylesheet, "/" + consentStylesheet, "/consent.css",
                    "/" + script, "/consent.js", "/" + settingsScript, "/" + settingsStylesheet, "/cookies.csv", "/cookies.json",
                    "/cookies/index.html", "/index.html", "/sitemap.xml",
                ].sorted())
        #expect(try site.output("consent.js").contains("\"settings\":\"\(settingsScript)\""), "consent.js fetches the settings by their hashed name")

        let cookies = try site.output("cookies/index.html")
        #expect(cookies.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\" dir=\"ltr\">"))
        #expect(cookies.contains("<title>Cookies - Test Council</title>"))
        #expect(cookies.contains("<meta name=\"description\" content=\"How we use cookies.\">"))
        #expect(cookies.contains("<link rel=\"stylesheet\" href=\"../\(stylesheet)\" integrity=\"\(try site.integrity(of: stylesheet))\">"))
        #expect(cookies.contains("<script src=\"../\(script)\" integrity=\"\(try site.integrity(of: script))\"></script>"))
        #expect(cookies.contains("<link rel=\"canonical\" href=\"https://www.example.gov.uk/cookies/\">"))
        #expect(cookies.contains("<a href=\"#main-content\" class=\"notice-skip-link\">Skip to main content</a>"))
        #expect(cookies.contains("<main id=\"main-content\""))
        #expect(cookies.contains("<time datetime=\"2025-03-10\">10 March 2025</time>"))
        #expect(cookies.contains("<a href=\"../cookies/\" aria-current=\"page\">Cookies</a>"))
        #expect(cookies.contains("<h2 id=\"analytics-cookies\">Analytics cookies</h2>"))
        #expect(cookies.contains("<caption>Cookies used by Google Analytics</caption>"))
        #expect(cookies.components(separatedBy: "<h1").count == 2)

        let notFound = try site.output("404.html")
        #expect(notFound.contains("<title>Page not found - Test Council</title>"))
        #expect(notFound.contains("<link rel=\"stylesheet\" href=\"/\(stylesheet)\""), "a 404 page is shown at any address, so its links start from the root")
        #expect(notFound.contains("<a href=\"/\">Go to the home page</a>"))
        #expect(!notFound.contains("rel=\"canonical\""))

        let home = try site.output("index.html")
        #expect(home.contains("<link rel=\"stylesheet\" href=\"\(stylesheet)\""))
        #expect(home.contains("<a href=\"cookies/\">cookie policy</a>"))
    }

    @Test func consentCookiesAreDeclaredFromTheSiteSettings() throws {
        let site = try TempSite()
        try site.build()
        let cookies = try site.output("cookies/index.html")
        // The necessary category table lists the consent script's own cookies with the configured lifetime.
        #expect(cookies.contains("<caption>Strictly necessary cookies</caption>"))
        for name in ["cookie-management-status", "cookie-management-preferences-set", "cookie-management-version"] {
            #expect(cookies.contains("<code>\(name)</code>"))
        }
        #expect(cookies.components(separatedBy: "<td data-label=\"Expires\">180 days</td>").count - 1 == 3)
        #expect(cookies.contains("<td data-label=\"Service\">Cookie settings</td>"), "the theme's neutral name for the consent manager")
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let site = try TempSite()
        try site.build()
        let first = TempSite.snapshot(of: site.outputDirectory)
        try site.build()
        #expect(TempSite.snapshot(of: site.outputDirectory) == first)
    }

    @Test func siteThemeFilesOverrideTheBuiltInTheme() throws {
        let site = try TempSite()
        try site.write("themes/default/templates/footer.mustache", "<footer class=\"council\">{{site.title}} ©</footer>\n")
        try site.write("themes/default/assets/notice.css", "body { color: black; }\n")
        try site.write("themes/default/strings.yaml", "layout:\n  skipLink: Go to the content\n")
        try site.build()
        let page = try site.output("cookies/index.html")
        #expect(page.contains("<footer class=\"council\">Test Council ©</footer>"))
        #expect(page.contains("Go to the content</a>"))
        #expect(page.contains("<a class=\"notice-header__title\""), "templates not overridden still come from the built-in theme")
        let stylesheet = try #require(site.fingerprinted("assets/notice", "css"))
        #expect(try site.output(stylesheet) == "body { color: black; }\n")
    }

    @Test func siteStringsOverrideTheThemesTexts() throws {
        var files = TempSite.minimalSite
        files["site.yaml"]! += "\nstrings:\n  cookieTable:\n    duration: How long it lasts\n"
        let site = try TempSite(files)
        try site.build()
        #expect(try site.output("cookies/index.html").contains("<th scope=\"col\">How long it lasts</th>"))
    }

    @Test func staticFilesAreCopied() throws {
        let site = try TempSite()
        try site.write("static/images/logo.svg", "<svg/>")
        try site.build()
        #expect(try site.output("images/logo.svg") == "<svg/>")
    }

    @Test func nestedPagesGetDeeperRelativePaths() throws {
        let site = try TempSite()
        try site.write("pages/help/contact.md", "---\ntitle: Contact\ndescription: D\n---\nHi\n")
        try site.build()
        let page = try site.output("help/contact/index.html")
        #expect(page.contains("href=\"../../\(try #require(site.fingerprinted("assets/notice", "css")))\""))
        #expect(page.contains("<a href=\"../../cookies/\">Cookies</a>"))
    }

    @Test func warningsDoNotFailTheBuild() throws {
        let site = try TempSite()
        try site.write("pages/raw.md", "---\ntitle: Raw\n---\n<div>hi</div>\n")
        let report = try site.build()
        #expect(
            report.diagnostics.map(\.description) == [
                "content/pages/raw.md:2:1: warning: the page has no 'description'; add one sentence that says what the page is about (search engines and link previews show it)",
                "content/pages/raw.md:4:1: warning: raw HTML is not allowed in pages and was left out; write it in Markdown instead",
            ])
    }

    @Test func stylesheetsAndTheConsentScriptAreFingerprintedWithIntegrity() throws {
        let site = try TempSite()
        try site.build()
        let first = try #require(site.fingerprinted("assets/notice", "css"))
        #expect(
            try site.output("consent.js") == site.output(try #require(site.fingerprinted("consent", "js"))),
            "the plain consent.js stays for services that include it by a fixed address")
        try site.write("themes/default/assets/notice.css", "body { color: navy; }\n")
        try site.build()
        let second = try #require(site.fingerprinted("assets/notice", "css"))
        #expect(first != second, "a changed file gets a new name")
        #expect(try site.output("index.html").contains(second))
        #expect(!FileManager.default.fileExists(atPath: site.outputDirectory.appendingPathComponent(first).path), "the old name is gone")
    }

    @Test func integrityCanBeLeftOutForPagesOpenedFromDisk() throws {
        let site = try TempSite()
        var builder = site.builder()
        builder.options.integrity = false
        _ = try builder.build()
        let page = try site.output("cookies/index.html")
        #expect(!page.contains("integrity="))
        #expect(page.contains(try #require(site.fingerprinted("assets/notice", "css"))))
    }
    @Test func theSettingsLinksLeadToTheFormAndToEachCategorysSection() throws {
        let site = try TempSite()
        let report = try site.build()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let home = try site.output("index.html")
        #expect(home.contains("<a href=\"cookies/#cookie-settings\" data-notice-action=\"choose\">Cookie settings</a>"))
        let cookies = try site.output("cookies/index.html")
        #expect(cookies.contains("<div class=\"notice-consent-settings\" id=\"cookie-settings\" data-notice-settings>"))
        #expect(cookies.contains("<h2 id=\"analytics-cookies\">Analytics cookies</h2>"), "the dialog's link for analytics leads here")
        let settings = try String(contentsOf: site.outputDirectory.appendingPathComponent(try #require(site.fingerprinted("consent-settings", "js"))), encoding: .utf8)
        #expect(settings.contains(#"<a href=\"cookies/#analytics-cookies\">More about analytics cookies</a>"#))
        #expect(settings.contains("<p>Used by: Google Analytics</p>"))
    }

    @Test func aHeadingCalledCookieSettingsDoesNotTakeTheFormsID() throws {
        var files = TempSite.minimalSite
        files["pages/cookies.md"] = files["pages/cookies.md"]!.replacingOccurrences(of: "## Change your cookie settings", with: "## Cookie settings")
        let site = try TempSite(files)
        try site.build()
        let cookies = try site.output("cookies/index.html")
        #expect(cookies.contains("<h2 id=\"cookie-settings-2\">Cookie settings</h2>"))
        #expect(cookies.components(separatedBy: "id=\"cookie-settings\"").count == 2, "one element has the id")
    }

    @Test func aPolicyWithoutTheFormOrACategorysHeadingIsWarnedAbout() throws {
        var files = TempSite.minimalSite
        files["pages/cookies.md"] = """
            ---
            title: Cookies
            description: How we use cookies.
            ---
            ## What we use

            ```cookie-table service=google-analytics
            ```

            ```cookie-table category=necessary
            ```
            """
        let site = try TempSite(files)
        let warnings = try site.build().diagnostics.map(\.description)
        #expect(
            warnings == [
                "content/pages/cookies.md:1:1: warning: the cookie policy has no settings form, so visitors without JavaScript cannot change their choice and the footer's \"Cookie settings\" link leads to the top of the page; add a ```consent-settings``` block to pages/cookies.md",
                "content/registry.yaml:2:9: warning: the cookie settings link the category 'analytics' to its section of the cookie policy, but pages/cookies.md has no heading 'Analytics cookies'; add one above that category's cookie tables, so the link does not lead to the top of the page",
            ])
    }
}
