public import Foundation

/// Loads a site folder (`site.yaml`, `registry.yaml`, `pages/`, optional `themes/` and `static/`) and
/// checks everything that can be checked before rendering, reporting all problems at once.
public struct SiteLoader: Sendable {
    public static let configFileName = "site.yaml"
    public static let registryFileName = "registry.yaml"
    public static let pagesFolderName = "pages"
    public static let themesFolderName = "themes"
    public static let staticFolderName = "static"

    public var directory: URL
    /// Folders holding built-in themes, searched after the site's own `themes/`.
    public var themeSearchPaths: [URL]
    public var paths: DisplayPaths
    /// The keys of the texts the code shows, which the theme (or the site) must have: the pipeline's
    /// (`SiteBuilder.requiredTexts`), known above this layer.
    public var requiredTexts: [String]

    public init(directory: URL, themeSearchPaths: [URL], paths: DisplayPaths = DisplayPaths(), requiredTexts: [String]) {
        self.directory = directory.standardizedFileURL
        self.themeSearchPaths = themeSearchPaths
        self.paths = paths
        self.requiredTexts = requiredTexts
    }

    /// The loaded site, and the warnings found; throws ``BuildFailure`` with every diagnostic on errors.
    public func load() throws(BuildFailure) -> (site: Site, diagnostics: [Diagnostic]) {
        var log = DiagnosticLog()
        guard FileSystem.isDirectory(directory) else {
            throw BuildFailure(.error("there is no site folder at \(paths.display(directory)); run notice from the folder that holds content/, or give --site", at: nil))
        }
        let configFile = directory.appendingPathComponent(Self.configFileName)
        let config = readConfig(configFile, log: &log)
        let registry = readRegistry(log: &log)
        let pages = readPages(log: &log)

        var theme: Theme?
        if let config {
            let themeLocation = config.theme == "default" ? nil : SourceLocation(path: paths.display(configFile))
            let loader = ThemeLoader(
                searchPaths: [directory.appendingPathComponent(Self.themesFolderName)] + themeSearchPaths, paths: paths)
            theme = loader.load(named: config.theme, requestedAt: themeLocation, log: &log)
        }
        guard var config, let registry, let theme, !log.hasErrors else {
            throw BuildFailure(diagnostics: log.sorted)
        }
        let strings = theme.strings.merging(config.strings)
        if config.policyPage == nil, pages.contains(where: { $0.name == "cookies" }) {
            config.policyPage = Located("cookies", at: SourceLocation(path: paths.display(configFile)))
        }
        checkReferences(config: config, pages: pages, configFile: configFile, log: &log)
        checkConsentSettings(config: config, registry: registry, configFile: configFile, log: &log)
        checkStrings(strings, theme: theme, configFile: configFile, log: &log)
        if log.hasErrors { throw BuildFailure(diagnostics: log.sorted) }

        let declared = ConsentCookieDeclaration.declare(in: registry, settings: config.consent) { strings[$0] ?? $0 }
        var staticFiles: [String: URL] = [:]
        let staticFolder = directory.appendingPathComponent(Self.staticFolderName)
        for file in FileSystem.files(under: staticFolder) {
            staticFiles[FileSystem.relativePath(of: file, under: staticFolder)] = file
        }
        let site = Site(directory: directory, config: config, registry: declared, pages: pages, theme: theme,
                        strings: strings, staticFiles: staticFiles)
        return (site, log.sorted)
    }

    private func readConfig(_ file: URL, log: inout DiagnosticLog) -> SiteConfig? {
        guard let text = readRequired(file, what: "the site settings (title, language, theme)", log: &log) else { return nil }
        let reader = SiteConfigReader(file: SourceFile(path: paths.display(file), text: text))
        let config = reader.read()
        log.append(contentsOf: reader.reader.log.diagnostics)
        return config
    }

    private func readRegistry(log: inout DiagnosticLog) -> CookieRegistry? {
        let file = directory.appendingPathComponent(Self.registryFileName)
        guard let text = readRequired(file, what: "the cookie registry (categories, services and cookies)", log: &log) else { return nil }
        let reader = RegistryReader(file: SourceFile(path: paths.display(file), text: text))
        let registry = reader.read()
        log.append(contentsOf: reader.reader.log.diagnostics)
        return registry
    }

    /// Reads one page again (after an editor saved it), with its diagnostics.
    public func loadPage(at file: URL) -> (page: PageSource?, diagnostics: [Diagnostic]) {
        var log = DiagnosticLog()
        let folder = directory.appendingPathComponent(Self.pagesFolderName)
        let display = paths.display(file)
        guard let text = FileSystem.readText(file) else {
            log.error("this page could not be read; save it as UTF-8 text", at: SourceLocation(path: display))
            return (nil, log.sorted)
        }
        let name = PageSource.name(forRelativePath: FileSystem.relativePath(of: file, under: folder)) ?? ""
        let page = PageReader.read(name: name, file: SourceFile(path: display, text: text), log: &log)
        return (page, log.sorted)
    }

