import Foundation

/// Renders a loaded site into output files, in memory: every page, or one page again.
///
/// `notice build` renders everything and writes it; the preview keeps a renderer and re-renders only the
/// page an editor saved. Each call parses its own Markdown, so calls may run on different tasks.
public struct SiteRenderer: Sendable {
    public let site: Site
    let context: RenderContext

    public init(site: Site) {
        self.site = site
        context = RenderContext(config: site.config, registry: site.registry, theme: site.theme,
                                strings: site.strings, directives: .standard)
    }

    /// One page's HTML file, or nothing when the page has errors; with the page's diagnostics.
    public func render(page: PageSource) -> (file: OutputFile?, diagnostics: [Diagnostic]) {
        var log = DiagnosticLog()
        let html = PageRenderer(site: site, context: context).render(page, log: &log)
        guard !log.hasErrors else { return (nil, log.sorted) }
        return (html.map { .text(page.outputPath, $0) }, log.sorted)
    }

    /// Everything but the pages: the 404 page, declarations, consent script, theme assets, static files.
    public func renderSiteFiles(pagePaths: Set<String>) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        var log = DiagnosticLog()
        var files: [OutputFile] = []
        if let notFound = PageRenderer(site: site, context: context).renderNotFoundPage(log: &log) {
            files.append(.text(Self.notFoundPath, notFound))
        }
        files.append(contentsOf: declarations(log: &log))
        files.append(contentsOf: ConsentScript(site: site, context: context).files(log: &log))
        for (path, source) in site.theme.assets.sorted(by: { $0.key < $1.key }) {
            files.append(OutputFile(path: "assets/" + path, contents: .copy(source)))
        }
        let taken = pagePaths.union(files.map(\.path))
        for (path, source) in site.staticFiles.sorted(by: { $0.key < $1.key }) {
            if taken.contains(path) {
                log.error("static/\(path) has the same output path as a page or a file Notice writes; rename it", at: nil)
                continue
            }
            files.append(OutputFile(path: path, contents: .copy(source)))
        }
        return (files, log.sorted)
    }

    /// Where the "page not found" page is written; web servers and static hosts serve it for missing pages.
    public static let notFoundPath = "404.html"

    /// `cookies.json` and `cookies.csv`, the registry for machines and spreadsheets.
    private func declarations(log: inout DiagnosticLog) -> [OutputFile] {
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
}
