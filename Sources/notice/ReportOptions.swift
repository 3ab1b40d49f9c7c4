import ArgumentParser
import Foundation
import NoticeKit

/// How a command reports problems: for people, for tools, or for GitHub Actions.
struct ReportOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case human, json, github
    }

    @Option(help: ArgumentHelp("human (coloured on a terminal unless NO_COLOR is set), json, or github (workflow annotations).", valueName: "format"))
    var diagnostics: Format = .human

    @Flag(help: "Treat warnings as errors.")
    var strict = false
}

/// Prints a finished (or failed) build or check in the chosen format.
struct Reporter {
    let command: String
    let format: ReportOptions.Format
    /// Whether the command writes an output folder (which a failure leaves as it was).
    var writesOutput = false

    /// Success: warnings, then the summary line (none when `summary` is nil).
    func succeeded(_ report: BuildReport, summary: String?) {
        var report = report
        report.diagnostics = report.diagnostics.map(InstalledDocs.located)
        let seconds = report.duration.seconds
        switch format {
        case .human:
            let formatter = DiagnosticFormatter(useColour: Console.standardError.allowsColour)
            for diagnostic in report.diagnostics { Console.standardError.write(formatter.format(diagnostic) + "\n") }
            if let summary { Console.standardOutput.write(summary + "\n") }
        case .github:
            for diagnostic in report.diagnostics { Console.standardOutput.write(DiagnosticReport.githubAnnotation(for: diagnostic) + "\n") }
            if let summary { Console.standardOutput.write(summary + "\n") }
        case .json:
            let output = writesOutput ? DisplayPaths().display(report.outputDirectory) : nil
            Console.standardOutput.write(
                DiagnosticReport(
                    command: command, diagnostics: report.diagnostics, pages: report.pageCount,
                    seconds: seconds, output: output, silenced: report.silencedCount
                ).json() + "\n")
        }
    }

    /// Failure: every diagnostic and a closing line saying nothing was changed. `pages` and `seconds` are
    /// given when the command got as far as counting them (an audit with findings).
    func failed(_ failure: BuildFailure, closing: String, pages: Int? = nil, seconds: Double? = nil) {
        let failure = BuildFailure(diagnostics: failure.diagnostics.map(InstalledDocs.located))
        let warnings = failure.diagnostics.count { $0.severity == .warning }
        let counts = DiagnosticFormatter.summary(
            errors: failure.errorCount, warnings: warnings,
            notes: failure.diagnostics.count { $0.severity == .note })
        switch format {
        case .human:
            let formatter = DiagnosticFormatter(useColour: Console.standardError.allowsColour)
            for diagnostic in failure.diagnostics { Console.standardError.write(formatter.format(diagnostic) + "\n") }
            Console.standardError.write("\(closing): \(counts)\(writesOutput ? "; the output folder was not changed" : "").\n")
        case .github:
            for diagnostic in failure.diagnostics { Console.standardOutput.write(DiagnosticReport.githubAnnotation(for: diagnostic) + "\n") }
            Console.standardOutput.write("\(closing): \(counts).\n")
        case .json:
            Console.standardOutput.write(DiagnosticReport(command: command, diagnostics: failure.diagnostics, pages: pages, seconds: seconds).json() + "\n")
        }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// `Rendering pages 1200/10000` on one terminal line, for builds that take more than a moment.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let start = ContinuousClock.now
    private var lastShown = ContinuousClock.now
    private var shown = false
    let enabled: Bool

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func update(done: Int, total: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = ContinuousClock.now
        guard now - start > .milliseconds(500), now - lastShown > .milliseconds(100) || done == total else { return }
        lastShown = now
        shown = true
        Console.standardError.write("\r\u{1B}[KRendering pages \(done)/\(total)")
    }

    func clear() {
        lock.lock()
        defer { lock.unlock() }
        if shown { Console.standardError.write("\r\u{1B}[K") }
    }
}
