public import Foundation

/// Builds a site: load → validate → render → write, in one direction, reporting every problem at once.
public struct SiteBuilder: Sendable {
    /// Where to read the site from and where to write it.
    public struct Options: Sendable {
        public var siteDirectory: URL
        public var outputDirectory: URL
        /// Folders holding built-in themes (the repository's `themes/`, or an installed copy).
        public var themeSearchPaths: [URL]
        /// Replace an output folder that Notice did not create.
        public var force: Bool
        /// Treat warnings as errors.
        public var strict: Bool
        /// Add Subresource Integrity attributes to stylesheet and script links (pages then do not work
        /// opened straight from disk).
        public var integrity = true
        /// Replaces `baseURL` from site.yaml for this build (`--base-url`, for a staging address).
        public var baseURL: String?
        /// The day records are checked against (`SOURCE_DATE_EPOCH` when set, else today).
        public var today: CalendarDate = .today
        /// Called as pages finish (pages done, pages in all), from any thread; for a progress line.
        public var progress: (@Sendable (Int, Int) -> Void)?

        public init(siteDirectory: URL, outputDirectory: URL, themeSearchPaths: [URL], force: Bool = false, strict: Bool = false) {
            self.siteDirectory = siteDirectory
            self.outputDirectory = outputDirectory
            self.themeSearchPaths = themeSearchPaths
            self.force = force
            self.strict = strict
        }
    }

    public var options: Options
    public var paths: DisplayPaths

    public init(options: Options, paths: DisplayPaths = DisplayPaths()) {
        self.options = options
        self.paths = paths
    }

    /// Renders the whole site in memory, without writing; throws ``BuildFailure`` listing every error.
    public func render() throws(BuildFailure) -> RenderedSite {
        let sink = MemorySink()
        let run = try run(into: sink)
        return RenderedSite(
            renderer: run.renderer, files: sink.files, diagnostics: run.diagnostics, pages: run.pages,
            checks: SiteChecks(renderers: run.renderers))
    }

    /// Checks everything a build checks, links included, and writes nothing.
    public func check() throws(BuildFailure) -> BuildReport {
        let clock = ContinuousClock()
        let start = clock.now
        let run = try run(into: DiscardSink())
        var report = BuildReport(
            pageCount: run.site.pageCount, fileCount: 0, diagnostics: run.diagnostics,
            duration: clock.now - start, outputDirectory: options.outputDirectory)
        report.silencedCount = run.silenced
        return report
    }

    /// Builds and writes the site; the previous output is replaced only when everything succeeded.
    public func build() throws(BuildFailure) -> BuildReport {
        let clock = ContinuousClock()
        let start = clock.now
        let writer = OutputWriter(directory: options.outputDirectory, siteDirectory: options.siteDirectory, force: options.force, paths: paths)
        // Staging checks the output's location first; its contents (the old output, listed file by file)
        // are checked while the pages render, and a refusal there is still the build's first word.
        let staging = try writer.beginStaging()
        let contentsCheck = BackgroundWork { () throws(BuildFailure) in try writer.checkContents() }
        let run: Run
        do {
            run = try self.run(into: staging)
        } catch {
            writer.discard(staging)
            try contentsCheck.wait()
            throw error
        }
        do {
            try contentsCheck.wait()
        } catch {
            writer.discard(staging)
            throw error
        }
        try writer.commit(staging)
        var report = BuildReport(
            pageCount: run.site.pageCount, fileCount: run.fileCount + 1, diagnostics: run.diagnostics,
            duration: clock.now - start, outputDirectory: options.outputDirectory)
        report.silencedCount = run.silenced
        report.keptFiles = staging.keptCount
        return report
    }

