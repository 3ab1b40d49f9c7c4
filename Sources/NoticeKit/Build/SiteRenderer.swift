import Foundation

/// Renders a loaded site: everything but the pages when it is made, then any page on request.
///
/// `notice build` renders every page (on several threads) and writes each as it is done; the preview
/// keeps a renderer and re-renders only the page an editor saved. Each page parses its own Markdown,
/// so pages may render in parallel.
public struct SiteRenderer: Sendable {
    public let site: Site
    /// The edition it renders.
    public let edition: Edition
    let context: RenderContext
    let assets: AssetManifest
    /// The 404 page, declarations, consent script, theme assets and static files.
    public let siteFiles: [OutputFile]
    /// Problems found while making `siteFiles`.
    public let diagnostics: [Diagnostic]

    /// Where the "page not found" page is written; web servers and static hosts serve it for missing pages.
    public static let notFoundPath = "404.html"

    /// `integrity` adds Subresource Integrity attributes to the stylesheet and script links. Browsers
    /// refuse such files when a page is opened straight from disk (file://), so it can be turned off.
    public init(site: Site, edition: Edition, integrity: Bool = true) {
        self.site = site
        self.edition = edition
        var context = RenderContext(
            config: edition.config, registry: edition.registry, theme: site.theme,
            strings: edition.strings, directives: .standard)
        context.registryIsComplete = site.registryIsComplete
        context.accessibility = edition.accessibility
        context.processing = edition.processing
        context.changes = edition.changes
        self.context = context
        var log = DiagnosticLog()
        // One step each, in order: the 404 page links the assets, and static files must not take any name.
        // An edition beside the default language's shares its assets, declarations and static files, and
        // writes only its consent files and 404 page, in its language's folder.
        let ownsSharedFiles = edition.placement.ownsSharedFiles
        var (files, assets) = Self.themeAssets(of: site, integrity: integrity, log: &log)
        if !ownsSharedFiles { files = [] }
        files += Self.consentFiles(of: site, edition, context: context, integrity: integrity, into: &assets, log: &log)
        self.assets = assets
        if ownsSharedFiles {
            files += Self.declarations(site: site, edition, context: context, log: &log)
            files += Self.searchFiles(of: site, edition)
        }
        if let notFound = PageRenderer(site: site, edition: edition, context: context, assets: assets).renderNotFoundPage(log: &log) {
            files.append(.text(edition.placement.scriptFolder + Self.notFoundPath, notFound))
        }
        if ownsSharedFiles {
            // The languages published beside this one write into their folders too: their pages, their
            // 404 page and their consent files.
            let beside = edition.placement.isDefault ? site.editions.dropFirst().filter { !$0.placement.isSeparate } : []
            var taken = Set(edition.pages.map(\.outputPath)).union(files.map(\.path))
            taken.formUnion(beside.flatMap { $0.pages.map(\.outputPath) + [$0.placement.scriptFolder + Self.notFoundPath] })
            let consentFolders = beside.map { $0.placement.scriptFolder + "consent" }
            files += Self.staticFiles(of: site, besides: taken, reservedPrefixes: consentFolders, log: &log)
        }
        siteFiles = files
        diagnostics = log.sorted
    }

    /// The theme's assets: top-level stylesheets under content-hashed names (cacheable for ever), the rest
    /// as they are.
    private static func themeAssets(of site: Site, integrity: Bool, log: inout DiagnosticLog) -> ([OutputFile], AssetManifest) {
        var files: [OutputFile] = []
        var assets = AssetManifest()
        for (path, source) in site.theme.assets.sorted(by: { $0.key < $1.key }) {
            guard path.hasSuffix(".css"), !path.contains("/") else {
                files.append(OutputFile(path: "assets/" + path, contents: .copy(source)))
                continue
            }
            guard let data = FileManager.default.contents(atPath: source.path) else {
                log.error(.themeStylesheetUnreadable, "the theme's stylesheet could not be read", at: SourceLocation(path: DisplayPaths().display(source)))
                continue
            }
            let (asset, file) = AssetManifest.asset("assets/" + path, contents: data, withIntegrity: integrity)
            assets.stylesheets.append(asset)
            files.append(file)
        }
        return (files, assets)
    }

