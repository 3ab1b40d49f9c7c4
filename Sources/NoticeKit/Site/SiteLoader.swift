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
    /// What the pipeline asks of the theme (`SiteBuilder.themeContract`, known above this layer): the
    /// texts its code shows, and the names each template it renders gets.
    public var contract: ThemeContract
    /// An address that replaces `baseURL` from site.yaml (`--base-url`).
    public var baseURL: String?
    /// The day records are checked against (a review more than a year old, a fix date gone by).
    public var today: CalendarDate = .today

    public init(directory: URL, themeSearchPaths: [URL], paths: DisplayPaths = DisplayPaths(), contract: ThemeContract) {
        self.directory = directory.standardizedFileURL
        self.themeSearchPaths = themeSearchPaths
        self.paths = paths
        self.contract = contract
    }

    /// The loaded site, and the warnings found; throws ``BuildFailure`` with every diagnostic on errors.
    ///
    /// Three stages, one way: read the files (``SiteReader``), plan each language's edition
    /// (``EditionPlanner``), check what the settings name (``SiteSettingsChecks``).
    public func load() throws(BuildFailure) -> (site: Site, diagnostics: [Diagnostic]) {
        var log = DiagnosticLog()
        guard FileSystem.isDirectory(directory) else {
            throw BuildFailure(.error(.siteFolderMissing, "there is no site folder at \(paths.display(directory)); run notice from your site's folder (the one that holds site.yaml), or give --site", at: nil))
        }
        let reader = SiteReader(directory: directory, paths: paths)
        let configFile = directory.appendingPathComponent(Self.configFileName)
        var config = reader.readConfig(configFile, log: &log)
        if let baseURL {
            if let address = URLPolicy.siteAddress(baseURL) {
                config?.baseURL = address
            } else {
                log.error(.siteBaseUrlInvalid, "--base-url should be a full http or https address, such as https://staging.example.gov.uk, not '\(baseURL)'", at: nil)
            }
        }
        // The registry's errors do not stop the loading: the pages are still rendered, so that one run
        // reports the registry's problems and the pages' together (the build fails all the same).
        var registryLog = DiagnosticLog()
        let loadedRegistry = reader.readRegistry(grammars: DurationGrammar.forLanguage(config?.languages.first?.code ?? "en"), log: &registryLog)
        let pages = reader.readPages(log: &log)
        var theme: Theme?
        if let config { theme = try loadTheme(config, configFile: configFile, log: &log) }
        guard var config, let theme, !log.hasErrors else {
            log.append(contentsOf: registryLog.diagnostics)
            throw BuildFailure(diagnostics: log.sorted)
        }
        let registryIsComplete = loadedRegistry != nil && !registryLog.hasErrors
        log.append(contentsOf: registryLog.diagnostics)
        let registry = loadedRegistry ?? CookieRegistry(categories: [], services: [])
        let staticFiles = reader.readStaticFiles()
        let accessibilityRead = reader.readRecord(AccessibilityRecordReader.self, log: &log)
        let accessibility = accessibilityRead?.record
        if let accessibility { AccessibilityRecordChecks(today: today).check(accessibility, log: &log) }
        let processingRead = reader.readRecord(ProcessingRecordReader.self, log: &log)
        let processing = processingRead?.record
        let changesRead = reader.readRecord(ChangeHistoryReader.self, log: &log)
        let changes = changesRead?.record
        if let changes, loadedRegistry != nil, !registryLog.hasErrors {
            ChangeHistoryChecks(registry: registry, processing: processing, pages: pages, policyPage: config.policyPage?.value ?? "cookies")
                .check(changes, log: &log)
        }

        let planner = EditionPlanner(paths: paths)
        let checks = SiteSettingsChecks(directory: directory, paths: paths, contract: contract, configFile: configFile)
        let byLanguage = planner.sortByLanguage(pages, languages: config.languages, log: &log)
        let defaultPages = byLanguage.first ?? []
        if config.policyPage == nil, defaultPages.contains(where: { $0.name == "cookies" }) {
            config.policyPage = Located("cookies", at: SourceLocation(path: paths.display(configFile)))
        }
        checks.checkReferences(config: config, pages: defaultPages, log: &log)
        if registryIsComplete { checks.checkConsentSettings(config: config, registry: registry, log: &log) }
        checks.checkLanguages(config: config, log: &log)
        checks.checkWrapperShown(config: config, theme: theme, log: &log)
        checks.warnAboutUnusedTranslations(languages: config.languages, log: &log)

        var editions: [Edition] = []
        var fragments: [String: String?] = [:]
        for (index, language) in config.languages.enumerated() {
            var settings = config.settings(for: language)
            settings.wrapper = reader.loadWrapper(settings.wrapper, read: &fragments, log: &log)
            if index > 0, language.navigation == nil { settings.navigation = planner.navigation(settings.navigation, in: byLanguage[index]) }
            let strings = planner.languageStrings(for: language, isDefault: index == 0, theme: theme, settings: settings, configFile: configFile, log: &log)
            checks.checkStrings(strings, theme: theme, log: &log)
            if index == 0 {
                theme.checkTemplates(against: contract, strings: strings, pageTemplates: Set(pages.map(\.frontMatter.template)), log: &log)
            }
            let worded = reader.translatedRegistry(registry, into: language, isDefault: index == 0, log: &log)
            if index > 0 || !settings.consent.lifetimeWritten, let lifetime = strings["consent.cookie.lifetime"] {
                settings.consent.lifetimeText = Placeholders.fill(lifetime, ["days": String(settings.consent.lifetimeDays)])
            }
            let declared = ConsentCookieDeclaration.declare(in: worded, settings: settings.consent) { strings[$0] ?? $0 }
            var edition = Edition(
                language: language, config: settings, registry: declared, strings: strings, pages: byLanguage[index],
                placement: EditionPlacement(of: language, in: config))
            edition.accessibility = accessibilityRead.map { read in
                index == 0 ? read.record : reader.translatedRecord(AccessibilityRecordReader.self, from: read.source, into: language, log: &log) ?? read.record
            }
            edition.processing = processingRead.map { read in
                index == 0 ? read.record : reader.translatedRecord(ProcessingRecordReader.self, from: read.source, into: language, log: &log) ?? read.record
            }
            // A history with no notes of its own has no words to translate.
            edition.changes = changesRead.map { read in
                let hasNotes = read.record.entries.contains { $0.note != nil }
                return index == 0 || !hasNotes ? read.record : reader.translatedRecord(ChangeHistoryReader.self, from: read.source, into: language, log: &log) ?? read.record
            }
            editions.append(edition)
        }
        // Errors in the registry or its translations leave the pages to be rendered and checked too.
        let registryFiles = Set(
            FileTree.children(of: directory.path).map(\.name).filter { $0.hasPrefix("registry.") && $0.hasSuffix(".yaml") }
                .map { paths.display(directory.appendingPathComponent($0)) })
        if log.diagnostics.contains(where: { $0.severity == .error && !registryFiles.contains($0.location?.path ?? "") }) {
            throw BuildFailure(diagnostics: log.sorted)
        }
        var site = Site(directory: directory, theme: theme, staticFiles: staticFiles, editions: editions)
        site.alternates = planner.alternates(of: editions, theme: theme)
        site.accessibility = accessibility
        site.processing = processing
        site.changes = changes
        site.registryIsComplete = registryIsComplete && !log.hasErrors
        return (site, log.sorted)
    }

    /// The site's theme, with the site's own `themes/` laid over the built-in ones; a missing built-in
    /// theme is Notice's installation's fault, not the site's.
    private func loadTheme(_ config: SiteConfig, configFile: URL, log: inout DiagnosticLog) throws(BuildFailure) -> Theme? {
        if config.theme == "default", !themeSearchPaths.contains(where: { FileSystem.isDirectory($0.appendingPathComponent("default")) }),
            !FileSystem.isFile(directory.appendingPathComponent("\(Self.themesFolderName)/default/templates/page.mustache"))
        {
            let looked = themeSearchPaths.isEmpty ? "beside the notice program" : themeSearchPaths.map { paths.display($0) }.joined(separator: ", ")
            throw BuildFailure(
                .error(
                    .siteBuiltinThemesMissing, "Notice's built-in themes were not found (looked \(themeSearchPaths.isEmpty ? "" : "in ")\(looked)); this is a problem with how Notice is installed, not with your site: install it with 'make install' (which puts the themes in PREFIX/share/notice/themes), keep the notice program beside its themes, or set NOTICE_THEMES to the themes folder",
                    at: nil))
        }
        let themeLocation = config.theme == "default" ? nil : SourceLocation(path: paths.display(configFile))
        let loader = ThemeLoader(searchPaths: [directory.appendingPathComponent(Self.themesFolderName)] + themeSearchPaths, paths: paths)
        return loader.load(named: config.theme, requestedAt: themeLocation, log: &log)
    }

    /// A site of one registry file and nothing else, for auditing a site not built with Notice
    /// (`notice audit --url ADDRESS --registry FILE`): no pages, the built-in theme and its English texts.
    public static func registryOnly(_ file: URL, title: String, themeSearchPaths: [URL], paths: DisplayPaths = DisplayPaths()) throws(BuildFailure) -> Site {
        let folder = file.deletingLastPathComponent()
        var log = DiagnosticLog()
        var registry: CookieRegistry?
        guard FileSystem.isFile(file) else {
            throw BuildFailure(.error(.siteFileMissing, "there is no registry file at \(paths.display(file)); check --registry", at: nil))
        }
        if let text = SiteReader(directory: folder, paths: paths).readRequired(file, what: "the cookie registry (categories, services and cookies)", log: &log) {
            let reader = RegistryReader(file: SourceFile(path: paths.display(file), text: text), grammars: DurationGrammar.forLanguage("en"))
            registry = reader.read()
            log.append(contentsOf: reader.reader.log.diagnostics)
        }
        let theme = ThemeLoader(searchPaths: themeSearchPaths, paths: paths).load(named: "default", requestedAt: nil, log: &log)
        guard let registry, let theme, !log.hasErrors else { throw BuildFailure(diagnostics: log.sorted) }
        let config = SiteConfig(title: title)
        let edition = Edition(
            language: config.languages[0], config: config, registry: registry, strings: theme.strings, pages: [],
            placement: EditionPlacement(of: config.languages[0], in: config))
        return Site(directory: folder, theme: theme, staticFiles: [:], editions: [edition])
    }

    /// Reads one page again (after an editor saved it), with its diagnostics.
    public func loadPage(at file: URL) -> (page: PageSource?, diagnostics: [Diagnostic]) {
        SiteReader(directory: directory, paths: paths).readPage(at: file)
    }
}
