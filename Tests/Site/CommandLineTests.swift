import Foundation
import Testing

/// Runs the real `notice` executable built beside the tests, as an editor or a CI job would.
@Suite("The notice command")
struct CommandLineTests {
    struct Run {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    static var executable: URL {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return folder.appendingPathComponent("notice")
    }

    func notice(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Run {
        try run(Self.executable, arguments, in: directory, environment: environment)
    }

    /// A shell line, as a person types it (for `<(…)` and `|`), with the built notice first on PATH.
    func shell(_ line: String, in directory: URL) throws -> Run {
        try run(
            URL(fileURLWithPath: "/bin/bash"), ["-c", line], in: directory,
            environment: ["PATH": Self.executable.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "")])
    }

    /// A program run to its end, with the built-in themes named, its output and status collected.
    func run(_ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String]) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var merged = ProcessInfo.processInfo.environment
        merged["NOTICE_THEMES"] = TempSite.builtInThemes.path
        merged.merge(environment) { _, new in new }
        process.environment = merged
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }

    /// `notice diff` reads any readable stream: a process substitution, a pipe on standard input.
    @Test func diffReadsStreamsAndStandardInput() throws {
        let site = try TempSite()
        let registry = site.siteDirectory.appendingPathComponent("registry.yaml").path
        let changed = try String(contentsOfFile: registry, encoding: .utf8).replacingOccurrences(of: "duration: 90 days", with: "duration: 2 years")
        try changed.write(to: site.root.appendingPathComponent("new.yaml"), atomically: true, encoding: .utf8)
        let substituted = try shell("notice diff <(cat content/registry.yaml) new.yaml", in: site.root)
        #expect(substituted.status == 0, "\(substituted.standardError)")
        #expect(substituted.standardOutput.contains("duration: \"90 days\" → \"2 years\""), "\(substituted.standardOutput)")
        let piped = try shell("cat content/registry.yaml | notice diff --diagnostics json - new.yaml", in: site.root)
        #expect(piped.status == 0 && piped.standardOutput.contains("\"changed\""), "\(piped.standardError)")
        let oldName = try shell("notice diff --format json content/registry.yaml new.yaml", in: site.root)
        #expect(oldName.status == 0 && oldName.standardOutput.hasPrefix("{"), "--format stays as the older name")
        let folder = try shell("notice diff content new.yaml", in: site.root)
        #expect(folder.status == 0 && folder.standardOutput.contains("duration: \"90 days\" → \"2 years\""), "a site folder gives its registry.yaml")
        let notSite = try shell("notice diff content/pages new.yaml", in: site.root)
        #expect(notSite.status == 1 && notSite.standardError.contains("content/pages is a folder with no registry.yaml"), "\(notSite.standardError)")
    }

    @Test func theExecutableWasBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.executable.path), "run `swift build` before `swift test`")
    }

    @Test func buildsWithNoArgumentsFromTheSiteRootAndPrintsASummary() throws {
        let site = try TempSite()
        let run = try notice(["build"], in: site.root)
        #expect(run.status == 0)
        #expect(run.standardError == "")
        let summary = run.standardOutput.trimmingCharacters(in: .newlines)
        #expect(summary.hasPrefix("Built 2 pages in "))
        #expect(summary.hasSuffix(" s into output/"))
        #expect(FileManager.default.fileExists(atPath: site.outputDirectory.appendingPathComponent("cookies/index.html").path))
    }

    @Test func siteAndOutputOptions() throws {
        let site = try TempSite()
        let run = try notice(["build", "--site", site.siteDirectory.path, "--output", "public"], in: site.root)
        #expect(run.status == 0)
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("public/index.html").path))
    }

    @Test func contentErrorsExitOneWithPositionsAndNoColourWhenPiped() throws {
        let site = try TempSite()
        try site.write("pages/cookies.md", "---\ntitle: Cookies\ndescription: D\n---\n\n```cookie-table service=hotjar\n```\n")
        let run = try notice(["build"], in: site.root)
        #expect(run.status == 1)
        #expect(run.standardOutput == "")
        let lines = run.standardError.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("content/pages/cookies.md:6:1: error: there is no service 'hotjar'") == true)
        #expect(lines.last == "Build failed: 1 error; the output folder was not changed.")
        #expect(!run.standardError.contains("\u{1B}["))
    }

    @Test func misuseExitsTwo() throws {
        let site = try TempSite()
        let unknownOption = try notice(["build", "--colour"], in: site.root)
        #expect(unknownOption.status == 2)
        #expect(unknownOption.standardError.contains("Unknown option '--colour'"))
        let unknownCommand = try notice(["publish"], in: site.root)
        #expect(unknownCommand.status == 2)
    }

    @Test func helpAndVersionExitZero() throws {
        let site = try TempSite()
        let help = try notice(["--help"], in: site.root)
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("build"))
        let buildHelp = try notice(["build", "--help"], in: site.root)
        #expect(buildHelp.standardOutput.contains("--site <dir>"))
        let version = try notice(["--version"], in: site.root)
        #expect(version.status == 0)
        #expect(version.standardOutput.trimmingCharacters(in: .newlines).split(separator: ".").count == 3)
    }

    @Test func findsTheBuiltInThemeWithoutHelpFromTheEnvironment() throws {
        // Beside the executable in .build/…/debug, the repository's themes/ is found by walking up.
        let site = try TempSite()
        let run = try notice(["build"], in: site.root, environment: ["NOTICE_THEMES": ""])
        #expect(run.status == 0, "\(run.standardError)")
    }

    @Test func diffReportsChangesAndTheVersion() throws {
        let site = try TempSite()
        let old = site.siteDirectory.appendingPathComponent("registry.yaml").path
        let new = site.root.appendingPathComponent("new.yaml")
        let changed = TempSite.minimalSite["registry.yaml"]!
            .replacingOccurrences(of: "duration: 24 hours", with: "duration: 2 days")
            .replacingOccurrences(of: "name: _ga\n", with: "name: _ga4\n")
        try Data(changed.utf8).write(to: new)
        let run = try notice(["diff", old, new.path], in: site.root)
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("Cookies added (1):\n  + _ga4 (google-analytics, analytics): 90 days"))
        #expect(run.standardOutput.contains("Cookies removed (1):\n  - _ga (google-analytics, analytics)"))
        #expect(run.standardOutput.contains("Cookies changed (1):\n  ~ _gid (google-analytics)\n      duration: \"24 hours\" → \"2 days\""))
        #expect(run.standardOutput.contains("Visitors will be asked for consent again."))

        let json = try notice(["diff", "--format", "json", old, new.path], in: site.root)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(object["versionChanged"] as? Bool == true)

        let same = try notice(["diff", old, old], in: site.root)
        #expect(same.standardOutput.contains("No changes"))
        #expect(same.standardOutput.contains("unchanged"))
    }

    @Test func diffExitCodeSaysWhetherAnythingChanged() throws {
        let site = try TempSite()
        let old = site.siteDirectory.appendingPathComponent("registry.yaml").path
        let new = site.root.appendingPathComponent("new.yaml")
        try Data(TempSite.minimalSite["registry.yaml"]!.replacingOccurrences(of: "duration: 24 hours", with: "duration: 2 days").utf8).write(to: new)
        #expect(try notice(["diff", "--exit-code", old, old], in: site.root).status == 0)
        #expect(try notice(["diff", "--exit-code", old, new.path], in: site.root).status == 1)
        #expect(try notice(["diff", old, new.path], in: site.root).status == 0, "without --exit-code, a difference is not a failure")
        #expect(try notice(["diff", "--exit-code", old, "missing.yaml"], in: site.root).status == 2, "an unreadable registry is not 'they differ'")
    }

    @Test func shortFlagsAndABaseURLForOneBuild() throws {
        let site = try TempSite()
        let run = try notice(["build", "-s", site.siteDirectory.path, "-o", "staging", "--base-url", "https://staging.example.test"], in: site.root)
        #expect(run.status == 0, "\(run.standardError)")
        let page = try String(contentsOf: site.root.appendingPathComponent("staging/cookies/index.html"), encoding: .utf8)
        #expect(page.contains(#"<link rel="canonical" href="https://staging.example.test/cookies/">"#))
        #expect(!page.contains("integrity="), "a plain build works opened from disk")
        let production = try notice(["build", "-s", site.siteDirectory.path, "-o", "production", "--integrity"], in: site.root)
        #expect(production.status == 0)
        #expect(try String(contentsOf: site.root.appendingPathComponent("production/cookies/index.html"), encoding: .utf8).contains("integrity=\"sha384-"))
        let bad = try notice(["build", "--base-url", "javascript:alert(1)"], in: site.root)
        #expect(bad.status == 1)
        #expect(bad.standardError.contains("--base-url should be a full http or https address"))
        // check writes nothing, so it takes no --output.
        #expect(try notice(["check", "--output", "x"], in: site.root).status == 2)
    }

    /// `notice init`, then `notice check --strict`: silent and successful; then a strict build.
    @Test func initWritesASiteThatIsCleanUnderStrictChecks() throws {
        let site = try TempSite([:])
        try FileManager.default.createDirectory(at: site.root, withIntermediateDirectories: true)
        let created = try notice(["init", "policies", "--title", "St. Helens & \"Wirral\": Council #1", "--base-url", "https://www.example.gov.uk/"], in: site.root)
        #expect(created.status == 0, "\(created.standardError)")
        #expect(created.standardOutput.contains("  cd policies\n  notice serve --open\n  notice check --strict\n  notice build\n"))
        for file in ["site.yaml", "registry.yaml", "accessibility.yaml", "processing.yaml", "pages/index.md", "pages/cookies.md", "pages/privacy.md", "pages/accessibility.md"] {
            #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("policies/" + file).path), "\(file)")
        }
        let check = try notice(["check", "--site", "policies", "--strict"], in: site.root)
        #expect(check.status == 0 && check.standardOutput == "" && check.standardError == "", "\(check.standardError)")
        let build = try notice(["build", "-s", "policies", "-o", "out", "--strict"], in: site.root)
        #expect(build.status == 0, "\(build.standardError)")
        // The starter has no optional category yet: its form says there is nothing to choose, and offers no choice.
        let policy = try String(contentsOf: site.root.appendingPathComponent("out/cookies/index.html"), encoding: .utf8)
        #expect(policy.contains("so there are no cookie settings to choose") && !policy.contains("data-notice-settings"))
        let page = try String(contentsOf: site.root.appendingPathComponent("out/privacy/index.html"), encoding: .utf8)
        #expect(page.contains("<title>Privacy notice - St. Helens &amp; &quot;Wirral&quot;: Council #1</title>"))
        #expect(page.contains("St. Helens &amp; &quot;Wirral&quot;: Council #1 is the controller"))
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("out/sitemap.xml").path))

        // A folder with files is refused, and left as it was.
        let again = try notice(["init", "policies"], in: site.root)
        #expect(again.status == 1)
        #expect(again.standardError.contains("policies already has files"))
        #expect(again.standardError.contains("never overwrites"))
        let badAddress = try notice(["init", "other", "--base-url", "ftp://example.gov.uk"], in: site.root)
        #expect(badAddress.status == 1)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("other").path))
    }

    /// What init prints is safe to paste, and it refuses options that `check` would refuse, before writing.
    @Test func initQuotesWhatItPrintsAndChecksItsOptionsFirst() throws {
        let site = try TempSite([:])
        try FileManager.default.createDirectory(at: site.root, withIntermediateDirectories: true)
        let odd = try notice(["init", "x; touch PWNED #"], in: site.root)
        #expect(odd.status == 0)
        #expect(odd.standardOutput.contains("  cd 'x; touch PWNED #'\n"), "\(odd.standardOutput)")
        let escape = try notice(["init", "a\u{1B}[31mb"], in: site.root)
        #expect(escape.status == 0)
        #expect(!escape.standardOutput.contains("\u{1B}") && escape.standardOutput.contains("cd $'a\\x1B[31mb'"), "\(escape.standardOutput)")
        for arguments in [["init", "t1", "--title", "Bad\u{07}Name"], ["init", "t2", "--languages", "en-GB;rm -rf"], ["init", "t3", "--languages", "en-GB,cy", "--title-cy", ""]] {
            let refused = try notice(arguments, in: site.root)
            #expect(refused.status == 1, "\(arguments)")
            #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent(arguments[1]).path), "nothing written for \(arguments)")
        }
        let gitignore = try String(contentsOf: site.root.appendingPathComponent("x; touch PWNED #/.gitignore"), encoding: .utf8)
        #expect(gitignore == "/output/\n")
    }

    /// `--languages en-GB,cy`: English and Welsh pages and registry words, clean under --strict.
    @Test func initStartsABilingualSite() throws {
        let site = try TempSite([:])
        try FileManager.default.createDirectory(at: site.root, withIntermediateDirectories: true)
        // Without the Welsh name, the check says what is left to write.
        #expect(try notice(["init", "heb-enw", "--title", "Example Council", "--languages", "en-GB,cy"], in: site.root).status == 0)
        let unnamed = try notice(["check", "--strict"], in: site.root.appendingPathComponent("heb-enw"))
        #expect(
            unnamed.status == 1 && unnamed.standardError.contains("the 'cy' title is still 'TODO: the organisation's name in 'cy' (notice init --title-cy sets it)'"),
            "\(unnamed.standardError)")
        let created = try notice(["init", "gwefan", "--title", "Example Council", "--title-cy", "Cyngor Enghraifft", "--languages", "en-GB,CY", "--base-url", "https://example.gov.uk"], in: site.root)
        #expect(created.status == 0, "\(created.standardError)")
        let check = try notice(["check", "-s", "gwefan", "--strict"], in: site.root)
        #expect(check.status == 0 && check.standardOutput == "" && check.standardError == "", "\(check.standardError)")
        #expect(try notice(["build", "-s", "gwefan", "-o", "out", "--strict"], in: site.root).status == 0)
        let welsh = try String(contentsOf: site.root.appendingPathComponent("out/cy/cwcis/index.html"), encoding: .utf8)
        #expect(welsh.contains(#"<html lang="cy" dir="ltr">"#))
        #expect(welsh.contains("<title>Cwcis - Cyngor Enghraifft</title>"), "the Welsh pages carry the Welsh name")
        #expect(welsh.contains("Gosodiadau cwcis"))
        #expect(!welsh.contains(">Cookie settings<"), "the consent cookies' service is named in Welsh")
        // The statement and the notice are made from the records, with their words in Welsh.
        let statement = try String(contentsOf: site.root.appendingPathComponent("out/cy/hygyrchedd/index.html"), encoding: .utf8)
        #expect(statement.contains("Mae Cyngor Enghraifft wedi ymrwymo i sicrhau bod ei gwefan yn hygyrch"))
        #expect(statement.contains("yn berthnasol i dudalennau polisi Cyngor Enghraifft"))
        let privacy = try String(contentsOf: site.root.appendingPathComponent("out/cy/preifatrwydd/index.html"), encoding: .utf8)
        #expect(privacy.contains("<p>Cyngor Enghraifft yw rheolydd y data personol"))
        #expect(privacy.contains("<td>Ateb y cwestiynau a’r ceisiadau rydych yn eu hanfon atom.</td>"))
        #expect(!privacy.contains("To answer the questions"), "every word of the record has its Welsh")
        // Only the languages the starter has, English first; an English-only start has no Welsh files.
        #expect(try notice(["init", "other", "--languages", "en-GB,pl"], in: site.root).status == 1)
        #expect(try notice(["init", "english"], in: site.root).status == 0)
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("english/pages/cookies.cy.md").path))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("english/registry.cy.yaml").path))
    }

    @Test func aMissingBuiltInThemeIsNamedAsAnInstallationProblem() throws {
        let site = try TempSite()
        let run = try notice(["check"], in: site.root, environment: ["NOTICE_THEMES": site.root.appendingPathComponent("nowhere").path])
        #expect(run.status == 1)
        #expect(run.standardError.contains("Notice's built-in themes were not found"))
        #expect(run.standardError.contains("a problem with how Notice is installed, not with your site"))
        #expect(!run.standardError.contains("check 'theme' in site.yaml"))
    }

    @Test func diffOfABrokenRegistryExitsOneWithPositions() throws {
        let site = try TempSite()
        let broken = site.root.appendingPathComponent("broken.yaml")
        try Data("categories:\n  - id: a\n    title: A\nservices:\n  - id: s\n    name: S\n    category: b\n".utf8).write(to: broken)
        let run = try notice(["diff", "broken.yaml", "broken.yaml"], in: site.root)
        #expect(run.status == 1)
        #expect(run.standardError.hasPrefix("broken.yaml:7:15: error: the service 's' is in the category 'b'"))
    }

    @Test func strictBuildFailsOnWarnings() throws {
        let site = try TempSite()
        try site.write("pages/raw.md", "---\ntitle: Raw\ndescription: D\n---\n<b>hi</b>\n")
        #expect(try notice(["build"], in: site.root).status == 0)
        let strict = try notice(["build", "--strict"], in: site.root)
        #expect(strict.status == 1)
        #expect(strict.standardError.contains("content/pages/raw.md:5:1: error: raw HTML"))
    }

    @Test func checkReportsWithoutWriting() throws {
        let site = try TempSite()
        let good = try notice(["check"], in: site.root)
        #expect(good.status == 0)
        #expect(good.standardOutput == "" && good.standardError == "", "a clean site: no news is good news")
        try site.write("pages/cookies.md", "---\ntitle: Cookies\ndescription: D\n---\n[broken](../nowhere/)\n")
        let bad = try notice(["check"], in: site.root)
        #expect(bad.status == 1)
        #expect(bad.standardError.hasPrefix("content/pages/cookies.md:5:1: error: the link '../nowhere/' leads to no page or file of this site"))
        #expect(bad.standardError.hasSuffix("Check failed: 1 error.\n"))
        #expect(!FileManager.default.fileExists(atPath: site.outputDirectory.path), "check never writes")
    }

    @Test func githubAnnotations() throws {
        let site = try TempSite()
        try site.write("pages/cookies.md", "---\ntitle: Cookies\ndescription: D\n---\n\n```cookie-table service=hotjar\n```\n<b>raw</b>\n")
        let run = try notice(["check", "--diagnostics", "github"], in: site.root)
        #expect(run.status == 1)
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "::error file=content/pages/cookies.md,line=6,col=1,title=Notice error (page.cookie-table.service-unknown)::there is no service 'hotjar' in the registry; the services are 'google-analytics', 'cookie-management'",
                "::warning file=content/pages/cookies.md,line=8,col=1,title=Notice warning (page.html.refused)::raw HTML is not allowed in pages and was left out; write it in Markdown instead",
                "Check failed: 1 error, 1 warning.",
            ])
    }

    @Test func jsonReport() throws {
        let site = try TempSite()
        let good = try notice(["build", "--diagnostics", "json"], in: site.root)
        #expect(good.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(good.standardOutput.utf8)) as? [String: Any])
        #expect(report["ok"] as? Bool == true)
        #expect(report["pages"] as? Int == 2)
        #expect(report["output"] as? String == "output")
        try site.write("registry.yaml", "categories:\n  - id: a\n    titel: A\n")
        let bad = try notice(["build", "--diagnostics", "json"], in: site.root)
        #expect(bad.status == 1)
        let failure = try #require(try JSONSerialization.jsonObject(with: Data(bad.standardOutput.utf8)) as? [String: Any])
        #expect(failure["ok"] as? Bool == false)
        let entries = try #require(failure["diagnostics"] as? [[String: Any]])
        #expect(entries.contains { ($0["file"] as? String) == "content/registry.yaml" && ($0["line"] as? Int) == 3 && ($0["column"] as? Int) == 5 })
        #expect(bad.standardError == "")
    }

    /// Colour only on a terminal, and never with NO_COLOR: run under `script`, which gives a terminal.
    @Test func colourOnATerminalUnlessNoColor() throws {
        let site = try TempSite()
        try site.write("pages/cookies.md", "---\ntitle: Cookies\n---\n")
        let command = "\(Self.executable.path) check"
        let coloured = try runInTerminal(command, in: site, environment: [:])
        #expect(coloured.contains("\u{1B}["))
        let plain = try runInTerminal(command, in: site, environment: ["NO_COLOR": "1"])
        #expect(plain.contains("warning: the page has no 'description'"))
        #expect(!plain.contains("\u{1B}["))
    }

    func runInTerminal(_ command: String, in site: TempSite, environment: [String: String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        process.currentDirectoryURL = site.root
        var merged = ProcessInfo.processInfo.environment
        merged["NOTICE_THEMES"] = TempSite.builtInThemes.path
        merged["TERM"] = "xterm"
        merged["NO_COLOR"] = nil
        merged.merge(environment) { _, new in new }
        process.environment = merged
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