    /// The consent script and stylesheet under their plain names (other services include consent.js by a
    /// fixed address) and hashed ones (which pages link), and the settings files.
    private static func consentFiles(
        of site: Site, _ edition: Edition, context: RenderContext, integrity: Bool, into assets: inout AssetManifest,
        log: inout DiagnosticLog
    ) -> [OutputFile] {
        guard let consent = ConsentScript(site: site, edition: edition, context: context).files(log: &log) else { return [] }
        // In the language's folder for a language beside the default one (`cy/consent.js`), since the
        // scripts speak the page's language.
        let folder = edition.placement.scriptFolder
        var files = [OutputFile(path: folder + ConsentScript.scriptPath, contents: .data(consent.script))]
        let (script, hashedScript) = AssetManifest.asset(folder + ConsentScript.scriptPath, contents: consent.script, withIntegrity: integrity)
        assets.consentScript = script
        files.append(hashedScript)
        if let stylesheet = consent.stylesheet {
            files.append(OutputFile(path: folder + ConsentScript.stylesheetPath, contents: .data(stylesheet)))
            let (asset, hashed) = AssetManifest.asset(folder + ConsentScript.stylesheetPath, contents: stylesheet, withIntegrity: integrity)
            assets.consentStylesheet = asset
            files.append(hashed)
        }
        return files + consent.settings.map { OutputFile(path: folder + $0.path, contents: $0.contents) }
    }

    /// The site's `static/` files, except any whose path a page or a file of Notice's already has.
    private static func staticFiles(
        of site: Site, besides taken: Set<String>, reservedPrefixes: [String] = [],
        log: inout DiagnosticLog
    ) -> [OutputFile] {
        site.staticFiles.sorted(by: { $0.key < $1.key }).compactMap { path, source in
            guard !taken.contains(path), !reservedPrefixes.contains(where: { path.hasPrefix($0) && !path.contains("/", after: $0) }) else {
                log.error(.buildStaticClash, "static/\(path) has the same output path as a page or a file Notice writes; rename it", at: nil)
                return nil
            }
            return OutputFile(path: path, contents: .copy(source))
        }
    }

    /// One page's HTML file (nothing when the page has errors), its diagnostics, and what links need.
    public func render(page: PageSource) -> RenderedPage {
        var log = DiagnosticLog()
        let (html, content) = PageRenderer(site: site, edition: edition, context: context, assets: assets).render(page, log: &log)
        let anchors = PageLayout.anchors(of: content)
        let file = log.hasErrors ? nil : html.map { OutputFile.text(page.outputPath, $0) }
        var rendered = RenderedPage(
            page: page, file: file, diagnostics: log.sorted, links: content.links, anchors: anchors,
            shownServices: content.shownServices, shownParts: content.shownParts)
        if let id = edition.config.consent.settingsLink?.value, let html {
            rendered.carriesSettingsLink = Self.hasSettingsControl(id: id, in: html)
        }
        return rendered
    }

    /// Whether the page has an element with this id that opens the cookie settings
    /// (`data-notice-action="choose"` in the same tag).
    static func hasSettingsControl(id: String, in html: String) -> Bool {
        guard let found = html.range(of: "id=\"\(id)\"") else { return false }
        let start = html[..<found.lowerBound].lastIndex(of: "<") ?? found.lowerBound
        let end = html[found.upperBound...].firstIndex(of: ">") ?? html.endIndex
        return html[start..<end].contains("\(ConsentMarkup.action)=\"choose\"")
    }

    /// A warning for each service with cookies that no page shows in a table (the policy would tell
    /// visitors less than the registry holds), and for each place the consent settings link to on the
    /// policy page that is not there.
    public func checkCompleteness(of pages: [RenderedPage]) -> [Diagnostic] {
        let shown = pages.reduce(into: Set<String>()) { $0.formUnion($1.shownServices) }
        let policy =
            edition.config.policyPage.map { name in
                // The file under pages/, as editors name it: pages/cookies.md, pages/cookies.cy.md.
                let path = edition.pages.first { $0.name == name.value }?.path ?? ""
                let folder = SiteLoader.pagesFolderName + "/"
                return path.range(of: folder, options: .backwards).map { String(path[$0.lowerBound...]) } ?? folder + name.value + ".md"
            } ?? "the cookie policy page"
        return checkServicesShown(shown, policy: policy) + checkSettingsLinks(of: pages, policy: policy) + checkOwnSettingsControl(of: pages)
            + checkStatementsComplete(of: pages) + checkPrivacyNotice(of: pages)
    }

