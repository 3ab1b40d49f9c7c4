import Foundation

/// Lays a page's rendered content into the theme's page template.
struct PageRenderer {
    let site: Site
    let edition: Edition
    let context: RenderContext
    /// The fingerprinted stylesheets and consent files pages link to.
    let assets: AssetManifest

    /// The "page not found" page from the theme's texts. Servers show it at any address, so its links
    /// start from the site's root path (from `baseURL`, `/` by default) rather than being relative.
    func renderNotFoundPage(log: inout DiagnosticLog) -> String? {
        var root = "/"
        if let baseURL = edition.config.baseURL, let path = URL(string: baseURL)?.path, !path.isEmpty, path != "/" {
            root = path.hasSuffix("/") ? path : path + "/"
        }
        let page = PageSource(
            name: "404", path: "the theme's notFound texts",
            frontMatter: FrontMatter(title: context.text("notFound.title"), description: context.text("notFound.description")),
            body: context.text("notFound.body", ["home": site.link(from: edition, toPage: "index").href(root: root)]), bodyLineOffset: 0)
        return render(page, root: root, log: &log).html
    }

    /// The page's HTML (nil when its template is missing), and what its Markdown held.
    func render(_ page: PageSource, root: String? = nil, log: inout DiagnosticLog) -> (html: String?, content: RenderedContent) {
        let content = PageContentRenderer(context: context).render(page, log: &log)
        let template = page.frontMatter.template
        guard site.theme.templateNames.contains(template) else {
            var message = "there is no template '\(template)' in the theme '\(site.theme.name)'"
            message += Spelling.suggestion(for: template, in: site.theme.templateNames)
            log.error(.pageTemplateUnknown, message, at: SourceLocation(path: page.path, line: 2))
            return (nil, content)
        }
        guard let html = site.theme.render(template, view(of: page, content: content, root: root), globals: context.shared.globals) else {
            log.error(
                .themeTemplateRecursive, "the template '\(template)' could not be rendered: its partials include each other more than \(TemplateLibrary.maximumDepth) deep; check for a partial that includes itself ({{> name}} inside name.mustache)",
                at: SourceLocation(path: page.path))
            return (nil, content)
        }
        return (html, content)
    }

    /// The page template's values for this page.
    func view(of page: PageSource, content: RenderedContent, root: String? = nil) -> PageView {
        let root = root ?? Self.relativeRoot(from: page.urlPath)
        let config = edition.config
        let navigation = config.navigation.map { link -> PageView.NavigationItem in
            switch link.target {
            case .page(let name):
                let target = site.link(from: edition, toPage: name.value)
                return PageView.NavigationItem(title: link.title, href: target.href(root: root), current: target == .path(page.urlPath))
            case .url(let url):
                return PageView.NavigationItem(title: link.title, href: url, current: false)
            }
        }
        let footerLinks = PageLayout.footerPages.compactMap { name -> PageView.NavigationItem? in
            guard let target = edition.pages.first(where: { $0.name == name }) else { return nil }
            return PageView.NavigationItem(
                title: target.frontMatter.title, href: PageAddress.path(target.urlPath).href(root: root),
                current: target.urlPath == page.urlPath)
        }
        let policyHref = config.policyPage.map { site.link(from: edition, toPage: $0.value).href(root: root) }
        let consent = assets.consentScript.map { script in
            PageView.Consent(
                script: root + script.path, scriptIntegrity: script.integrity,
                stylesheet: assets.consentStylesheet.map { root + $0.path }, stylesheetIntegrity: assets.consentStylesheet?.integrity)
        }
        let pageValues = PageView.Page(
            title: page.frontMatter.title, description: page.frontMatter.description, url: page.urlPath, content: content.html,
            isHome: page.name == "index",
            updated: page.frontMatter.updated.map { PageView.Updated(iso: $0.iso, text: formatted($0)) },
            canonicalURL: config.baseURL.flatMap { page.name == "404" ? nil : $0 + "/" + PageSource.encodedURLPath(page.urlPath) },
            contents: PageLayout.sections(of: content.headings).map { PageView.Section(id: $0.id, text: $0.text) },
            hasContents: PageLayout.hasContents(content.headings))
        var view = PageView(
            page: pageValues, root: root, homeHref: site.link(from: edition, toPage: "index").href(root: root), navigation: navigation,
            footerLinks: footerLinks,
            stylesheets: assets.stylesheets.map { PageView.Asset(href: root + $0.path, integrity: $0.integrity) },
            policyHref: policyHref ?? "", settingsHref: policyHref.map { $0 + "#" + ConsentMarkup.formAnchor } ?? "",
            consent: consent, languages: languageVersions(of: page, root: root))
        let wrapper = edition.config.wrapper
        view.wrapper = PageView.Wrapper(
            header: wrapper.headerHTML, footer: wrapper.footerHTML,
            stylesheets: wrapper.stylesheets.map { PageView.Asset(href: $0.value, integrity: nil) })
        return view
    }

    /// The page in each of the site's languages that has it, this one included: relative links between
    /// editions published together, full addresses to and from one with an address of its own.
    func languageVersions(of page: PageSource, root: String) -> [PageView.LanguageVersion] {
        guard site.editions.count > 1 || edition.config.languages.count > 1, page.name != "404" else { return [] }
        let versions = site.alternates.versions(of: page.name)
        return versions.map { version in
            let isCurrent = version.language == edition.language
            var href = PageAddress.path(version.urlPath).href(root: root)
            var absolute: String?
            if let base = version.baseURL { absolute = base + "/" + PageSource.encodedURLPath(version.urlPath) }
            if version.isSeparate != edition.placement.isSeparate || (version.isSeparate && !isCurrent), let absolute { href = absolute }
            return PageView.LanguageVersion(
                code: version.language.code, name: version.name, title: version.title, href: href,
                absoluteHref: absolute ?? href, isCurrent: isCurrent,
                isDefault: version.language == edition.config.languages.first)
        }
    }

    private func formatted(_ date: CalendarDate) -> String {
        context.date(date)
    }

    /// `../` for each folder level of a page, so pages work from any base path and from disk.
    static func relativeRoot(from urlPath: String) -> String {
        String(repeating: "../", count: urlPath.count { $0 == "/" })
    }
}
