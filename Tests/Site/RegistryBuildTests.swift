import Foundation
import NoticeKit
import Testing

@Suite("Registry in a build")
struct RegistryBuildTests {
    /// The acceptance case: a typo'd key, an unknown category and a bad duration in one run.
    @Test func threeMistakesAreReportedTogether() throws {
        var files = TempSite.minimalSite
        files["registry.yaml"] = """
            categories:
              - id: analytics
                title: Analytics cookies
            services:
              - id: google-analytics
                name: Google Analytics
                catgory: analytics
              - id: hotjar
                name: Hotjar
                category: statistics
                cookies:
                  - name: _hjid
                    purpose: Hotjar user id.
                    duration: a long while
            """
        let site = try TempSite(files)
        let errors = site.failingBuild()
        #expect(
            errors == [
                // The pages are rendered too (to report their own problems in the same run), and so is the banner.
                "content/registry.yaml:2:9: warning: the category 'analytics' has no 'summary' or 'description', so the consent banner cannot say what it is for; add a one-sentence 'summary', such as: We'd like to use analytics cookies to understand how you use the website",
                "content/registry.yaml:5:5: error: the service 'google-analytics' is missing 'category'; add a line `category: …`",
                "content/registry.yaml:7:5: error: unknown key 'catgory' in the service 'google-analytics'; did you mean 'category'?",
                "content/registry.yaml:10:15: error: the service 'hotjar' is in the category 'statistics', which the registry does not define; the categories are 'analytics'",
                "content/registry.yaml:14:19: warning: Notice cannot tell how long the cookie '_hjid' lasts from 'a long while'; the table shows these words as written, and cookies.json and the audit take its lifetime as unknown. Add 'lifetime:' beside it with how long it lasts: \(LifetimeForms.text)",
            ])
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        var files = TempSite.minimalSite
        files["registry.yaml"]! = files["registry.yaml"]!.replacingOccurrences(
            of: "category: analytics", with: "category: analytics\n    privacyPolicy: http://example.com/privacy")
        let site = try TempSite(files)
        #expect(try site.builder().build().diagnostics.map(\.severity) == [.warning])
        var strict = site.builder()
        strict.options.strict = true
        #expect {
            try strict.build()
        } throws: { error in
            (error as? BuildFailure)?.diagnostics.map(\.severity) == [.error]
        }
    }

    @Test func allListsEveryCategoryWithCookies() throws {
        let site = try TempSite()
        try site.write("pages/all.md", "---\ntitle: All\ndescription: D\n---\n```cookie-table all\n```\n")
        try site.build()
        let html = try site.output("all/index.html")
        #expect(html.components(separatedBy: "<caption>").count - 1 == 2)
        #expect(html.contains("<caption>Analytics cookies</caption>"))
        #expect(html.contains("<caption>Strictly necessary cookies</caption>"))
    }

    @Test func bareServiceIdGetsAHelpfulError() throws {
        let site = try TempSite()
        try site.write("pages/x.md", "---\ntitle: X\ndescription: D\n---\n```cookie-table google-analytics\n```\n")
        #expect(site.failingBuild() == ["content/pages/x.md:5:1: error: write service=google-analytics to list the cookies of the service 'google-analytics'"])
    }

    @Test func patternsShowWhatVaries() throws {
        var files = TempSite.minimalSite
        files["registry.yaml"]! += "\n      - name: \"_ga_<container-id>\"\n        purpose: P.\n        duration: 2 years\n"
        let site = try TempSite(files)
        try site.build()
        #expect(try site.output("cookies/index.html").contains("<code>_ga_<var>&lt;container-id&gt;</var></code>"))
    }
}

/// The forms of `lifetime:` as messages list them.
enum LifetimeForms {
    static let text = "session, persistent, unknown, an amount such as 90 days or 2 years, a range such as 30 seconds to 1 year, or ISO 8601 such as P90D"
}
