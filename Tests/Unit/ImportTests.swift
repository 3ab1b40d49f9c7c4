import Foundation
import Testing

@testable import NoticeKit

/// `notice import`: pages written the way council CMSs write cookie tables, each read word for word.
@Suite("Import of published cookie tables")
struct ImportTests {
    static func rows(_ html: String) -> [[CookieTableReader.Role: String]] {
        CookieTableReader.tables(in: HTMLDocument.parse(html)).flatMap(\.rows).map(\.cells)
    }

    @Test func theParserClosesWhatHTMLLeavesOpenAndDecodesReferences() {
        let document = HTMLDocument.parse(
            """
            <!DOCTYPE html><!-- a comment with <table> in it --><script>var x = "<td>";</script>
            <p>One<p>Two &amp; three&nbsp;&#8217;s &#x2014; &unknown;
            <ul><li>a<li>b <b>bold</ul>
            """)
        #expect(document.descendants(named: ["p"]).map(\.text) == ["One", "Two & three ’s — &unknown;"])
        #expect(document.descendants(named: ["li"]).map(\.text) == ["a", "b bold"])
        #expect(document.descendants(named: ["td", "table"]).isEmpty, "comments and scripts are not markup")
        #expect(document.descendants(named: ["ul"]).first?.line == 3)
    }

