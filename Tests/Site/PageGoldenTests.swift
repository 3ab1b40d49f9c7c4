import Foundation
import NoticeKit
import Testing

/// Whole pages of the example site and the browser tests' site, byte for byte, against reviewed golden
/// files in `Golden/pages/`: a change of structure must change no output. Run with `UPDATE_GOLDEN=1` to
/// rewrite them after an intended change, then review the diff.
@Suite("Whole-page golden files")
struct PageGoldenTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/pages")

    /// The sites, and the files of each that are compared (content-hashed names are compared by their stem).
    static let sites: [(name: String, folder: URL, files: [String])] = [
        (
            "example", TempSite.repositoryRoot.appendingPathComponent("content"),
            [
                "index.html", "cookies/index.html", "accessibility/index.html", "404.html", "consent.js", "consent.css",
                "consent-settings.js", "consent-settings.css",
            ]
        ),
        (
            "browser-site", TempSite.repositoryRoot.appendingPathComponent("Tests/Browser/site"),
            ["index.html", "cookies/index.html", "videos/index.html", "inline/index.html", "consent.js", "consent-settings.js"]
        ),
        // The plain theme, around a council's own GOV.UK Frontend header and footer.
        (
            "plain-site", TempSite.repositoryRoot.appendingPathComponent("Tests/Plain/site"),
            ["index.html", "cookies/index.html", "accessibility/index.html", "404.html"]
        ),
    ]

    static func build(_ folder: URL) throws -> URL {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("notice-golden-\(UUID().uuidString)")
        let builder = SiteBuilder(
            options: .init(
                siteDirectory: folder, outputDirectory: output,
                themeSearchPaths: [TempSite.builtInThemes]),
            paths: DisplayPaths(workingDirectory: TempSite.repositoryRoot))
        _ = try builder.build()
        return output
    }

    /// The output file for a golden name: `consent-settings.js` is written as `consent-settings.<hash>.js`.
    static func produced(_ name: String, in output: URL) throws -> Data {
        let plain = output.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: plain.path) { return try Data(contentsOf: plain) }
        let stem = (name as NSString).deletingPathExtension
        let suffix = (name as NSString).pathExtension
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path)
        let hashed = try #require(names.first { $0.hasPrefix(stem + ".") && $0.hasSuffix("." + suffix) && $0.count == name.count + 11 })
        return try Data(contentsOf: output.appendingPathComponent(hashed))
    }

    @Test(arguments: [0, 1, 2])
    func pagesMatchTheirGoldenFiles(site index: Int) throws {
        let site = Self.sites[index]
        let output = try Self.build(site.folder)
        defer { try? FileManager.default.removeItem(at: output) }
        for name in site.files {
            let produced = try Self.produced(name, in: output)
            let goldenFile = Self.golden.appendingPathComponent(site.name).appendingPathComponent(name)
            try GoldenFile.check(produced, against: goldenFile, shownAs: "Tests/Site/Golden/pages/\(site.name)/\(name)")
        }
    }
}