    /// With `--strict`, every warning counts as an error.
    static func promotingWarnings(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            // The code stays, so tools still know what it is; only its weight changes.
            var promoted = diagnostic
            promoted.severity = .error
            return promoted
        }
    }

    private struct Run {
        var site: Site
        var diagnostics: [Diagnostic]
        /// Warnings `checks: ignore:` silenced.
        var silenced: Int
        var fileCount: Int
        /// Every page's links and anchors (their HTML already handed to the sink).
        var pages: [RenderedPage]
        var renderer: SiteRenderer
        var renderers: [SiteRenderer]
    }

    /// Load → check → render → hand each file to the sink as soon as it exists.
    ///
    /// Pages render in parallel, one task per core; each page's HTML goes to the sink and is let go, so
    /// memory stays bounded however many pages there are. What the link check needs (links, anchors) is
    /// kept, and is small.
    private func run(into sink: some OutputSink) throws(BuildFailure) -> Run {
        let loaded: (site: Site, diagnostics: [Diagnostic])
        do {
            var loader = SiteLoader(
                directory: options.siteDirectory, themeSearchPaths: options.themeSearchPaths, paths: paths,
                contract: Self.themeContract)
            loader.baseURL = options.baseURL
            loader.today = options.today
            loaded = try loader.load()
        } catch {
            throw options.strict ? BuildFailure(diagnostics: Self.promotingWarnings(error.diagnostics)) : error
        }
        let site = loaded.site
        var log = DiagnosticLog()
        log.append(contentsOf: loaded.diagnostics)
        // One renderer per language; a language published as a site of its own writes into its folder.
        let renderers = site.editions.map { SiteRenderer(site: site, edition: $0, integrity: options.integrity) }
        var writeError: (any Error)?
        for renderer in renderers {
            log.append(contentsOf: renderer.diagnostics)
            do {
                for file in renderer.siteFiles { try sink.write(file.moved(into: renderer.edition.placement.outputFolder)) }
            } catch {
                writeError = writeError ?? error
            }
        }

        let jobs = renderers.indices.flatMap { edition in renderers[edition].edition.pages.indices.map { (edition, $0) } }
        let progress = options.progress
        let done = SharedCounter()
        let writeFailure = WriteFailure()
        let rendered = parallelMap(count: jobs.count) { index -> RenderedPage in
            let renderer = renderers[jobs[index].0]
            var page = renderer.render(page: renderer.edition.pages[jobs[index].1])
            if let file = page.file {
                do { try sink.write(file.moved(into: renderer.edition.placement.outputFolder)) } catch { writeFailure.record(error) }
                page.file = nil  // written; let the HTML go
            }
            progress?(done.increment(), jobs.count)
            return page
        }
        for page in rendered { log.append(contentsOf: page.diagnostics) }
        log.append(contentsOf: SiteChecks(renderers: renderers).run(on: rendered, errorsSoFar: log.hasErrors))
        if let error = writeError ?? writeFailure.error {
            log.error(.outputWriteFailed, "could not write the output: \(OutputWriter.describe(error)); the previous output was left as it was", at: nil)
        }
        // What the site silences goes before --strict counts warnings as errors.
        var (diagnostics, silenced) = site.silencing(log.sorted)
        if options.strict { diagnostics = Self.promotingWarnings(diagnostics) }
        if diagnostics.contains(where: { $0.severity == .error }) { throw BuildFailure(diagnostics: diagnostics) }
        return Run(
            site: site, diagnostics: diagnostics, silenced: silenced, fileCount: renderers.reduce(0) { $0 + $1.siteFiles.count } + jobs.count,
            pages: rendered, renderer: renderers[0], renderers: renderers)
    }
}

/// The first error of writing files from several threads.
private final class WriteFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var first: (any Error)?

    func record(_ error: any Error) {
        lock.lock()
        defer { lock.unlock() }
        if first == nil { first = error }
    }

    var error: (any Error)? {
        lock.lock()
        defer { lock.unlock() }
        return first
    }
}

/// A site rendered in memory: the files a build would write.
public struct RenderedSite: Sendable {
    /// The renderer that made it, to render single pages again later (the preview).
    public var renderer: SiteRenderer
    public var site: Site { renderer.site }
    public var files: [OutputFile]
    /// Warnings found while rendering.
    public var diagnostics: [Diagnostic]
    /// Each page's links and anchors, for checking links again after one page changes.
    public var pages: [RenderedPage]
    /// The checks over the rendered site, with every language's renderer, to run again after a change.
    public var checks: SiteChecks
}

/// What a finished build did, for the summary line.
public struct BuildReport: Sendable {
    public var pageCount: Int
    public var fileCount: Int
    /// Warnings (a successful build has no errors).
    public var diagnostics: [Diagnostic]
    public var duration: Duration
    public var outputDirectory: URL
    /// Warnings and notes `checks: ignore:` silenced, which the summary counts.
    public var silencedCount = 0
    /// Files kept from the previous output because their bytes did not change.
    public var keptFiles = 0

    public init(pageCount: Int, fileCount: Int, diagnostics: [Diagnostic], duration: Duration, outputDirectory: URL) {
        self.pageCount = pageCount
        self.fileCount = fileCount
        self.diagnostics = diagnostics
        self.duration = duration
        self.outputDirectory = outputDirectory
    }
}
