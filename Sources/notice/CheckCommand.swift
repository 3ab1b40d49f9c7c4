import ArgumentParser
import Foundation
import NoticeKit

/// `notice check`: everything a build checks, links between pages included, without writing anything.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the site (settings, registry, pages, directives, links) without writing anything.",
        discussion: "Exits 1 when there are errors (or, with --strict, warnings): the step to run on every pull request."
    )

    @OptionGroup var options: SiteOptions
    @OptionGroup var report: ReportOptions

    func run() throws {
        let builder = SiteBuilder(options: .init(
            siteDirectory: options.siteDirectory, outputDirectory: options.outputDirectory,
            themeSearchPaths: options.themeSearchPaths, strict: report.strict))
        let reporter = Reporter(command: "check", format: report.diagnostics)
        do {
            let result = try builder.check()
            let warnings = result.diagnostics.count { $0.severity == .warning }
            var summary = "Checked \(English.count(result.pageCount, "page")): no errors"
            if warnings > 0 { summary += ", \(DiagnosticFormatter.summary(errors: 0, warnings: warnings))" }
            reporter.succeeded(result, summary: summary)
        } catch {
            reporter.failed(error, closing: "Check failed")
            throw ExitCode.failure
        }
    }
}
