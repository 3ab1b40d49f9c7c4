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
        let context = RenderContext(config: site.config, registry: site.registry, theme: site.theme,
                                    strings: site.strings, directives: .standard)
        let renderer = PageRenderer(site: site, context: context)
        var files: [OutputFile] = []
        for page in site.pages {
            if let html = renderer.render(page, log: &log) {
                files.append(.text(page.outputPath, html))
            }
        }
        if log.hasErrors { throw BuildFailure(diagnostics: log.sorted) }
        files.append(contentsOf: declarations(for: site, context: context, log: &log))
        files.append(contentsOf: ConsentScript(site: site, context: context).files(log: &log))
        for (path, source) in site.theme.assets.sorted(by: { $0.key < $1.key }) {
            files.append(OutputFile(path: "assets/" + path, contents: .copy(source)))
        }
        for (path, source) in site.staticFiles.sorted(by: { $0.key < $1.key }) {
            if files.contains(where: { $0.path == path }) {
                log.error("static/\(path) has the same output path as a page or theme asset; rename it", at: nil)
                continue
            }
            files.append(OutputFile(path: path, contents: .copy(source)))
        }
        if log.hasErrors { throw BuildFailure(diagnostics: log.sorted) }
        return RenderedSite(site: site, files: files, diagnostics: log.sorted)
    }

    /// `cookies.json` and `cookies.csv`, the registry for machines and spreadsheets.
    private func declarations(for site: Site, context: RenderContext, log: inout DiagnosticLog) -> [OutputFile] {
        var files: [OutputFile] = []
        do {
            let json = try CookieDeclarationJSON(registry: site.registry, config: site.config).encoded()
            files.append(OutputFile(path: "cookies.json", contents: .data(json)))
        } catch {
            log.error("could not write cookies.json: \(error)", at: nil)
        }
        let headings = Dictionary(uniqueKeysWithValues: CookieDeclarationCSV.columns.map { ($0, context.text("declaration.csv.\($0)")) })
        files.append(.text("cookies.csv", CookieDeclarationCSV(registry: site.registry, headings: headings).text()))
        return files
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
