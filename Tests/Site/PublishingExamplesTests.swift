import Foundation
import Testing

/// The pipelines in docs/examples run commands of this program: each `notice` command they hold is run
/// here, as written, against a site made by `notice init`, and each `make` target they name exists.
/// A renamed option or a changed default fails here before it fails in someone's pipeline.
@Suite("Publishing examples")
struct PublishingExamplesTests {
    static let examples = TempSite.repositoryRoot.appendingPathComponent("docs/examples")

    /// `notice …` commands in a workflow file, cut before shell redirections and operators.
    static func noticeCommands(in text: String) -> [String] {
        text.matches(of: /(?:^|[\s"'`])(notice (?:init|check|build|serve|audit|diff)\b[^\n]*)/).map { match in
            var command = String(match.output.1)
            for stop in [" >", " ||", " &&", ";", "}", "`"] {
                if let range = command.range(of: stop) { command = String(command[..<range.lowerBound]) }
            }
            return command.trimmingCharacters(in: .whitespaces)
        }
    }

    @Test(arguments: ["github-pages.yml", "gitlab-ci.yml"])
    func everyNoticeCommandOfThePipelineRuns(file: String) throws {
        let text = try String(contentsOf: Self.examples.appendingPathComponent(file), encoding: .utf8)
        let commands = Self.noticeCommands(in: text)
        #expect(commands.contains { $0.hasPrefix("notice check") } && commands.contains { $0.hasPrefix("notice build") }, "\(commands)")
        let folder = try TempSite([:])
        try FileManager.default.createDirectory(at: folder.root, withIntermediateDirectories: true)
        let runner = CommandLineTests()
        // The site repository is the folder `notice init` makes; the pipeline runs at its top.
        #expect(try runner.notice(["init", "my-council", "--base-url", "https://www.example.gov.uk"], in: folder.root).status == 0)
        let repository = folder.root.appendingPathComponent("my-council")
        for command in commands {
            let arguments = Array(command.split(separator: " ").map(String.init).dropFirst())
            let run = try runner.notice(arguments, in: repository)
            #expect(run.status == 0, "\(file): `\(command)` exited \(run.status): \(run.standardError)\(run.standardOutput)")
        }
        // Each `make … TARGET` the pipeline runs is a target of the Makefile.
        let makefile = try String(contentsOf: TempSite.repositoryRoot.appendingPathComponent("Makefile"), encoding: .utf8)
        for match in text.matches(of: /make -C \S+ (\w+)/) {
            #expect(makefile.contains("\n\(match.output.1):"), "\(file) runs make \(match.output.1)")
        }
        #expect(text.contains("NOTICE_VERSION") && text.contains("cache"), "Notice is installed once per version and cached")
    }

    /// The version the examples pin is the program's own, and the CHANGELOG's newest release.
    @Test(arguments: ["github-pages.yml", "gitlab-ci.yml"])
    func thePinnedVersionIsTheProgramsAndTheChangelogs(file: String) throws {
        let text = try String(contentsOf: Self.examples.appendingPathComponent(file), encoding: .utf8)
        let pinned = try #require(text.firstMatch(of: /NOTICE_VERSION: (v[0-9]+\.[0-9]+\.[0-9]+)/)).output.1
        let folder = try TempSite([:])
        try FileManager.default.createDirectory(at: folder.root, withIntermediateDirectories: true)
        let version = try CommandLineTests().notice(["--version"], in: folder.root)
        #expect("v" + version.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == pinned)
        let changelog = try String(contentsOf: TempSite.repositoryRoot.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        let newest = try #require(changelog.firstMatch(of: /\n## \[([0-9]+\.[0-9]+\.[0-9]+)\]/)).output.1
        #expect("v" + newest == pinned, "the newest release in CHANGELOG.md")
        #expect(!text.contains("--site content"), "init's layout has the site at the repository's top")
    }

    @Test func theGitHubWorkflowDeploysWithThePermissionsPagesNeeds() throws {
        let text = try String(contentsOf: Self.examples.appendingPathComponent("github-pages.yml"), encoding: .utf8)
        for needed in [
            "actions/upload-pages-artifact@", "actions/deploy-pages@", "pages: write", "id-token: write", "environment:",
            "--diagnostics github", "--integrity",
        ] {
            #expect(text.contains(needed), "\(needed)")
        }
    }

    @Test func theServerSettingsCacheHashedFilesAndSendThePolicy() throws {
        for file in ["nginx.conf", "apache.htaccess"] {
            let text = try String(contentsOf: Self.examples.appendingPathComponent(file), encoding: .utf8)
            #expect(text.contains("default-src 'self'"), "\(file)")
            #expect(text.contains("max-age=31536000, immutable"), "\(file)")
            #expect(text.contains("404.html"), "\(file)")
            #expect(text.contains("/cy/404.html"), "\(file): a Welsh address gets the Welsh page not found")
            // The pattern for hashed names matches what the build writes.
            let pattern = try #require(text.firstMatch(of: /"([^"]*\[0-9a-f\][^"]*)"/)).output.1
            let expression = try Regex(String(pattern))
            #expect("consent.4030586ec3.js".contains(expression) && "assets/notice.e768cb816c.css".contains(expression), "\(file)")
            #expect(!"consent.js".contains(expression), "\(file)")
        }
    }

    /// A site below the domain's root (baseURL with a path): the page-not-found page, served at any address,
    /// links to that path, not to the domain's root.
    @Test func thePageNotFoundLinksBelowTheDomainsRoot() throws {
        var files = TempSite.minimalSite
        files["site.yaml"] = files["site.yaml"]!.replacingOccurrences(of: "baseURL: https://www.example.gov.uk", with: "baseURL: https://www.example.gov.uk/policies")
        let site = try TempSite(files)
        try site.build()
        let page = try site.output("404.html")
        let links = page.matches(of: /(?:href|src)="([^"#]+)"/).map { String($0.output.1) }
        #expect(!links.isEmpty)
        for link in links where !link.hasPrefix("https://") {
            #expect(link.hasPrefix("/policies/"), "\(link)")
        }
    }
}
