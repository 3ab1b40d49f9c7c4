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
}