    @Test func aTableWithAHeadReadsEachRowAsPublished() {
        let cells = Self.rows(
            """
            <h2>Analytics cookies</h2>
            <table class="govuk-table"><thead><tr><th scope="col">Name</th><th>Purpose</th><th>Expires</th></tr></thead>
            <tbody><tr><td>_ga</td><td>Checks if you’ve visited   GOV.UK before.
            This helps us count how many people visit our site</td><td>2 years</td></tr>
            <tr><td>_ga_&lt;container-id&gt;</td><td>Used to persist session state</td><td>2 years</td></tr></tbody></table>
            """)
        #expect(
            cells == [
                [.name: "_ga", .purpose: "Checks if you’ve visited GOV.UK before. This helps us count how many people visit our site", .duration: "2 years"],
                [.name: "_ga_<container-id>", .purpose: "Used to persist session state", .duration: "2 years"],
            ])
    }

    @Test func aTableWithoutAHeadInAnotherColumnOrderWithUnclosedCells() {
        let cells = Self.rows(
            """
            <table border=1>
            <tr><td><strong>Cookie name</strong><td><strong>Expiry</strong><td><strong>What it does</strong>
            <tr><td>ASP.NET_SessionId<td>When you close your browser<td>Keeps your session; see <a href="https://example.gov.uk/privacy">our privacy notice</a>
            </table>
            """)
        #expect(
            cells == [
                [
                    .name: "ASP.NET_SessionId", .duration: "When you close your browser",
                    .purpose: "Keeps your session; see [our privacy notice](https://example.gov.uk/privacy)",
                ]
            ])
    }

    @Test func aWelshTable() {
        let cells = Self.rows(
            """
            <html lang="cy"><h3>Cwcis dadansoddi</h3><table><tr><th>Enw</th><th>Diben</th><th>Dod i ben</th></tr>
            <tr><td>_ga</td><td>Mae’n ein helpu i gyfrif faint o bobl sy’n ymweld.</td><td>2 flynedd</td></tr></table>
            """)
        #expect(cells == [[.name: "_ga", .purpose: "Mae’n ein helpu i gyfrif faint o bobl sy’n ymweld.", .duration: "2 flynedd"]])
    }

    @Test func oneBigTableWithCategoryAndProviderColumnsAndMergedCells() throws {
        let html = """
            <title>Cookie policy | Example Borough Council</title>
            <h1>Cookie policy</h1>
            <table><tr><th>Category</th><th>Provider</th><th>Cookie</th><th>Description</th><th>Duration</th></tr>
            <tr><td rowspan="3">Strictly necessary</td><td rowspan="2">Example Borough Council</td><td>ebc_session</td><td>Keeps you signed in</td><td>Session</td></tr>
            <tr><td>cookie_consent</td><td>Remembers your cookie choices</td><td>1 year</td></tr>
            <tr><td>Cloudflare</td><td>__cf_bm</td><td>Tells people from bots</td><td>30 minutes</td></tr>
            <tr><td>Analytics</td><td>Google</td><td>_ga, _gid</td><td>Counts visits</td><td>2 years</td></tr>
            </table>
            """
        let cells = Self.rows(html)
        #expect(cells.map { $0[.category] } == ["Strictly necessary", "Strictly necessary", "Strictly necessary", "Analytics"])
        #expect(cells.map { $0[.provider] } == ["Example Borough Council", "Example Borough Council", "Cloudflare", "Google"])
        let result = try SiteImporter(source: SourceFile(path: "policy.html", text: html), kind: .html).run()
        let registry = try #require(result.files.first { $0.path == "registry.yaml" }?.text)
        #expect(registry.contains("  - id: strictly-necessary\n    title: \"Strictly necessary\"\n    necessary: true"))
        #expect(registry.contains("      - label: \"_ga, _gid\"\n        names: [\"_ga\", \"_gid\"]\n        purpose: \"Counts visits\"\n        duration: \"2 years\""))
        let site = try #require(result.files.first { $0.path == "site.yaml" }?.text)
        #expect(site.contains("title: \"Example Borough Council\""))
        #expect(result.diagnostics.contains { $0.message == "the service 'Cloudflare' was taken from the table's provider column" && $0.location?.line == 6 })
    }

    @Test func tablesAndListsThatLabelEachValueOnItsOwnRow() {
        let table = Self.rows(
            """
            <h3>Google Analytics</h3>
            <table><tr><th>Name</th><td>_ga</td></tr><tr><th>Purpose</th><td>Counts visits</td></tr><tr><th>Expires</th><td>2 years</td></tr>
            <tr><th>Name</th><td>_gid</td></tr><tr><th>Purpose</th><td>Counts visits</td></tr><tr><th>Expires</th><td>24 hours</td></tr></table>
            """)
        #expect(table == [[.name: "_ga", .purpose: "Counts visits", .duration: "2 years"], [.name: "_gid", .purpose: "Counts visits", .duration: "24 hours"]])
        let list = Self.rows("<dl><dt>Cookie name:</dt><dd>PHPSESSID</dd><dt>What it does:</dt><dd>Keeps a session</dd><dt>How long:</dt><dd>Session</dd></dl>")
        #expect(list == [[.name: "PHPSESSID", .purpose: "Keeps a session", .duration: "Session"]])
    }

    @Test func aCSVWithAHeaderRow() throws {
        let table = try #require(CookieTableReader.table(fromCSV: "\u{FEFF}Cookie,Purpose,Expires\n_ga,\"Counts visits, anonymously\",2 years\r\n\"say \"\"hi\"\"\",Greets,Session\n"))
        #expect(
            table.rows.map(\.cells) == [
                [.name: "_ga", .purpose: "Counts visits, anonymously", .duration: "2 years"],
                [.name: "say \"hi\"", .purpose: "Greets", .duration: "Session"],
            ])
    }

    @Test func aPageWithoutACookieTableSaysSoAndGivesNothing() throws {
        let importer = SiteImporter(source: SourceFile(path: "news.html", text: "<table><tr><th>Date</th><th>Event</th></tr></table><p>News</p>"), kind: .html)
        #expect(throws: BuildFailure.self) { try importer.run() }
        do {
            _ = try importer.run()
        } catch {
            #expect(error.diagnostics.first?.description.hasPrefix("news.html:1:1: error: no cookie table was found on this page") == true)
        }
    }

    @Test func deeplyNestedMarkupNeitherCrashesNorTakesLong() throws {
        let html = String(repeating: "<div><span>", count: 50_000) + "<table><tr><th>Name</th><th>Purpose</th></tr><tr><td>a</td><td>b</td></tr></table>"
        let result = try SiteImporter(source: SourceFile(path: "deep.html", text: html), kind: .html).run()
        #expect(result.rowCount == 1)
    }

    @Test func aTableThatListsNoCookiesBecomesATableBlock() throws {
        let html = """
            <main><h1>Cookies</h1><h2>Strictly necessary cookies</h2><table><tr><th>Name</th><th>Purpose</th></tr><tr><td>s</td><td>Session</td></tr></table>
            <h2>How long we keep records</h2><table><tr><th>Record</th><th>Kept for</th></tr><tr><td>Forms | online</td><td>6 years</td></tr></table></main>
            """
        let result = try SiteImporter(source: SourceFile(path: "p.html", text: html), kind: .html).run()
        let page = try #require(result.files.first { $0.path == "pages/cookies.md" }?.text)
        #expect(page.contains("```table caption=\"How long we keep records\"\n| Record | Kept for |\n|---|---|\n| Forms \\| online | 6 years |\n```"), "\(page)")
    }

    @Test func aLinkToTheCookieSettingsPlacesTheSettingsFormThereAndAWelshPageIsWelsh() throws {
        let html = """
            <main><h1>Cwcis</h1><p>Gallwch <a href="#" class="optanon-toggle-display">newid eich gosodiadau cwcis</a> unrhyw bryd.</p>
            <h2>Cwcis hanfodol</h2><table><tr><th>Enw</th><th>Diben</th><th>Dod i ben</th></tr><tr><td>sesiwn</td><td>Yn cadw eich sesiwn</td><td>Pan fyddwch yn cau eich porwr</td></tr></table></main>
            """
        let result = try SiteImporter(source: SourceFile(path: "cwcis.html", text: html), kind: .html, language: "cy").run()
        let page = try #require(result.files.first { $0.path == "pages/cookies.md" }?.text)
        #expect(page.contains("unrhyw bryd.\n\n```consent-settings\n```\n\n## Cwcis hanfodol"), "\(page)")
        #expect(result.files.first { $0.path == "site.yaml" }?.text.contains("language: cy") == true)
        let registry = try #require(result.files.first { $0.path == "registry.yaml" }?.text)
        #expect(registry.contains("  - id: cwcis-hanfodol\n    title: \"Cwcis hanfodol\"\n    necessary: true"), "\(registry)")
    }
}
