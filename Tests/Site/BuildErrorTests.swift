import Foundation
import NoticeKit
import Testing

@Suite("Build errors")
struct BuildErrorTests {
    @Test func everyErrorInTheSiteIsReportedWithItsPosition() throws {
        var files = TempSite.minimalSite
        files["registry.yaml"] = """
            categories:
              - id: analytics
                titel: Analytics cookies
            services:
              - id: google-analytics
                name: Google Analytics
                category: analytic
                cookies:
                  - name: _ga
                    duration: 90 days
            """
        files["pages/cookies.md"] = """
            ---
            title: Cookies
            description: D
            ---
            Text.

            ```cookie-table service=hotjar
            ```

            ```cookie-tabel service=google-analytics
            ```
            """
        files["pages/index.md"] = "---\ntitle: Home\ndescription: D\nupdated: yesterday\n---\n"
        let site = try TempSite(files)
        let errors = site.failingBuild().filter { $0.contains(": error: ") }
        #expect(
            errors == [
                "content/pages/index.md:4:10: error: 'updated' should be a date written as YYYY-MM-DD, such as 2025-01-07, not 'yesterday'",
                "content/registry.yaml:2:5: error: the category 'analytics' is missing 'title'; add a line `title: …`",
                "content/registry.yaml:3:5: error: unknown key 'titel' in the category 'analytics'; did you mean 'title'?",
                "content/registry.yaml:7:15: error: the service 'google-analytics' is in the category 'analytic', which the registry does not define; did you mean 'analytics'?",
                "content/registry.yaml:9:9: error: the cookie '_ga' is missing 'purpose'; add a line `purpose: …`",
            ])
    }

    @Test func directiveErrorsAreReportedWithTheLineInTheOriginalFile() throws {
        var files = TempSite.minimalSite
        files["pages/cookies.md"] = """
            ---
            title: Cookies
            description: D
            updated: 2025-01-01
            ---
            Text.

            ```cookie-table service=hotjar
            ```

            ```cookie-tabel service=google-analytics
            ```
            """
        let site = try TempSite(files)
        #expect(
            site.failingBuild() == [
                "content/pages/cookies.md:8:1: error: there is no service 'hotjar' in the registry; the services are 'google-analytics', 'cookie-management'",
                "content/pages/cookies.md:11:1: error: there is no directive called 'cookie-tabel'; did you mean 'cookie-table'?",
            ])
    }

    @Test func aFailedBuildLeavesThePreviousOutputByteForByte() throws {
        let site = try TempSite()
        try site.build()
        let before = TempSite.snapshot(of: site.outputDirectory)
        #expect(before.count == 15)
        try site.write("registry.yaml", "categories:\n  - id: [broken\n")
        #expect(site.failingBuild().count == 1)
        try site.write("registry.yaml", TempSite.minimalSite["registry.yaml"]!)
        try site.write("pages/cookies.md", "---\ntitle: Cookies\ndescription: D\n---\n```cookie-table service=nope\n```\n")
        #expect(site.failingBuild().count == 1)
        #expect(TempSite.snapshot(of: site.outputDirectory) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
    }

    @Test func missingFilesAreNamed() throws {
        let site = try TempSite(["pages/index.md": "---\ntitle: T\n---\n"])
        let errors = site.failingBuild()
        #expect(errors.contains("error: content/site.yaml is missing; it holds the site settings (title, language, theme). Is --site pointing at the right folder?"))
        #expect(errors.contains { $0.hasPrefix("error: content/registry.yaml is missing") })
    }

    @Test func missingSiteFolderIsExplained() throws {
        let site = try TempSite([:])
        #expect(site.failingBuild() == ["error: there is no site folder at content; run notice from your site's folder (the one that holds site.yaml), or give --site"])
    }

    @Test func siteSettingsMustNameRealPages() throws {
        var files = TempSite.minimalSite
        files["site.yaml"] = "title: T\npolicyPage: cookie\nnavigation:\n  - title: Help\n    page: help\n"
        let site = try TempSite(files)
        #expect(
            site.failingBuild() == [
                "content/site.yaml:2:13: error: the cookie policy page is the page 'cookie', but there is no pages/cookie.md; did you mean 'cookies'?",
                "content/site.yaml:5:11: error: the navigation link 'Help' is the page 'help', but there is no pages/help.md",
            ])
    }

    @Test func twoPagesForTheSameAddressAreAnError() throws {
        let site = try TempSite()
        try site.write("pages/cookies/index.md", "---\ntitle: Other\ndescription: D\n---\n")
        let errors = site.failingBuild()
        #expect(errors.count == 1)
        #expect(errors.first?.contains("would both be written to cookies/index.html") == true)
    }

    @Test func brokenThemeTemplateIsReportedWithItsLine() throws {
        let site = try TempSite()
        try site.write("themes/default/templates/footer.mustache", "<footer>\n{{#site}}{{title}}\n</footer>\n")
        let errors = site.failingBuild()
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("content/themes/default/templates/footer.mustache:") == true)
        #expect(errors.first?.contains("error: this template has a Mustache mistake") == true)
    }

    /// Found in review: a partial that includes itself was reported as "could not be rendered" only.
    @Test func aPartialThatIncludesItselfIsExplained() throws {
        let site = try TempSite()
        try site.write("themes/default/templates/footer.mustache", "<footer>{{> footer}}</footer>\n")
        let errors = site.failingBuild()
        #expect(!errors.isEmpty)
        #expect(errors.allSatisfy { $0.contains("partials include each other more than 64 deep") && $0.contains("a partial that includes itself") }, "\(errors)")
    }

    @Test func unknownThemeIsAnError() throws {
        var files = TempSite.minimalSite
        files["site.yaml"] = "title: T\ntheme: fancy\n"
        let site = try TempSite(files)
        let errors = site.failingBuild()
        #expect(errors.first?.hasPrefix("content/site.yaml:1:1: error: there is no theme called 'fancy'") == true)
    }

    @Test func unknownPageTemplateIsAnError() throws {
        let site = try TempSite()
        try site.write("pages/other.md", "---\ntitle: Other\ndescription: D\ntemplate: pag\n---\n")
        #expect(site.failingBuild() == ["content/pages/other.md:2:1: error: there is no template 'pag' in the theme 'default'; did you mean 'page'?"])
    }
}
