import ArgumentParser
import Foundation
import NoticeKit

/// `notice check`: everything a build checks, links between pages included, without writing anything.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the site (settings, registry, pages, directives, links) without writing anything.",
        discussion: """
            Prints nothing when the site is clean, and its warnings when it has some; exits 1 when there are errors \
            (or, with --strict, warnings): the step to run on every pull request.
            """
    )

    @OptionGroup var location: SiteLocationOptions
    @OptionGroup var report: ReportOptions

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Check as if site.yaml's baseURL were this address (a staging site, say).", valueName: "url"))
    var baseURL: String?

    func run() throws {
        location.announce()
        var options = SiteBuilder.Options(
            siteDirectory: location.siteDirectory, outputDirectory: location.siteDirectory,
            themeSearchPaths: location.themeSearchPaths, strict: report.strict)
        options.baseURL = baseURL
        let builder = SiteBuilder(options: options)
        let reporter = Reporter(command: "check", format: report.diagnostics)
        do {
            let result = try builder.check()
            let warnings = result.diagnostics.count { $0.severity == .warning }
            // No news is good news: a clean site prints nothing (the JSON report is always written).
            let summary =
                warnings > 0 || result.silencedCount > 0
                ? "Checked \(English.count(result.pageCount, "page")): no errors, "
                    + DiagnosticFormatter.summary(errors: 0, warnings: warnings, silenced: result.silencedCount)
                : nil
            reporter.succeeded(result, summary: summary)
        } catch {
            reporter.failed(error, closing: "Check failed")
            throw ExitCode.failure
        }
    }
}
