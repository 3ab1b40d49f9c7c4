import ArgumentParser
import Foundation
import NoticeKit

/// `notice diff OLD NEW`: what changed between two cookie registries (or two versions of a site's
/// folder, with its processing record), for a policy's change note; `--record changes.yaml` appends it
/// to the policy's change history.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show the cookies added, removed and changed between two registries.",
        discussion: "Also says whether the registry version changes, which makes the consent script ask visitors again. With --record, the change is appended to the policy's change history (docs/changes.md)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case human, text, json
    }

    @Argument(help: ArgumentHelp("The earlier registry: a file, - for standard input, a stream such as <(git show HEAD~1:registry.yaml), or a site folder (its registry.yaml and processing.yaml).", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The later registry, likewise.", valueName: "new"))
    var new: String

    @Option(name: [.customLong("diagnostics"), .customLong("format")], help: ArgumentHelp("human (or text), or json for tools; --format is the older name.", valueName: "format"))
    var format: Format = .human

    func validate() throws {
        if old == "-", new == "-" { throw ValidationError("only one of the two registries can come from standard input (-)") }
        if note != nil, record == nil { throw ValidationError("--note is the words of a recorded change; give --record changes.yaml too") }
    }

    @Option(name: .customLong("record"), help: ArgumentHelp("Append the change, dated today, to this change history (such as changes.yaml), which the policy-changes block shows.", valueName: "file"))
    var record: String?

    @Option(name: .customLong("note"), help: ArgumentHelp("With --record: the change in your own words, shown with it.", valueName: "text"))
    var note: String?

    @Flag(name: .customLong("exit-code"), help: "Exit 1 when the registries differ (as git diff --exit-code does), 0 when they do not, 2 when one cannot be read.")
    var exitCode = false

    func run() throws {
        let console = Console.standardError
        let formatter = DiagnosticFormatter(useColour: console.allowsColour)
        let oldRecords: Records
        let newRecords: Records
        do {
            oldRecords = try Self.records(at: old)
            newRecords = try Self.records(at: new)
        } catch {
            for diagnostic in error.diagnostics { console.write(formatter.format(diagnostic) + "\n") }
            // With --exit-code, 1 means "they differ"; a registry that cannot be read is another answer.
            throw exitCode ? ExitCode(2) : ExitCode.failure
        }
        // Both get the consent script's own cookies, as a site with the default consent settings would,
        // so the versions shown are the ones such a site's pages carry.
        let diff = RegistryDiff(old: oldRecords.registry.declaringConsentCookies(), new: newRecords.registry.declaringConsentCookies())
        switch format {
        case .json:
            let encoder = JSONOutput.readable()
            Console.standardOutput.write(String(decoding: try encoder.encode(diff), as: UTF8.self) + "\n")
        case .human, .text:
            Console.standardOutput.write(RegistryDiffText.render(diff, old: old, new: new))
        }
        if let record {
            var warnings: [Diagnostic] = []
            do {
                let outcome = try ChangeRecorder(path: record).record(
                    oldRegistry: oldRecords.registry, newRegistry: newRecords.registry, oldProcessing: oldRecords.processing,
                    newProcessing: newRecords.processing, note: note, warnings: &warnings)
                for warning in warnings { console.write(formatter.format(warning) + "\n") }
                switch outcome {
                case .recorded:
                    Console.standardOutput.write("Recorded in \(record), dated today: set the policy's 'updated' date to match.\n")
                case .unchanged:
                    Console.standardOutput.write("Nothing to record: \(record) already records this version.\n")
                }
            } catch {
                for diagnostic in error.diagnostics { console.write(formatter.format(diagnostic) + "\n") }
                throw exitCode ? ExitCode(2) : ExitCode.failure
            }
        }
        if exitCode, !diff.isEmpty || diff.versionChanged { throw ExitCode.failure }
    }
}

extension DiffCommand {
    /// What one side of the comparison gives: the registry, and the processing record when it is a
    /// site folder that keeps one.
    struct Records {
        var registry: CookieRegistry
        var processing: ProcessingRecord?
    }

    /// A registry file or stream, or a site folder (its registry.yaml and processing.yaml).
    static func records(at argument: String) throws(BuildFailure) -> Records {
        var isFolder: ObjCBool = false
        guard argument != "-", FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder), isFolder.boolValue else {
            return Records(registry: try registry(at: argument))
        }
        let folder = URL(fileURLWithPath: argument)
        let registryFile = folder.appendingPathComponent("registry.yaml").path
        guard FileManager.default.fileExists(atPath: registryFile) else {
            throw BuildFailure(.error(.commandFileIsFolder, "\(argument) is a folder with no registry.yaml; give a site folder, or the registry file itself", at: nil))
        }
        var records = Records(registry: try registry(at: registryFile))
        let processingFile = folder.appendingPathComponent("processing.yaml").path
        if FileManager.default.fileExists(atPath: processingFile) {
            records.processing = try ProcessingRecord.load(text: try text(at: processingFile, kind: "processing record"), shownAs: processingFile)
        }
        return records
    }

    /// A registry from a file, a stream (a pipe, `<(…)`) or standard input (`-`).
    static func registry(at argument: String) throws(BuildFailure) -> CookieRegistry {
        try RegistryFile.load(text: text(at: argument, kind: "registry"), shownAs: argument == "-" ? "standard input" : argument).registry
    }

    /// The text of a file, a stream or standard input (`-`): read whole, as bytes, since a stream cannot
    /// be looked at twice; UTF-8, without a byte-order mark.
    static func text(at argument: String, kind: String) throws(BuildFailure) -> String {
        let shown = argument == "-" ? "standard input" : argument
        let handle: FileHandle?
        if argument == "-" {
            handle = FileHandle.standardInput
        } else {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) else {
                throw BuildFailure(.error(.commandFileMissing, "there is no \(kind) file at \(argument)", at: nil))
            }
            if isFolder.boolValue {
                let advice = kind == "registry" ? "a folder with no registry.yaml; give a site folder, or the registry file itself" : "a folder, not the \(kind) file"
                throw BuildFailure(.error(.commandFileIsFolder, "\(argument) is \(advice)", at: nil))
            }
            handle = FileHandle(forReadingAtPath: argument)
        }
        guard let handle, let data = try? handle.readToEnd() ?? Data() else {
            throw BuildFailure(.error(.commandFileUnreadable, "\(shown) could not be read (check that you may read it)", at: nil))
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw BuildFailure(.error(.commandFileNotUtf8, "\(shown) is not UTF-8 text; save the \(kind) as UTF-8", at: SourceLocation(path: shown)))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
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
