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
        let rendered: RenderedSite
        do {
            rendered = try renderReportingWarnings()
        } catch {
            throw options.strict ? BuildFailure(diagnostics: Self.promotingWarnings(error.diagnostics)) : error
        }
        if options.strict, !rendered.diagnostics.isEmpty {
            throw BuildFailure(diagnostics: Self.promotingWarnings(rendered.diagnostics))
        }
        return rendered
    }

    /// With `--strict`, every warning counts as an error.
    static func promotingWarnings(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.map { Diagnostic(.error, $0.message, at: $0.location) }
    }

    private func renderReportingWarnings() throws(BuildFailure) -> RenderedSite {
        let (site, loadDiagnostics) = try SiteLoader(directory: options.siteDirectory, themeSearchPaths: options.themeSearchPaths, paths: paths).load()
        var log = DiagnosticLog()
        log.append(contentsOf: loadDiagnostics)
        let renderer = SiteRenderer(site: site)
        var files: [OutputFile] = []
        for page in site.pages {
            let (file, diagnostics) = renderer.render(page: page)
            log.append(contentsOf: diagnostics)
            if let file { files.append(file) }
        }
        if log.hasErrors { throw BuildFailure(diagnostics: log.sorted) }
        let (siteFiles, diagnostics) = renderer.renderSiteFiles(pagePaths: Set(files.map(\.path)))
        log.append(contentsOf: diagnostics)
        files.append(contentsOf: siteFiles)
        if log.hasErrors { throw BuildFailure(diagnostics: log.sorted) }
        return RenderedSite(site: site, files: files, diagnostics: log.sorted)
    }

    /// Builds and writes the site; the previous output is replaced only when everything succeeded.
    public func build() throws(BuildFailure) -> BuildReport {
        let clock = ContinuousClock()
        let start = clock.now
        let writer = OutputWriter(directory: options.outputDirectory, siteDirectory: options.siteDirectory, force: options.force, paths: paths)
        try writer.checkDestination()
        let rendered = try render()
        try writer.write(rendered.files)
        return BuildReport(
            pageCount: rendered.site.pages.count, fileCount: rendered.files.count + 1,
            diagnostics: rendered.diagnostics, duration: clock.now - start,
            outputDirectory: options.outputDirectory)
    }
}

/// A site rendered in memory: the files a build would write.
public struct RenderedSite: Sendable {
    public var site: Site
    public var files: [OutputFile]
    /// Warnings found while rendering.
    public var diagnostics: [Diagnostic]
}

/// What a finished build did, for the summary line.
public struct BuildReport: Sendable {
    public var pageCount: Int
    public var fileCount: Int
    /// Warnings (a successful build has no errors).
    public var diagnostics: [Diagnostic]
    public var duration: Duration
    public var outputDirectory: URL
}
