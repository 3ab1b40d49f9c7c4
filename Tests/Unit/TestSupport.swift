import Foundation

@testable import NoticeKit

/// The repository's folders, found from this file's path.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let themes = root.appendingPathComponent("themes")
}

/// A render context over the real default theme and a small registry.
func makeContext(registry: CookieRegistry = sampleRegistry()) throws -> RenderContext {
    var log = DiagnosticLog()
    let loader = ThemeLoader(searchPaths: [Repository.themes], paths: DisplayPaths())
    guard let theme = loader.load(named: "default", requestedAt: nil, log: &log) else {
        throw BuildFailure(diagnostics: log.sorted)
    }
    let config = SiteConfig(title: "Test council")
    return RenderContext(config: config, registry: registry, theme: theme, strings: theme.strings, directives: .standard)
}

func sampleRegistry() -> CookieRegistry {
    let here = SourceLocation(path: "registry.yaml")
    return CookieRegistry(
        categories: [
            CookieCategory(id: "analytics", title: "Analytics cookies", description: "We count visits to improve the site.", location: here),
            CookieCategory(id: "necessary", title: "Strictly necessary cookies", necessary: true, location: here),
        ],
        services: [
            CookieService(
                id: "google-analytics", name: "Google Analytics", categoryID: "analytics",
                cookies: [
                    Cookie(name: "_ga", purpose: "Used to distinguish users.", duration: "90 days", location: here),
                    Cookie(name: "_ga_<container-id>", purpose: "Used to persist session state.", duration: "90 days", location: here),
                ], location: here),
            CookieService(
                id: "evil", name: "<script>alert(1)</script> & Co", categoryID: "analytics",
                cookies: [
                    Cookie(name: "x\"><img src=x onerror=alert(1)>", purpose: "<b>bold</b> 'quoted'", duration: "1 day & night", location: here)
                ], location: here),
            CookieService(id: "vimeo", name: "Vimeo", categoryID: "analytics", location: here),
        ])
}

/// Renders Markdown as the body of `pages/test.md` whose front matter took 3 lines.
func renderPage(_ markdown: String, context: RenderContext) -> (RenderedContent, [Diagnostic]) {
    var log = DiagnosticLog()
    let page = PageSource(name: "test", path: "pages/test.md", frontMatter: FrontMatter(title: "Test"), body: markdown, bodyLineOffset: 3)
    let content = PageContentRenderer(context: context).render(page, log: &log)
    return (content, log.sorted)
}
