import ArgumentParser
import Foundation
import NoticeAudit
import NoticeKit

/// `notice audit`: loads the pages in real Chromium in every consent state and compares what really
/// happens (cookies, storage, requests) with the registry.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check in a real browser that the site sets only what the registry declares, and nothing optional before consent.",
        discussion: """
            With no source, builds the site in memory, serves it on loopback and audits every page before any choice, \
            after Reject, after Accept, and after Accept then withdrawal. --url audits a published site (following \
            same-site links), --har audits recordings exported from a browser's developer tools. Exits 1 when there \
            is an error-level finding.
            """
    )

    @OptionGroup var options: SiteLocationOptions

    @Option(help: ArgumentHelp("Audit a published site from this address instead of the built site.", valueName: "url"))
    var url: String?

    @Option(help: ArgumentHelp("With --url: how many pages to visit at most.", valueName: "n"))
    var pages = 20

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Audit HAR files recorded in a browser instead (no browser needed).", valueName: "file"))
    var har: [String] = []

    @Option(help: ArgumentHelp("With --url or --har: audit against this registry file alone, for a site not built with Notice (no site folder needed).", valueName: "file"))
    var registry: String?

    @Option(name: .customLong("page-timeout"), help: ArgumentHelp("How many seconds a page may take to load before it is recorded as not audited.", valueName: "seconds"))
    var pageTimeout = 30

    @Flag(help: "Show the notes (declared cookies that were not seen, say) as well as errors and warnings; they are always counted, and always in --diagnostics json.")
    var notes = false

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning
    }

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("Exit 1 on an error-level finding (error), or on any warning too (warning).", valueName: "level"))
    var failOn: FailOn = .error

    @Option(name: .customLong("wait"), help: ArgumentHelp("How many seconds at most to watch each loaded page for tags that act late (it moves on once the page has been quiet for 2 seconds).", valueName: "seconds"))
    var wait = 10

    @Option(help: ArgumentHelp("How many of the states after a choice (Reject, Accept, withdrawal) to audit at once, each in a browser of its own; 1 audits them one after another.", valueName: "n"))
    var parallel = 3

    @Option(help: ArgumentHelp("Where chromedriver is.", valueName: "path"))
    var chromedriver = "/usr/bin/chromedriver"

    @Option(help: ArgumentHelp("Where Chromium is.", valueName: "path"))
    var chromium = "/usr/bin/chromium"

    @Option(help: ArgumentHelp("Also write an HTML report for people into this folder (one of its own: never a folder of other files, nor a built site).", valueName: "dir"))
    var report: String?

    @Flag(help: "Replace the report folder even if notice did not write it.")
    var force = false

    @Option(help: ArgumentHelp("human (coloured on a terminal unless NO_COLOR is set), json, or github (workflow annotations).", valueName: "format"))
    var diagnostics: ReportOptions.Format = .human

    func validate() throws {
        if url != nil, !har.isEmpty { throw ValidationError("give either --url or --har, not both") }
        if pages < 1 { throw ValidationError("--pages needs at least 1") }
        if registry != nil, url == nil, har.isEmpty {
            throw ValidationError("--registry is for a site not built with Notice: give it with --url ADDRESS or --har FILE (a Notice site is audited with its own registry)")
        }
        if !(1...600).contains(pageTimeout) { throw ValidationError("--page-timeout is a number of seconds from 1 to 600") }
        if !(0...120).contains(wait) { throw ValidationError("--wait is a number of seconds from 0 to 120") }
        if !(1...3).contains(parallel) { throw ValidationError("--parallel is 1, 2 or 3 (there are three states after a choice)") }
        if let url, URL(string: url)?.host == nil || !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            throw ValidationError("--url needs a full web address, such as https://www.example.gov.uk/")
        }
    }

    func run() async throws {
        options.announce()
        // Ctrl-C, kill or a closed terminal: the browsers end first, then the audit, with nothing left running.
        AuditInterruption.install { signal in "\nAudit stopped (signal \(signal)); the browsers it started were ended.\n" }
        let started = ContinuousClock.now
        let startedAt = Date()
        let reporter = Reporter(command: "audit", format: diagnostics)
        let site: Site
        var rendered: RenderedSite?
        let registryFile: SourceLocation
        do {
            if let registry {
                // A site not built with Notice: its registry alone, and the built-in theme for the report.
                let file = URL(fileURLWithPath: registry)
                let title = url.flatMap { URL(string: $0)?.host } ?? har.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", ")
                site = try SiteLoader.registryOnly(file, title: title, themeSearchPaths: options.themeSearchPaths)
                registryFile = SourceLocation(path: DisplayPaths().display(file))
            } else {
                // Built in memory and served from there: an audit writes no output folder.
                let built = try SiteBuilder(
                    options: .init(
                        siteDirectory: options.siteDirectory, outputDirectory: options.siteDirectory,
                        themeSearchPaths: options.themeSearchPaths)
                ).render()
                rendered = built
                site = built.site
                registryFile = SourceLocation(path: DisplayPaths().display(options.siteDirectory.appendingPathComponent(SiteLoader.registryFileName)))
            }
        } catch {
            reporter.failed(error, closing: registry == nil ? "Audit stopped: the site has errors" : "Audit stopped: the registry has errors")
            throw ExitCode.failure
        }
        // The report's folder is checked before the audit runs, so a refusal costs nothing.
        let reportWriter = report.map {
            OutputWriter(directory: URL(fileURLWithPath: $0, isDirectory: true), siteDirectory: options.siteDirectory, force: force, kind: .auditReport)
        }
        if let reportWriter {
            do {
                try reportWriter.checkDestination()
            } catch {
                reporter.failed(error, closing: "Audit not started")
                throw ExitCode(2)
            }
        }
        let evidence: AuditEvidence
        do {
            let source: AuditSource =
                if !har.isEmpty {
                    .recordings(har, site: site.main.config.baseURL.flatMap(URL.init(string:)))
                } else if let url, let start = URL(string: url) {
                    .published(start, limit: pages)
                } else if let rendered {
                    .built(rendered)
                } else {
                    throw ValidationError("give --url or --har with --registry")
                }
            var browser = BrowserAudit(chromedriver: URL(fileURLWithPath: chromedriver), chromium: chromium)
            browser.pageTimeout = .seconds(pageTimeout)
            browser.wait = .seconds(wait)
            browser.parallelStates = parallel
            evidence = try await source.evidence(browser: browser)
        } catch {
            // The audit itself could not run (no browser, no site): 2, not the 1 of findings.
            AuditInterruption.yieldToSignal()
            Console.standardError.write("error: \(error)\n")
            throw ExitCode(2)
        }
        let findings = AuditRules(registry: site.main.registry, registryFile: registryFile).findings(for: evidence)
        if let reportWriter, let report {
            do {
                let audited =
                    url ?? (har.isEmpty ? "the site built from \(DisplayPaths().display(options.siteDirectory))" : har.joined(separator: ", "))
                    + (registry.map { " against the registry \(DisplayPaths().display(URL(fileURLWithPath: $0)))" } ?? "")
                let context = AuditReport.Context(started: startedAt, audited: audited, noticeVersion: NoticeVersion.current)
                try reportWriter.replace(with: AuditReport(evidence: evidence, findings: findings, site: site, context: context).files())
            } catch let failure as BuildFailure {
                reporter.failed(failure, closing: "The report was not written")
                throw ExitCode.failure
            } catch {
                Console.standardError.write("error: could not write the report to \(report): \(error)\n")
                throw ExitCode.failure
            }
        }
        let pageCount = Set(evidence.states.flatMap(\.pages)).count
        let states = evidence.states.map(\.state.rawValue).joined(separator: ", ")
        let heading = "Audited \(English.count(pageCount, "page")) (\(states)) in \(String(format: "%.1f", (ContinuousClock.now - started).seconds)) s"
        let counts = DiagnosticFormatter.summary(
            errors: findings.count { $0.severity == .error }, warnings: findings.count { $0.severity == .warning },
            notes: findings.count { $0.severity == .note })
        var summary = heading + ": " + (counts.isEmpty ? "no findings" : counts)
        if !evidence.usesConsentScript, har.isEmpty {
            summary += ". The pages have no Notice consent script, so only the state before any choice was audited"
        }
        // Notes are counted, and printed with --notes (in JSON always; for GitHub at most the first ten, so
        // a pull request is not buried in them).
        var shown = findings
        switch diagnostics {
        case .json: break
        case .human: if !notes { shown = findings.filter { $0.severity != .note } }
        case .github: shown = findings.filter { $0.severity != .note } + (notes ? Array(findings.filter { $0.severity == .note }.prefix(10)) : [])
        }
        let hiddenNotes = notes || diagnostics == .json ? 0 : findings.count { $0.severity == .note }
        if hiddenNotes > 0 { summary += " (--notes shows the notes)" }
        let build = BuildReport(
            pageCount: pageCount, fileCount: 0, diagnostics: shown, duration: ContinuousClock.now - started,
            outputDirectory: options.siteDirectory)
        let failing = findings.contains { $0.severity == .error || (failOn == .warning && $0.severity == .warning) }
        if failing {
            reporter.failed(
                BuildFailure(diagnostics: shown),
                closing: heading + (hiddenNotes > 0 ? " with \(English.count(hiddenNotes, "note")) hidden (--notes shows them)" : ""),
                pages: pageCount, seconds: (ContinuousClock.now - started).seconds)
            throw ExitCode.failure
        }
        reporter.succeeded(build, summary: summary)
    }
}
