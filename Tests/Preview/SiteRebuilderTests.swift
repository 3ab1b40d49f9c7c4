import Foundation
import NoticeKit
import Testing

@testable import NoticePreview

/// The preview re-renders one saved page and runs the same site checks as a build, with what the site
/// silences, so the preview never says less or more than `notice build` would.
@Suite("Preview rebuilds")
struct SiteRebuilderTests {
    static let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("themes")

    /// A small site in a fresh folder: site.yaml, a registry, a home page and a cookie policy.
    struct Site {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notice-preview-\(UUID().uuidString)")

        init(siteYAML: String) throws {
            try write("site.yaml", siteYAML)
            try write(
                "registry.yaml",
                """
                categories:
                  - id: necessary
                    title: Strictly necessary cookies
                    necessary: true
                services:
                  - id: cookie-management
                    name: Our cookie settings
                    category: necessary
                    consentManager: true
                """)
            try write("pages/index.md", "---\ntitle: Home\ndescription: The home page.\n---\n\nWelcome.\n")
            try write("pages/cookies.md", "---\ntitle: Cookies\ndescription: Cookies.\n---\n\n## Strictly necessary cookies\n\n```cookie-table category=necessary\n```\n\n```consent-settings\n```\n")
        }

        func write(_ path: String, _ text: String) throws {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        func path(_ relative: String) -> String {
            folder.appendingPathComponent(relative).standardizedFileURL.resolvingSymlinksInPath().path
        }
    }

    static func rebuilder(for site: Site) -> SiteRebuilder {
        let options = SiteBuilder.Options(
            siteDirectory: site.folder, outputDirectory: site.folder.appendingPathComponent("../out"),
            themeSearchPaths: [themes])
        return SiteRebuilder(options: options, paths: DisplayPaths(workingDirectory: site.folder), state: PreviewState())
    }

    @Test func aSavedPageIsCheckedAsABuildChecksIt() async throws {
        let site = try Site(siteYAML: "title: Test Council\npolicyPage: cookies\nchecks:\n  ignore: [page.description.missing]\n")
        defer { try? FileManager.default.removeItem(at: site.folder) }
        let rebuilder = Self.rebuilder(for: site)
        let first = await rebuilder.buildEverything(because: "started")
        #expect(first.succeeded, "\(first.diagnostics)")

        // Saved without a description (silenced by site.yaml) and with a broken link (an error).
        let page = site.path("pages/index.md")
        try site.write("pages/index.md", "---\ntitle: Home\n---\n\nSee [help](missing/).\n")
        let broken = await rebuilder.rebuild(after: [page])
        #expect(!broken.succeeded)
        #expect(broken.diagnostics.map(\.code.id) == ["page.link.broken"], "\(broken.diagnostics)")

        try site.write("pages/index.md", "---\ntitle: Home\n---\n\nSee [cookies](cookies/).\n")
        let fixed = await rebuilder.rebuild(after: [page])
        #expect(fixed.succeeded && fixed.summary.hasPrefix("Updated"), "\(fixed.summary)")
        #expect(!fixed.diagnostics.contains { $0.code.id == "page.description.missing" }, "\(fixed.diagnostics)")
    }
}
