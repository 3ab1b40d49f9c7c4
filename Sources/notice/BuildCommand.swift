import ArgumentParser
import Foundation
import NoticeKit

/// `notice build`: writes the site to the output folder, or reports every error and leaves it alone.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: """
            A build that finds errors reports them all, exits 1 and leaves the previous output as it was. \
            Stylesheets and the consent script get content-hashed names, so the pages work from a web server \
            and opened straight from disk; --integrity adds Subresource Integrity attributes for production \
            (browsers refuse such files on pages opened from disk).
            """
    )

    @OptionGroup var options: SiteOptions
    @OptionGroup var report: ReportOptions

    @Flag(help: "Replace the output folder even if notice did not create it.")
    var force = false

    @Flag(inversion: .prefixedNo, help: "Add Subresource Integrity attributes to stylesheet and script links (for a web server; pages opened from disk then lose their styles and banner).")
    var integrity = false

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Build as if site.yaml's baseURL were this address (a staging site, say).", valueName: "url"))
    var baseURL: String?

    func run() throws {
        options.location.announce()
        let progress = ProgressLine(enabled: report.diagnostics == .human && Console.standardError.isTerminal)
        var buildOptions = SiteBuilder.Options(
            siteDirectory: options.siteDirectory, outputDirectory: options.outputDirectory,
            themeSearchPaths: options.themeSearchPaths, force: force, strict: report.strict)
        buildOptions.integrity = integrity
        buildOptions.baseURL = baseURL
        buildOptions.progress = { done, total in progress.update(done: done, total: total) }
        let reporter = Reporter(command: "build", format: report.diagnostics, writesOutput: true)
        do {
            let result = try SiteBuilder(options: buildOptions).build()
            progress.clear()
            let warnings = result.diagnostics.count { $0.severity == .warning }
            var summary = "Built \(English.count(result.pageCount, "page")) in \(String(format: "%.2f", result.duration.seconds)) s into \(DisplayPaths().display(result.outputDirectory))/"
            if warnings > 0 || result.silencedCount > 0 {
                summary += " (\(DiagnosticFormatter.summary(errors: 0, warnings: warnings, silenced: result.silencedCount)))"
            }
            reporter.succeeded(result, summary: summary)
        } catch {
            progress.clear()
            reporter.failed(error, closing: "Build failed")
            throw ExitCode.failure
        }
    }
}