    /// A privacy notice made from the processing record must give every item Articles 13 and 14 ask
    /// for, and show every activity the record keeps; the blocks say which items they give.
    private func checkPrivacyNotice(of pages: [RenderedPage]) -> [Diagnostic] {
        guard let record = context.processing else { return [] }
        let prefix = PrivacyNotice.partPrefix
        var notices = pages.filter { $0.shownParts.contains { $0.hasPrefix(prefix) } }
        if notices.isEmpty, let page = pages.first(where: { $0.page.name == "privacy" }) { notices = [page] }
        guard !notices.isEmpty else {
            return [
                .warning(
                    .pagePrivacyItemMissing, "no page shows this processing record, so the privacy notice tells people less than the record holds; add ```privacy-contact```, ```processing-table``` and ```privacy-rights``` to pages/privacy.md (docs/privacy.md)",
                    at: record.file)
            ]
        }
        var found: [Diagnostic] = []
        let shown = Set(notices.flatMap(\.shownParts))
        for page in notices {
            let missing = PrivacyNotice.Item.allCases.filter { $0.isRequired(by: record, activities: record.activities) && !page.shownParts.contains(prefix + $0.rawValue) }
            for block in PrivacyNotice.blocks {
                let items = missing.filter { $0.block == block }
                guard !items.isEmpty else { continue }
                found.append(
                    .warning(
                        .pagePrivacyItemMissing, "this privacy notice does not give \(items.map(\.article).joined(separator: "; ")); add ```\(block)``` where it should say \(items.count == 1 ? "it" : "them") (docs/privacy.md)",
                        at: SourceLocation(path: page.page.path)))
            }
        }
        if !shown.contains(PrivacyNotice.activityPart("*")) {
            for activity in record.activities where !shown.contains(PrivacyNotice.activityPart(activity.id)) {
                found.append(
                    .warning(
                        .pagePrivacyItemMissing, "the activity '\(activity.id)' is in no processing table on any page, so the privacy notice tells people less than the record holds; add ```processing-table activity=\(activity.id)```, or a table of every activity",
                        at: activity.location))
            }
        }
        return found
    }

    /// A page that shows part of a statement made from a record must show all of it that the law asks
    /// for: a statement with its enforcement part left out still reads as complete.
    private func checkStatementsComplete(of pages: [RenderedPage]) -> [Diagnostic] {
        let prefix = AccessibilityStatementDirective.partPrefix
        guard let record = context.accessibility else { return [] }
        let required = AccessibilityStatementDirective.requiredParts(for: record)
        return pages.filter { $0.shownParts.contains { $0.hasPrefix(prefix) } }.flatMap { page -> [Diagnostic] in
            required.filter { !page.shownParts.contains(prefix + $0.rawValue) }.map { part in
                .warning(
                    .pageStatementIncomplete, "this accessibility statement does not show its \(part.rawValue) part, which \(part.why); add a heading and ```accessibility-statement part=\(part.rawValue)``` below it (docs/accessibility-statement.md lists the parts)",
                    at: SourceLocation(path: page.page.path))
            }
        }
    }

    /// With `settingsButton: false`, every page must carry the control `settingsLink` names instead.
    private func checkOwnSettingsControl(of pages: [RenderedPage]) -> [Diagnostic] {
        guard let link = edition.config.consent.settingsLink, !edition.config.consent.settingsButton else { return [] }
        let lacking = pages.filter { !$0.carriesSettingsLink }.map(\.page.path)
        guard !lacking.isEmpty else { return [] }
        return [
            .error(
                .buildSettingsLinkMissing, "'settingsButton: false' relies on every page having its own Cookie settings control with id=\"\(link.value)\" and \(ConsentMarkup.action)=\"choose\", but \(English.count(lacking.count, "page")) \(lacking.count == 1 ? "has" : "have") none (\(lacking.prefix(3).joined(separator: ", "))\(lacking.count > 3 ? ", …" : "")); add it near the top of the theme's layout, or remove 'settingsButton: false'",
                at: link.location)
        ]
    }

    /// The consent settings link to the policy page's form and to each optional category's section.
    private func checkSettingsLinks(of pages: [RenderedPage], policy: String) -> [Diagnostic] {
        guard let name = edition.config.policyPage, let page = pages.first(where: { $0.page.name == name.value }) else { return [] }
        var warnings: [Diagnostic] = []
        let location = SourceLocation(path: page.page.path)
        if !page.anchors.contains(ConsentMarkup.formAnchor) {
            warnings.append(
                .warning(
                    .buildSettingsFormMissing, "the cookie policy has no settings form, so visitors without JavaScript cannot change their choice and the footer's \"Cookie settings\" link leads to the top of the page; add a ```consent-settings``` block to \(policy)",
                    at: location))
        }
        for category in edition.registry.categories where !category.necessary && !page.anchors.contains(ConsentScript.sectionAnchor(of: category)) {
            warnings.append(
                .warning(
                    .buildCategorySectionMissing, "the cookie settings link the category '\(category.id)' to its section of the cookie policy, but \(policy) has no heading '\(category.title)'; add one above that category's cookie tables, so the link does not lead to the top of the page",
                    at: category.location))
        }
        return warnings
    }

