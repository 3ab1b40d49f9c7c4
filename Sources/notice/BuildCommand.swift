import ArgumentParser
import Foundation
import NoticeKit

/// `notice build`: writes the site to the output folder, or reports every error and leaves it alone.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: "A build that finds errors reports them all, exits 1 and leaves the previous output as it was."
    )

    @OptionGroup var options: SiteOptions

    @Flag(help: "Replace the output folder even if notice did not create it.")
    var force = false

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let builder = SiteBuilder(options: .init(
            siteDirectory: options.siteDirectory, outputDirectory: options.outputDirectory,
            themeSearchPaths: options.themeSearchPaths, force: force, strict: strict))
        let console = Console.standardError
        let formatter = DiagnosticFormatter(useColour: console.allowsColour)
        do {
            let report = try builder.build()
            for diagnostic in report.diagnostics { console.write(formatter.format(diagnostic) + "\n") }
            let warnings = report.diagnostics.count { $0.severity == .warning }
            let seconds = Double(report.duration.components.attoseconds) / 1e18 + Double(report.duration.components.seconds)
            var summary = "Built \(report.pageCount) page\(report.pageCount == 1 ? "" : "s") in \(String(format: "%.2f", seconds)) s into \(DisplayPaths().display(report.outputDirectory))/"
            if warnings > 0 { summary += " (\(DiagnosticFormatter.summary(errors: 0, warnings: warnings)))" }
            Console.standardOutput.write(summary + "\n")
        } catch {
            for diagnostic in error.diagnostics { console.write(formatter.format(diagnostic) + "\n") }
            let warnings = error.diagnostics.count { $0.severity == .warning }
            console.write("Build failed: \(DiagnosticFormatter.summary(errors: error.errorCount, warnings: warnings)); the output folder was not changed.\n")
            throw ExitCode.failure
        }
    }
}
