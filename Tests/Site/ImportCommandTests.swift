import Foundation
import Testing

@testable import NoticeKit

/// `notice import` end to end, with the real program: the example site's own policy page, built, then
/// imported, gives back every name, purpose and duration of the example registry, word for word.
@Suite("notice import")
struct ImportCommandTests {
    /// (name as published, purpose, duration) of every cookie row a built site declares in cookies.json.
    static func rows(in output: URL) throws -> Set<[String]> {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("cookies.json"))) as? [String: Any]
        var rows = Set<[String]>()
        for service in json?["services"] as? [[String: Any]] ?? [] {
            for cookie in service["cookies"] as? [[String: Any]] ?? [] {
                let duration = (cookie["duration"] as? [String: Any])?["text"] as? String ?? ""
                rows.insert([cookie["label"] as? String ?? cookie["name"] as? String ?? "", cookie["purpose"] as? String ?? "", duration])
            }
        }
        return rows
    }

    @Test func theExamplesOwnPageImportsBackWordForWord() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("notice-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let runner = CommandLineTests()
        let example = TempSite.repositoryRoot.appendingPathComponent("content").path
        #expect(try runner.notice(["build", "--site", example, "-o", "example"], in: root).status == 0)
        let imported = try runner.notice(["import", "example/cookies/index.html", "site"], in: root)
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardOutput.hasPrefix("Imported 8 tables (39 cookie rows) from example/cookies/index.html into site/."), "\(imported.standardOutput)")
        #expect(try runner.notice(["build", "--site", "site", "-o", "again"], in: root).status == 0)
        let original = try Self.rows(in: root.appendingPathComponent("example"))
        let again = try Self.rows(in: root.appendingPathComponent("again"))
        #expect(original.count >= 39)
        #expect(original == again, "missing: \(original.subtracting(again)); added: \(again.subtracting(original))")
        // Compared with the site it came from, the page adds nothing and words nothing differently.
        let compared = try runner.notice(["import", "example/cookies/index.html", "--into", example], in: root)
        #expect(compared.status == 0, "\(compared.standardError)")
        #expect(compared.standardOutput.contains("No changes to categories, services or cookies"), "\(compared.standardOutput)")
        #expect(compared.standardOutput.contains("Nothing was written"))
    }

    @Test func comparingWithASiteSaysWhatThePageAddsOrWordsDifferently() throws {
        let site = try TempSite()
        let page = TempSite.repositoryRoot.appendingPathComponent("docs/examples/cookie-policy.html").path
        let before = try String(contentsOf: site.siteDirectory.appendingPathComponent("registry.yaml"), encoding: .utf8)
        let compared = try CommandLineTests().notice(["import", page, "--into", "content"], in: site.root)
        #expect(compared.status == 0, "\(compared.standardError)")
        #expect(compared.standardOutput.contains("Cookies added"), "\(compared.standardOutput)")
        #expect(compared.standardOutput.contains("  + ebc_cookies_policy (our-website, essential-cookies): 1 year"), "\(compared.standardOutput)")
        #expect(try String(contentsOf: site.siteDirectory.appendingPathComponent("registry.yaml"), encoding: .utf8) == before, "nothing is written")
    }

    @Test func aPageWithoutACookieTableWritesNothing() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("notice-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("<h1>News</h1><p>Nothing here.</p>".utf8).write(to: root.appendingPathComponent("news.html"))
        let run = try CommandLineTests().notice(["import", "news.html", "site"], in: root)
        #expect(run.status == 1)
        #expect(run.standardError.hasPrefix("news.html:1:1: error: no cookie table was found on this page"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path))
        // A folder with files in it is never written into.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("full"), withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: root.appendingPathComponent("full/notes.txt"))
        let full = try CommandLineTests().notice(["import", "news.html", "full"], in: root)
        #expect(full.status == 1 && full.standardError.contains("full already has files"))
    }

    /// Pages written the way councils' content systems write cookie tables, each with the rows it publishes.
    static let fixtures: [(name: String, html: String, rows: Set<[String]>)] = [
        (
            "govuk",
            """
            <html lang="en-GB"><title>Cookies - Test District Council</title><main><h1>Cookies</h1>
            <h2>Strictly necessary cookies</h2><table class="govuk-table"><caption>Cookies used by our forms</caption>
            <thead><tr><th>Name</th><th>Purpose</th><th>Expires</th></tr></thead><tbody>
            <tr><td>tdc_session</td><td>Remembers the answers you&#8217;ve   given</td><td>20 minutes</td></tr>
            <tr><td>cookies_policy</td><td>Saves your cookie consent settings</td><td>1 year</td></tr></tbody></table>
            <h2>Analytics cookies (optional)</h2><table class="govuk-table"><thead><tr><th>Name</th><th>Purpose</th><th>Expires</th></tr></thead>
            <tbody><tr><td>_ga, _gid</td><td>Help us count visits. See <a href="https://policies.google.com/privacy">Google's privacy policy</a></td><td>2 years</td></tr></tbody></table></main>
            """,
            [
                ["tdc_session", "Remembers the answers you’ve given", "20 minutes"], ["cookies_policy", "Saves your cookie consent settings", "1 year"],
                ["_ga, _gid", "Help us count visits. See [Google's privacy policy](https://policies.google.com/privacy)", "2 years"],
            ]
        ),
        (
            "one-big-table",
            """
            <title>Cookie policy | Example Borough Council</title><div class="content"><h1>Cookie policy</h1>
            <table border="1"><tr><td><b>Cookie type</b></td><td><b>Set by</b></td><td><b>Cookie name</b></td><td><b>What it does</b></td><td><b>How long it lasts</b></td></tr>
            <tr><td rowspan="2">Essential</td><td rowspan="2">Example Borough Council</td><td>ASP.NET_SessionId<td>Keeps your session</td><td>Session</td></tr>
            <tr><td>ebc_consent</td><td>Remembers your choice</td><td>90 days</td></tr>
            <tr><td>Analytics cookies</td><td>Microsoft Clarity</td><td>_clck</td><td>Keeps a user ID</td><td>1 year</td></tr></table></div>
            """,
            [
                ["ASP.NET_SessionId", "Keeps your session", "Session"], ["ebc_consent", "Remembers your choice", "90 days"],
                ["_clck", "Keeps a user ID", "1 year"],
            ]
        ),
        (
            "welsh",
            """
            <html lang="cy"><title>Cwcis | Cyngor Prawf</title><main><h1>Cwcis</h1><h2>Cwcis hanfodol</h2>
            <table><tr><th>Enw</th><th>Diben</th><th>Dod i ben</th></tr>
            <tr><td>sesiwn_prawf</td><td>Yn cadw eich sesiwn</td><td>Pan fyddwch yn cau eich porwr</td></tr>
            <tr><td>cwcis_caniatad</td><td>Yn cofio eich dewis</td><td>1 flwyddyn</td></tr></table></main>
            """, [["sesiwn_prawf", "Yn cadw eich sesiwn", "Pan fyddwch yn cau eich porwr"], ["cwcis_caniatad", "Yn cofio eich dewis", "1 flwyddyn"]]
        ),
    ]

    @Test(arguments: fixtures.indices)
    func aPageAsCouncilsWriteThemImportsBuildsAndShowsItsWordsUnchanged(index: Int) throws {
        let fixture = Self.fixtures[index]
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("notice-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(fixture.html.utf8).write(to: root.appendingPathComponent("\(fixture.name).html"))
        let runner = CommandLineTests()
        let imported = try runner.notice(["import", "\(fixture.name).html", "site"], in: root)
        #expect(imported.status == 0, "\(fixture.name): \(imported.standardError)")
        #expect(try runner.notice(["build", "--site", "site", "-o", "out"], in: root).status == 0)
        let built = try Self.rows(in: root.appendingPathComponent("out"))
        #expect(fixture.rows.isSubset(of: built), "\(fixture.name): missing \(fixture.rows.subtracting(built))")
        // Every published row is on the built policy page, word for word.
        let page = try String(contentsOf: root.appendingPathComponent("out/cookies/index.html"), encoding: .utf8)
        for row in fixture.rows {
            #expect(page.contains(HTMLText.escape(row[0])) && page.contains(HTMLText.escape(row[2])), "\(fixture.name): \(row)")
        }
    }
}