    private func checkServicesShown(_ shown: Set<String>, policy: String) -> [Diagnostic] {
        edition.registry.services.filter { !$0.cookies.isEmpty && !shown.contains($0.id) }.map { service in
            let count = service.cookies.flatMap(\.names).count
            return .warning(
                .buildServiceUnpublished, "the service '\(service.id)' (\(English.count(count, "cookie"))) is in no cookie table on any page, so the policy tells visitors less than the registry holds; add ```cookie-table service=\(service.id)``` to \(policy), or a table of its category",
                at: service.location)
        }
    }

    /// Every link of these pages that leads nowhere, as errors at the link's position.
    public func checkLinks(of pages: [RenderedPage]) -> [Diagnostic] {
        let checker = linkChecker(pages: pages)
        // Pages are checked on all cores; the results come back in page order.
        return parallelMap(count: pages.count) { index in
            pages[index].links.compactMap { checker.check($0, onPage: pages[index].page.urlPath) }
        }.flatMap { $0 }
    }

    /// A checker for links between these pages, given every page's anchors.
    func linkChecker(pages: [RenderedPage]) -> LinkChecker {
        LinkChecker(
            anchors: Dictionary(pages.map { ($0.page.urlPath, $0.anchors) }, uniquingKeysWith: { first, _ in first }),
            titles: Dictionary(pages.map { ($0.page.urlPath, $0.page.frontMatter.title) }, uniquingKeysWith: { first, _ in first }),
            files: Set(siteFiles.map(\.path)))
    }

    /// `sitemap.xml` (with `baseURL`) for the pages published in this edition's folder, and `robots.txt`
    /// when the site asks for one; a site's own file of that name in `static/` is published instead.
    private static func searchFiles(of site: Site, _ edition: Edition) -> [OutputFile] {
        guard let baseURL = edition.config.baseURL else { return [] }
        let together = edition.placement.isSeparate ? [edition] : site.editions.filter { !$0.placement.isSeparate }
        var files: [OutputFile] = []
        if site.staticFiles["sitemap.xml"] == nil { files.append(.text("sitemap.xml", Sitemap(editions: together, alternates: site.alternates).xml())) }
        if edition.config.robots, site.staticFiles["robots.txt"] == nil { files.append(.text("robots.txt", Sitemap.robots(baseURL: baseURL))) }
        return files
    }

    /// `cookies.json` and `cookies.csv`, the registry for machines and spreadsheets.
    private static func declarations(site: Site, _ edition: Edition, context: RenderContext, log: inout DiagnosticLog) -> [OutputFile] {
        var files: [OutputFile] = []
        do {
            var declaration = CookieDeclarationJSON(
                registry: edition.registry, config: edition.config,
                translations: edition.placement.isDefault ? site.editions.dropFirst().map { ($0.registry, $0.config) } : [])
            declaration.records = RecordDeclarationJSON(accessibility: edition.accessibility, processing: edition.processing, changes: edition.changes)
            let json = try declaration.encoded()
            files.append(OutputFile(path: "cookies.json", contents: .data(json)))
        } catch {
            log.error(.outputDeclarationFailed, "could not write cookies.json: \(error)", at: nil)
        }
        let headings = Dictionary(uniqueKeysWithValues: CookieDeclarationCSV.columns.map { ($0, context.text("declaration.csv.\($0)")) })
        files.append(.text("cookies.csv", CookieDeclarationCSV(registry: edition.registry, headings: headings).text()))
        return files
    }
}

extension String {
    /// Whether a `/` follows `prefix` (which the string starts with): the path is in a folder below it.
    fileprivate func contains(_ character: Character, after prefix: String) -> Bool {
        dropFirst(prefix.count).contains(character)
    }
}

/// One page as rendered: its file, its problems, and its links and anchors for the link check.
public struct RenderedPage: Sendable {
    public var page: PageSource
    public var file: OutputFile?
    public var diagnostics: [Diagnostic]
    public var links: [PageLink]
    /// The ids other pages may link to (`#section`).
    public var anchors: Set<String>
    /// The registry services whose cookies the page's tables show.
    public var shownServices: Set<String> = []
    /// The parts of statements and notices the page's blocks show (`accessibility-statement:contact`).
    public var shownParts: Set<String> = []
    /// Whether the page has the site's own Cookie settings control (`consent.settingsLink`).
    public var carriesSettingsLink = true
}
