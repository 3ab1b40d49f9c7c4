import ArgumentParser
import Foundation
import NoticeKit

/// `notice diff OLD NEW`: what changed between two cookie registries, for a policy's change note.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show the cookies added, removed and changed between two registries.",
        discussion: "Also says whether the registry version changes, which makes the consent script ask visitors again."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case human, text, json
    }

    @Argument(help: ArgumentHelp("The earlier registry: a file, - for standard input, or a stream such as <(git show HEAD~1:registry.yaml).", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The later registry, likewise.", valueName: "new"))
    var new: String

    @Option(name: [.customLong("diagnostics"), .customLong("format")], help: ArgumentHelp("human (or text), or json for tools; --format is the older name.", valueName: "format"))
    var format: Format = .human

    func validate() throws {
        if old == "-", new == "-" { throw ValidationError("only one of the two registries can come from standard input (-)") }
    }

    @Flag(name: .customLong("exit-code"), help: "Exit 1 when the registries differ (as git diff --exit-code does), 0 when they do not, 2 when one cannot be read.")
    var exitCode = false

    func run() throws {
        let console = Console.standardError
        let formatter = DiagnosticFormatter(useColour: console.allowsColour)
        let oldRegistry: CookieRegistry
        let newRegistry: CookieRegistry
        do {
            // Both get the consent script's own cookies, as a site with the default consent settings would,
            // so the versions shown are the ones such a site's pages carry.
            oldRegistry = try Self.registry(at: old).declaringConsentCookies()
            newRegistry = try Self.registry(at: new).declaringConsentCookies()
        } catch {
            for diagnostic in error.diagnostics { console.write(formatter.format(diagnostic) + "\n") }
            // With --exit-code, 1 means "they differ"; a registry that cannot be read is another answer.
            throw exitCode ? ExitCode(2) : ExitCode.failure
        }
        let diff = RegistryDiff(old: oldRegistry, new: newRegistry)
        switch format {
        case .json:
            let encoder = JSONOutput.readable()
            Console.standardOutput.write(String(decoding: try encoder.encode(diff), as: UTF8.self) + "\n")
        case .human, .text:
            Console.standardOutput.write(RegistryDiffText.render(diff, old: old, new: new))
        }
        if exitCode, !diff.isEmpty || diff.versionChanged { throw ExitCode.failure }
    }
}

extension DiffCommand {
    /// A registry from a file, a stream (a pipe, `<(…)`) or standard input (`-`): read whole, as bytes, since
    /// a stream cannot be looked at twice.
    static func registry(at argument: String) throws(BuildFailure) -> CookieRegistry {
        let shown = argument == "-" ? "standard input" : argument
        let handle: FileHandle?
        if argument == "-" {
            handle = FileHandle.standardInput
        } else {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) else {
                throw BuildFailure(.error(.commandFileMissing, "there is no registry file at \(argument)", at: nil))
            }
            if isFolder.boolValue {
                throw BuildFailure(.error(.commandFileIsFolder, "\(argument) is a folder; give the registry file in it, such as \(argument)/registry.yaml", at: nil))
            }
            handle = FileHandle(forReadingAtPath: argument)
        }
        guard let handle, let data = try? handle.readToEnd() ?? Data() else {
            throw BuildFailure(.error(.commandFileUnreadable, "\(shown) could not be read (check that you may read it)", at: nil))
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw BuildFailure(.error(.commandFileNotUtf8, "\(shown) is not UTF-8 text; save the registry as UTF-8", at: SourceLocation(path: shown)))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return try RegistryFile.load(text: text, shownAs: shown).registry
    }
}

/// The plain-text report of a registry diff.
enum RegistryDiffText {
    static func render(_ diff: RegistryDiff, old: String, new: String) -> String {
        var lines: [String] = []
        func section(_ title: String, _ items: [String], count: Int? = nil) {
            guard !items.isEmpty else { return }
            lines.append("\(title) (\(count ?? items.count)):")
            lines.append(contentsOf: items)
            lines.append("")
        }
        section("Categories added", diff.categoriesAdded.map { "  + \($0)" })
        section("Categories removed", diff.categoriesRemoved.map { "  - \($0)" })
        section("Services added", diff.servicesAdded.map { "  + \($0)" })
        section("Services removed", diff.servicesRemoved.map { "  - \($0)" })
        section("Cookies added", diff.added.map { "  + \($0.name) (\($0.service), \($0.category)): \($0.duration ?? "no duration stated")" })
        section("Cookies removed", diff.removed.map { "  - \($0.name) (\($0.service), \($0.category))" })
        section(
            "Cookies changed",
            diff.changed.flatMap { change in
                ["  ~ \(change.name) (\(change.service))"] + change.changes.map { "      \($0.field): \(quoted($0.old)) → \(quoted($0.new))" }
            }, count: diff.changed.count)
        if diff.isEmpty {
            lines.append("No changes to categories, services or cookies between \(old) and \(new).")
        }
        if diff.versionChanged {
            lines.append("Registry version: \(diff.oldVersion) → \(diff.newVersion). Visitors will be asked for consent again.")
        } else {
            lines.append("Registry version: \(diff.newVersion), unchanged. Visitors will not be asked again.")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func quoted(_ text: String) -> String {
        text.isEmpty ? "(none)" : "\"\(text)\""
    }
}
