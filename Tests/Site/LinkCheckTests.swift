import Foundation
import NoticeKit
import Testing

@Suite("Links between pages")
struct LinkCheckTests {
    func site(with body: String) throws -> TempSite {
        let site = try TempSite()
        try site.write("pages/help/contact.md", "---\ntitle: Contact us\ndescription: D\n---\n## Phone\n\n## Email us\n")
        try site.write("static/files/policy.pdf", "%PDF")
        try site.write("static/files/appindex.html", "<p>app</p>")
        try site.write("static/downloads/index.html", "<p>downloads</p>")
        try site.write("static/files/a%41.pdf", "%PDF")
        try site.write("pages/links.md", "---\ntitle: Links\ndescription: D\n---\n" + body)
        return site
    }

    @Test func goodLinksPass() throws {
        let site = try site(
            with: """
                ## Top section

                [Cookies](../cookies/) [cookies without slash](../cookies) [a section](../cookies/#analytics-cookies)
                [contact](../help/contact/#email-us) [here](#top-section) [skip](#main-content) [PDF](../files/policy.pdf)
                [index](../cookies/index.html) [home](../) [json](../cookies.json) [app](../files/appindex.html)
                [downloads](../downloads/) [downloads index](../downloads/index.html) [encoded](../files/a%2541.pdf)
                [elsewhere](https://www.gov.uk/) [mail](mailto:a@b.c) [root-relative](/contact-us/) [phone](tel:+441234)
                """)
        let report = try site.builder().check()
        #expect(report.diagnostics.isEmpty)
    }

    @Test func brokenPageLinksAndSectionsAreErrorsAtTheirPosition() throws {
        let site = try site(
            with: """
                Intro.

                See [the policy](../cookie/) and [a section](../cookies/#analytics) and
                [contact](../help/contact/#emails), [here](#nowhere), [a file](../files/missing.pdf).
                """)
        #expect(
            site.failingBuild() == [
                "content/pages/links.md:7:5: error: the link '../cookie/' leads to no page or file of this site; did you mean '../cookies/'?",
                "content/pages/links.md:7:34: error: the link '../cookies/#analytics' goes to a section '#analytics' that the page 'Cookies' does not have; did you mean '#analytics-cookies'?",
                "content/pages/links.md:8:1: error: the link '../help/contact/#emails' goes to a section '#emails' that the page 'Contact us' does not have; did you mean '#email-us'?",
                "content/pages/links.md:8:37: error: the link '#nowhere' goes to a section '#nowhere' that this page does not have; its sections are '#main-content'",
                "content/pages/links.md:8:55: error: the link '../files/missing.pdf' leads to no page or file of this site; check the address, or write the full address (https://…) for another site",
            ])
    }

    /// `../` from the home page leaves the site when it is opened from disk or published below a path.
    @Test func aLinkThatClimbsAboveTheSitesTopIsAnErrorWithTheFixedLink() throws {
        let site = try site(with: "[too far](../../cookies/) [far home](../../#main-content) [fine](../cookies/)\n")
        try site.write("pages/index.md", "---\ntitle: Home\ndescription: D\n---\n[Cookies](../cookies/)\n")
        #expect(
            site.failingBuild() == [
                "content/pages/index.md:5:1: error: the link '../cookies/' climbs above the site's top folder, so opened from disk or published below a path (https://…/policies/) it leads out of the site; write 'cookies/'",
                "content/pages/links.md:5:1: error: the link '../../cookies/' climbs above the site's top folder, so opened from disk or published below a path (https://…/policies/) it leads out of the site; write '../cookies/'",
                "content/pages/links.md:5:27: error: the link '../../#main-content' climbs above the site's top folder, so opened from disk or published below a path (https://…/policies/) it leads out of the site; write '../#main-content'",
            ])
    }

    @Test func checkWritesNothing() throws {
        let site = try site(with: "[broken](../nope/)\n")
        #expect(throws: BuildFailure.self) { try site.builder().check() }
        try site.write("pages/links.md", "---\ntitle: Links\ndescription: D\n---\nFine.\n")
        let report = try site.builder().check()
        #expect(report.pageCount == 4)
        #expect(!FileManager.default.fileExists(atPath: site.outputDirectory.path))
    }
}

@Suite("Many pages")
struct ManyPagesTests {
    /// Pages render on several threads; every page must still be complete and in its place.
    @Test func twoHundredPagesRenderInParallelAndDeterministically() throws {
        let site = try TempSite()
        for index in 0..<200 {
            try site.write("pages/p\(index).md", "---\ntitle: Page \(index)\ndescription: D\n---\n## Part \(index)\n\n[next](../p\((index + 1) % 200)/#part-\((index + 1) % 200))\n\n```cookie-table service=google-analytics\n```\n")
        }
        let report = try site.build()
        #expect(report.pageCount == 202)
        let first = TempSite.snapshot(of: site.outputDirectory)
        for index in [0, 57, 199] {
            let page = try site.output("p\(index)/index.html")
            #expect(page.contains("<title>Page \(index) - Test Council</title>"))
            #expect(page.contains("<h2 id=\"part-\(index)\">Part \(index)</h2>"))
            #expect(page.contains("<caption>Cookies used by Google Analytics</caption>"))
        }
        try site.build()
        #expect(TempSite.snapshot(of: site.outputDirectory) == first)
    }
}