    private func readPages(log: inout DiagnosticLog) -> [PageSource] {
        let folder = directory.appendingPathComponent(Self.pagesFolderName)
        let files = FileSystem.files(under: folder).filter { $0.pathExtension == "md" }
        guard !files.isEmpty else {
            log.error("there are no pages: add Markdown files (ending in .md) to \(paths.display(folder))/", at: nil)
            return []
        }
        // Pages are read and their front matter parsed in parallel; results keep the files' order.
        let paths = self.paths
        let results = parallelMap(count: files.count) { index -> (PageSource?, [Diagnostic]) in
            let file = files[index]
            var pageLog = DiagnosticLog()
            let display = paths.display(file)
            var page: PageSource?
            if let text = FileSystem.readText(file) {
                let name = PageSource.name(forRelativePath: FileSystem.relativePath(of: file, under: folder)) ?? ""
                page = PageReader.read(name: name, file: SourceFile(path: display, text: text), log: &pageLog)
            } else {
                pageLog.error("this page could not be read; save it as UTF-8 text", at: SourceLocation(path: display))
            }
            return (page, pageLog.diagnostics)
        }
        var pages: [PageSource] = []
        var outputs: [String: String] = [:]
        for (page, diagnostics) in results {
            log.append(contentsOf: diagnostics)
            guard let page else { continue }
            if let other = outputs[page.outputPath] {
                log.error("this page and \(other) would both be written to \(page.outputPath); rename one of them", at: SourceLocation(path: page.path))
                continue
            }
            outputs[page.outputPath] = page.path
            pages.append(page)
        }
        return pages
    }

    private func readRequired(_ file: URL, what: String, log: inout DiagnosticLog) -> String? {
        let display = paths.display(file)
        guard FileSystem.isFile(file) else {
            log.error("\(display) is missing; it holds \(what). Is --site pointing at the right folder?", at: nil)
            return nil
        }
        guard let text = FileSystem.readText(file) else {
            log.error("this file could not be read; save it as UTF-8 text", at: SourceLocation(path: display))
            return nil
        }
        return text
    }

    /// Pages named in `site.yaml` (policy page, navigation) must exist.
    private func checkReferences(config: SiteConfig, pages: [PageSource], configFile: URL, log: inout DiagnosticLog) {
        let names = pages.map(\.name)
        func check(_ page: Located<String>, role: String) {
            guard !names.contains(page.value) else { return }
            var message = "\(role) is the page '\(page.value)', but there is no \(Self.pagesFolderName)/\(page.value).md"
            if let suggestion = Spelling.nearest(to: page.value, in: names) {
                message += "; did you mean '\(suggestion)'?"
            }
            log.error(message, at: page.location)
        }
        if let policy = config.policyPage { check(policy, role: "the cookie policy page") }
        if !names.contains("index") {
            log.warning("there is no home page (\(Self.pagesFolderName)/index.md), but every page's header and the 'page not found' page link to it; add \(Self.pagesFolderName)/index.md",
                        at: SourceLocation(path: paths.display(configFile)))
        }
        for link in config.navigation {
            if case .page(let page) = link.target { check(page, role: "the navigation link '\(link.title)'") }
        }
    }

    /// The consent script links to the policy page, and Consent Mode names real, optional categories.
    private func checkConsentSettings(config: SiteConfig, registry: CookieRegistry, configFile: URL, log: inout DiagnosticLog) {
        if config.policyPage == nil, registry.categories.contains(where: { !$0.necessary }) {
            log.error("the registry has optional cookies, so the consent banner must link to the cookie policy: add 'policyPage: NAME' (a page in \(Self.pagesFolderName)/) to site.yaml",
                      at: SourceLocation(path: paths.display(configFile)))
        }
        for mapping in config.consent.googleConsentMode {
            guard let category = registry.category(id: mapping.category.value) else {
                var message = "googleConsentMode names the category '\(mapping.category.value)', which the registry does not define"
                if let suggestion = Spelling.nearest(to: mapping.category.value, in: registry.categories.map(\.id)) {
                    message += "; did you mean '\(suggestion)'?"
                }
                log.error(message, at: mapping.category.location)
                continue
            }
            if category.necessary {
                log.error("'\(category.id)' is strictly necessary and always allowed; list only optional categories under googleConsentMode", at: mapping.category.location)
            }
        }
    }

    /// Every text the code asks for must be in the theme (or the site), so no key leaks onto a page.
    private func checkStrings(_ strings: Strings, theme: Theme, configFile: URL, log: inout DiagnosticLog) {
        let settings = SourceLocation(path: paths.display(configFile))
        for key in requiredTexts where strings[key] == nil {
            if case .list? = strings.values[key] {
                log.error("the text '\(key)' should be a single text, but it is a list; write it after the colon, in quotes if it has special characters",
                          at: strings.locations[key] ?? settings)
            } else {
                log.error("the theme '\(theme.name)' has no text '\(key)'; add it to its strings.yaml or to 'strings' in site.yaml", at: settings)
            }
        }
        let months = "date.months"
        switch strings.values[months] {
        case .list(let names)? where names.count == 12:
            break
        case .list(let names)?:
            log.error("the text '\(months)' should be a list of the 12 month names, January to December, but it has \(names.count)",
                      at: strings.locations[months] ?? settings)
        case .text?:
            log.error("the text '\(months)' should be a list of the 12 month names, January to December, but it is a single text",
                      at: strings.locations[months] ?? settings)
        case nil:
            log.error("the theme '\(theme.name)' has no text '\(months)'; add the 12 month names to its strings.yaml or to 'strings' in site.yaml", at: settings)
        }
    }
}
