import Foundation
import Testing

/// `notice audit --report DIR` follows the output folder's rules: it replaces only a folder it wrote, never
/// writes through a link, never touches home or system folders or a built site. HAR input needs no browser.
@Suite("Audit report folder safety")
struct AuditReportSafetyTests {
    static let har = TempSite.repositoryRoot.appendingPathComponent("Tests/Audit/Fixtures/recorded.har").path

    func audit(_ site: TempSite, report: String, extra: [String] = [], environment: [String: String] = [:]) throws -> CommandLineTests.Run {
        try CommandLineTests().notice(["audit", "--har", Self.har, "--report", report] + extra, in: site.root, environment: environment)
    }

    @Test func aFolderOfTheUsersFilesIsRefusedAndLeftAlone() throws {
        let site = try TempSite()
        let folder = site.root.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("my page".utf8).write(to: folder.appendingPathComponent("index.html"))
        try Data("my styles".utf8).write(to: folder.appendingPathComponent("notice.css"))
        let run = try audit(site, report: "mine")
        #expect(run.status == 2)
        #expect(run.standardError.contains("the report folder mine already has files that notice did not write"), "\(run.standardError)")
        #expect(try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8) == "my page")
        #expect(try String(contentsOf: folder.appendingPathComponent("notice.css"), encoding: .utf8) == "my styles")
    }

    @Test func aLinkInTheFolderIsNeverWrittenThrough() throws {
        let site = try TempSite()
        let outside = site.root.appendingPathComponent("outside.txt")
        try Data("keep me".utf8).write(to: outside)
        let folder = site.root.appendingPathComponent("report")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("index.html").path, withDestinationPath: "../outside.txt")
        #expect(try audit(site, report: "report").status == 2)
        #expect(try String(contentsOf: outside, encoding: .utf8) == "keep me")
        // Even told to replace the folder, the link is replaced, not followed.
        let forced = try audit(site, report: "report", extra: ["--force"])
        #expect(forced.status == 1, "the recording has findings: \(forced.standardError)")
        #expect(try String(contentsOf: outside, encoding: .utf8) == "keep me")
        #expect(try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8).contains("<html"))
    }

    @Test(arguments: ["/", "/etc", "HOME"])
    func homeAndSystemFoldersAreRefused(folder: String) throws {
        let site = try TempSite()
        let home = site.root.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let target = folder == "HOME" ? home.path : folder
        let run = try audit(site, report: target, extra: ["--force"], environment: ["HOME": home.path])
        #expect(run.status == 2, "\(run.standardError)")
        #expect(run.standardError.contains("the report folder"), "\(run.standardError)")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: home.path)) == [])
    }

    @Test func aBuiltSiteIsNotAReportsFolder() throws {
        let site = try TempSite()
        try site.build()
        let before = TempSite.snapshot(of: site.outputDirectory)
        let run = try audit(site, report: "output")
        #expect(run.status == 2)
        #expect(run.standardError.contains("the report folder output holds what `notice build` wrote"), "\(run.standardError)")
        #expect(TempSite.snapshot(of: site.outputDirectory) == before)
        try site.build()  // and the next build still takes its folder
    }

    @Test func aReportReplacesItsOwnFolder() throws {
        let site = try TempSite()
        // The recording has findings (exit 1); the report is written all the same.
        #expect(try audit(site, report: "audit-report").status == 1)
        let marker = try String(contentsOf: site.root.appendingPathComponent("audit-report/.notice-output"), encoding: .utf8)
        #expect(marker.contains("kind: audit-report") && marker.contains("index.html"))
        // A report a data-protection officer can file: when, what, with which tools, errors first.
        let report = try String(contentsOf: site.root.appendingPathComponent("audit-report/index.html"), encoding: .utf8)
        for heading in ["Audited on", "What was audited", "Registry version", "Notice version", "Browser", "What this audit cannot see"] {
            #expect(report.contains(heading), "\(heading)")
        }
        let severities = report.matches(of: /data-label="Severity" class="[^"]*">(\w+)</).map { String($0.output.1) }
        #expect(!severities.isEmpty && severities == severities.sorted { ["Error", "Warning", "Note"].firstIndex(of: $0)! < ["Error", "Warning", "Note"].firstIndex(of: $1)! })
        #expect(try audit(site, report: "audit-report").status == 1, "a second report replaces the first")
        // A build refuses a report's folder the same way.
        let build = try CommandLineTests().notice(["build", "-o", "audit-report"], in: site.root)
        #expect(build.status == 1 && build.standardError.contains("holds what `notice audit --report` wrote"), "\(build.standardError)")
    }
}

