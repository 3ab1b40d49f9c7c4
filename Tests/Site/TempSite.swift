import Foundation
import NoticeKit

/// A site written to a fresh temporary folder for one test, removed afterwards.
final class TempSite {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let builtInThemes = repositoryRoot.appendingPathComponent("themes")

    let root: URL
    var siteDirectory: URL { root.appendingPathComponent("content") }
    var outputDirectory: URL { root.appendingPathComponent("output") }

    /// Writes `files` (paths relative to the site folder) into `root/content/`.
    init(_ files: [String: String] = TempSite.minimalSite) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("notice-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    func write(_ path: String, _ text: String) throws {
        let url = siteDirectory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Paths shown relative to the temporary root, so diagnostics read `content/registry.yaml:3:5`.
    var paths: DisplayPaths { DisplayPaths(workingDirectory: root) }

    /// The day records are checked against: a fixed one, so that no test depends on the clock.
    var today = CalendarDate(year: 2026, month: 12, day: 5)

    func builder(output: URL? = nil, force: Bool = false) -> SiteBuilder {
        var options = SiteBuilder.Options(
            siteDirectory: siteDirectory, outputDirectory: output ?? outputDirectory, themeSearchPaths: [Self.builtInThemes], force: force)
        options.today = today
        return SiteBuilder(options: options, paths: paths)
    }

    @discardableResult
    func build(force: Bool = false) throws -> BuildReport {
        try builder(force: force).build()
    }

    /// The diagnostics of a build that must fail.
    func failingBuild() -> [String] {
        do {
            _ = try builder().build()
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// The output's content-hashed version of a file (`assets/notice` + `css` → `assets/notice.3f2a1b4c9d.css`).
    func fingerprinted(_ stem: String, _ fileExtension: String) -> String? {
        let folder = outputDirectory.appendingPathComponent(stem).deletingLastPathComponent()
        let name = (stem as NSString).lastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let match = names.first { $0.range(of: "^\\Q\(name)\\E\\.[0-9a-f]{10}\\.\(fileExtension)$", options: .regularExpression) != nil }
        let prefix = (stem as NSString).deletingLastPathComponent
        return match.map { prefix.isEmpty ? $0 : prefix + "/" + $0 }
    }

    /// The Subresource Integrity value of an output file, computed apart from Notice: by coreutils'
    /// `sha384sum`.
    func integrity(of path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha384sum")
        process.arguments = [outputDirectory.appendingPathComponent(path).path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let hex = Array(output.prefix(96))
        let bytes = stride(from: 0, to: hex.count, by: 2).compactMap { UInt8(String(hex[$0...$0 + 1]), radix: 16) }
        return "sha384-" + Data(bytes).base64EncodedString()
    }

    func output(_ path: String) throws -> String {
        try String(contentsOf: outputDirectory.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every file under a folder with its bytes, for before/after comparisons.
    static func snapshot(of folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return files }
        for case let url as URL in enumerator {
            if let data = FileManager.default.contents(atPath: url.path), !url.hasDirectoryPath {
                files[String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count))] = data
            }
        }
        return files
    }

    static let minimalSite: [String: String] = [
        "site.yaml": """
        title: Test Council
        baseURL: https://www.example.gov.uk
        language: en-GB
        policyPage: cookies
        navigation:
          - title: Home
            page: index
          - title: Cookies
            page: cookies
        consent:
          lifetime: 180 days
        """,
        "registry.yaml": """
        categories:
          - id: analytics
            title: Analytics cookies
            summary: We'd like to count visits to improve the website.
          - id: necessary
            title: Strictly necessary cookies
            necessary: true
        services:
          - id: google-analytics
            name: Google Analytics
            category: analytics
            cookies:
              - name: _ga
                purpose: Used to distinguish users.
                duration: 90 days
              - name: _gid
                purpose: Used to distinguish users.
                duration: 24 hours
        """,
        "pages/index.md": """
        ---
        title: Test Council policies
        description: Policies of the Test Council.
        ---
        Read our [cookie policy](cookies/).
        """,
        "pages/cookies.md": """
        ---
        title: Cookies
        description: How we use cookies.
        updated: 2025-03-10
        ---
        Intro text.

        ## Analytics cookies

        ```cookie-table service=google-analytics
        ```

        ## Strictly necessary cookies

        ```cookie-table category=necessary
        ```

        ## Change your cookie settings

        ```consent-settings
        ```
        """,
    ]
}

extension TempSite {
    /// The diagnostics of a build, as the lines `notice build` prints, whether it succeeds or fails.
    func diagnosticLines() -> [String] {
        do {
            return try builder().build().diagnostics.map(\.description)
        } catch {
            return error.diagnostics.map(\.description)
        }
    }
}