/// `--notes` and `--fail-on`: what is printed, and what fails a pipeline.
@Suite("Audit command line")
struct AuditCommandLineTests {
    @Test func notesAreCountedButShownOnlyWhenAskedAndWarningsFailOnlyWhenAsked() throws {
        let site = try TempSite()
        let har = #"{"log":{"version":"1.2","pages":[],"entries":[{"startedDateTime":"2026-01-01T00:00:00.000Z","request":{"method":"GET","url":"https://www.example.gov.uk/","cookies":[],"headers":[{"name":"Cookie","value":"_ga=1"}]},"response":{"status":200,"cookies":[],"headers":[]}},{"startedDateTime":"2026-01-01T00:00:01.000Z","request":{"method":"GET","url":"https://cdn.unknown.example/a.js","cookies":[],"headers":[]},"response":{"status":200,"cookies":[],"headers":[]}}]}}"#
        try Data(har.utf8).write(to: site.root.appendingPathComponent("r.har"))
        let runner = CommandLineTests()
        let plain = try runner.notice(["audit", "--har", "r.har"], in: site.root)
        #expect(plain.status == 0, "only a warning: \(plain.standardError)")
        #expect(plain.standardError.contains("loads from cdn.unknown.example in the recording"))
        #expect(!plain.standardError.contains(": note: ") && plain.standardOutput.contains("(--notes shows the notes)"), "\(plain.standardOutput)")
        let withNotes = try runner.notice(["audit", "--har", "r.har", "--notes"], in: site.root)
        #expect(withNotes.standardError.contains(": note: "))
        let strict = try runner.notice(["audit", "--har", "r.har", "--fail-on", "warning"], in: site.root)
        #expect(strict.status == 1)
    }

    /// A recording of a site not built with Notice, audited against a registry file alone: twelve
    /// declared cookies it never shows (twelve notes), and one it shows that the registry lacks.
    static func registryAloneFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notice-registry-alone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var registry = "categories:\n  - id: analytics\n    title: Analytics cookies\nservices:\n  - id: stats\n    name: County Stats\n    category: analytics\n    cookies:\n"
        for number in 1...12 { registry += "      - name: stat_\(number)\n        purpose: Counts visits.\n        duration: 1 day\n" }
        try Data(registry.utf8).write(to: folder.appendingPathComponent("cookies.yaml"))
        let har = #"{"log":{"version":"1.2","pages":[],"entries":[{"startedDateTime":"2026-01-01T00:00:00.000Z","request":{"method":"GET","url":"https://www.county.example/","cookies":[],"headers":[]},"response":{"status":200,"cookies":[],"headers":[{"name":"Set-Cookie","value":"visitor=1; Max-Age=86400"}]}}]}}"#
        try Data(har.utf8).write(to: folder.appendingPathComponent("r.har"))
        return folder
    }

    @Test func aRegistryAloneAuditsASiteNotBuiltWithNotice() throws {
        let folder = try Self.registryAloneFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let runner = CommandLineTests()
        let json = try runner.notice(["audit", "--har", "r.har", "--registry", "cookies.yaml", "--diagnostics", "json", "--report", "report"], in: folder)
        #expect(json.status == 1, "\(json.standardError)")
        let report = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        let diagnostics = report?["diagnostics"] as? [[String: Any]] ?? []
        let undeclared = try #require(diagnostics.first { $0["severity"] as? String == "error" })
        #expect(undeclared["file"] as? String == "cookies.yaml")
        let details = undeclared["details"] as? [String: Any] ?? [:]
        #expect(details["name"] as? String == "visitor" && details["kind"] as? String == "cookie" && details["state"] as? String == "recorded")
        #expect(details["observed"] as? String == "PT86400S" && details["page"] as? String == "https://www.county.example/")
        #expect(diagnostics.count { $0["severity"] as? String == "note" } == 12)
        // The report names what each finding concerns as the registry titles it, not by a file position.
        let html = try String(contentsOf: folder.appendingPathComponent("report/index.html"), encoding: .utf8)
        #expect(html.contains("<td data-label=\"What it concerns\">Not in the registry · visitor</td>"))
        #expect(html.contains("<td data-label=\"What it concerns\">County Stats · Analytics cookies · stat_1</td>"))
        #expect(!html.contains("cookies.yaml:"))
        #expect(html.contains("against the registry cookies.yaml"))
        #expect(html.contains("<td data-label=\"Set to last\">24 hours</td>"), "a lifetime in words")
        // Without --url or --har there is nothing for a registry alone to be checked against.
        let alone = try runner.notice(["audit", "--registry", "cookies.yaml"], in: folder)
        #expect(alone.status == 2 && alone.standardError.contains("--registry is for a site not built with Notice"), "\(alone.standardError)")
        let missing = try runner.notice(["audit", "--har", "r.har", "--registry", "nothing.yaml"], in: folder)
        #expect(missing.status == 1 && missing.standardError.contains("error: there is no registry file at nothing.yaml; check --registry"), "\(missing.standardError)")
    }

    @Test func githubAnnotationsUseRelativePathsAndShowAtMostTenNotes() throws {
        let folder = try Self.registryAloneFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CommandLineTests().notice(["audit", "--har", "r.har", "--registry", "cookies.yaml", "--diagnostics", "github", "--notes"], in: folder)
        let lines = run.standardOutput.split(separator: "\n")
        #expect(lines.count { $0.hasPrefix("::notice file=cookies.yaml,") } == 10, "\(run.standardOutput)")
        #expect(lines.count { $0.hasPrefix("::error file=cookies.yaml,line=1,col=1,") } == 1)
        #expect(!run.standardOutput.contains(folder.path), "paths are relative to where the workflow runs")
    }
}
