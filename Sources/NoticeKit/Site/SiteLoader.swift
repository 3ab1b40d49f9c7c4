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

    public init(directory: URL, themeSearchPaths: [URL], paths: DisplayPaths = DisplayPaths(), contract: ThemeContract) {
        self.directory = directory.standardizedFileURL
        self.themeSearchPaths = themeSearchPaths
        self.paths = paths
        self.contract = contract
    }

    /// The loaded site, and the warnings found; throws ``BuildFailure`` with every diagnostic on errors.
    public func load() throws(BuildFailure) -> (site: Site, diagnostics: [Diagnostic]) {
        var log = DiagnosticLog()
        guard FileSystem.isDirectory(directory) else {
            throw BuildFailure(.error(.siteFolderMissing, "there is no site folder at \(paths.display(directory)); run notice from your site's folder (the one that holds site.yaml), or give --site", at: nil))
        }
        let configFile = directory.appendingPathComponent(Self.configFileName)
        var config = readConfig(configFile, log: &log)
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
        let loadedRegistry = readRegistry(grammars: DurationGrammar.forLanguage(config?.languages.first?.code ?? "en"), log: &registryLog)
        let pages = readPages(log: &log)

        var theme: Theme?
        if let config, config.theme == "default", !themeSearchPaths.contains(where: { FileSystem.isDirectory($0.appendingPathComponent("default")) }),
            !FileSystem.isFile(directory.appendingPathComponent("\(Self.themesFolderName)/default/templates/page.mustache"))
        {
            // The built-in theme is part of Notice, not of the site: when it is missing, Notice is not
            // installed completely, and the site's settings are not to blame.
            let looked = themeSearchPaths.isEmpty ? "beside the notice program" : themeSearchPaths.map { paths.display($0) }.joined(separator: ", ")
            throw BuildFailure(
                .error(
                    .siteBuiltinThemesMissing, "Notice's built-in themes were not found (looked \(themeSearchPaths.isEmpty ? "" : "in ")\(looked)); this is a problem with how Notice is installed, not with your site: install it with 'make install' (which puts the themes in PREFIX/share/notice/themes), keep the notice program beside its themes, or set NOTICE_THEMES to the themes folder",
                    at: nil))
        }
        if let config {
            let themeLocation = config.theme == "default" ? nil : SourceLocation(path: paths.display(configFile))
            let loader = ThemeLoader(
                searchPaths: [directory.appendingPathComponent(Self.themesFolderName)] + themeSearchPaths, paths: paths)
            theme = loader.load(named: config.theme, requestedAt: themeLocation, log: &log)
        }
        guard var config, let theme, !log.hasErrors else {
            log.append(contentsOf: registryLog.diagnostics)
            throw BuildFailure(diagnostics: log.sorted)
        }
        let registryIsComplete = loadedRegistry != nil && !registryLog.hasErrors
        log.append(contentsOf: registryLog.diagnostics)
        let registry = loadedRegistry ?? CookieRegistry(categories: [], services: [])
        let byLanguage = sortByLanguage(pages, languages: config.languages, log: &log)
        let defaultPages = byLanguage.first ?? []
        if config.policyPage == nil, defaultPages.contains(where: { $0.name == "cookies" }) {
            config.policyPage = Located("cookies", at: SourceLocation(path: paths.display(configFile)))
        }
        checkReferences(config: config, pages: defaultPages, configFile: configFile, log: &log)
        if registryIsComplete { checkConsentSettings(config: config, registry: registry, configFile: configFile, log: &log) }
        checkLanguages(config: config, configFile: configFile, log: &log)
        // A header and footer the theme never shows would be dropped silently.
        if let written = ([config.wrapper] + config.languages.compactMap(\.wrapper)).first(where: { !$0.isEmpty }),
            !theme.library.usesName(startingWith: "wrapper")
        {
            log.warning(
                .siteWrapperUnused, "the theme '\(theme.name)' does not show the site's own header, footer or stylesheets ('wrapper'); use 'theme: plain', which does, or add {{{wrapper.header}}} and {{{wrapper.footer}}} to the theme's page template",
                at: (written.header ?? written.footer ?? written.stylesheets.first)?.location ?? SourceLocation(path: paths.display(configFile)))
        }
        warnAboutUnusedTranslations(languages: config.languages, log: &log)
        var staticFiles: [String: URL] = [:]
        let staticFolder = directory.appendingPathComponent(Self.staticFolderName)
        for file in FileSystem.files(under: staticFolder) {
            staticFiles[FileSystem.relativePath(of: file, under: staticFolder)] = file
        }

        var editions: [Site] = []
        var alternates = PageAlternates()
        var fragments: [String: String?] = [:]
        for (index, language) in config.languages.enumerated() {
            var settings = config.settings(for: language)
            settings.wrapper = loadWrapper(settings.wrapper, read: &fragments, log: &log)
            if index > 0, language.navigation == nil {
                // The site's navigation, each page link titled as its translation is.
                settings.navigation = settings.navigation.map { link in
                    guard case .page(let name) = link.target, let page = byLanguage[index].first(where: { $0.name == name.value }) else { return link }
                    return NavigationLink(title: page.frontMatter.title, target: link.target)
                }
            }
            let strings = languageStrings(for: language, isDefault: index == 0, theme: theme, settings: settings, configFile: configFile, log: &log)
            checkStrings(strings, theme: theme, configFile: configFile, log: &log)
            if index == 0 {
                theme.checkTemplates(against: contract, strings: strings, pageTemplates: Set(pages.map(\.frontMatter.template)), log: &log)
            }
            let worded = translatedRegistry(registry, into: language, isDefault: index == 0, log: &log)
            if index > 0 || !settings.consent.lifetimeWritten, let lifetime = strings["consent.cookie.lifetime"] {
                settings.consent.lifetimeText = Placeholders.fill(lifetime, ["days": String(settings.consent.lifetimeDays)])
            }
            let declared = ConsentCookieDeclaration.declare(in: worded, settings: settings.consent) { strings[$0] ?? $0 }
            var edition = Site(
                directory: directory, config: settings, registry: declared, pages: byLanguage[index], theme: theme,
                strings: strings, staticFiles: staticFiles, language: language)
            edition.registryIsComplete = registryIsComplete
            for page in edition.pages {
                alternates.add(
                    PageAlternates.Version(
                        language: language, urlPath: page.urlPath, title: page.frontMatter.title,
                        name: languageName(language, isDefault: index == 0, theme: theme, strings: strings, settings: settings),
                        baseURL: settings.baseURL,
                        isSeparate: edition.isSeparate), for: page.name)
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
        if log.hasErrors {
            for index in editions.indices { editions[index].registryIsComplete = false }
        }
        for index in editions.indices { editions[index].alternates = alternates }
        var site = editions[0]
        site.translations = Array(editions.dropFirst())
        return (site, log.sorted)
    }

    /// A site of one registry file and nothing else, for auditing a site not built with Notice
    /// (`notice audit --url ADDRESS --registry FILE`): no pages, the built-in theme and its English texts.
    public static func registryOnly(_ file: URL, title: String, themeSearchPaths: [URL], paths: DisplayPaths = DisplayPaths()) throws(BuildFailure) -> Site {
        let folder = file.deletingLastPathComponent()
        let loader = SiteLoader(directory: folder, themeSearchPaths: themeSearchPaths, paths: paths, contract: .none)
        var log = DiagnosticLog()
        var registry: CookieRegistry?
        guard FileSystem.isFile(file) else {
            throw BuildFailure(.error(.siteFileMissing, "there is no registry file at \(paths.display(file)); check --registry", at: nil))
        }
        if let text = loader.readRequired(file, what: "the cookie registry (categories, services and cookies)", log: &log) {
            let reader = RegistryReader(file: SourceFile(path: paths.display(file), text: text), grammars: DurationGrammar.forLanguage("en"))
            registry = reader.read()
            log.append(contentsOf: reader.reader.log.diagnostics)
        }
        let theme = ThemeLoader(searchPaths: themeSearchPaths, paths: paths).load(named: "default", requestedAt: nil, log: &log)
        guard let registry, let theme, !log.hasErrors else { throw BuildFailure(diagnostics: log.sorted) }
        let config = SiteConfig(title: title)
        return Site(
            directory: folder, config: config, registry: registry, pages: [], theme: theme, strings: theme.strings,
            staticFiles: [:], language: config.languages[0])
    }

    /// The pages of each language, in the order of `languages`: a page is in a language by its file name
    /// (`cookies.cy.md`), translates the page of the same name (or the one `translationOf` names), and
    /// has its address in its language's folder (`cy/cookies/`, or `cy/cwcis/` with `slug: cwcis`).
    /// A page missing in a language is a warning at the default language's page.
    private func sortByLanguage(_ pages: [PageSource], languages: [SiteLanguage], log: inout DiagnosticLog) -> [[PageSource]] {
        var sorted = Array(repeating: [PageSource](), count: languages.count)
        for var page in pages {
            let index = languages.indices.dropFirst().first { page.name.lowercased().hasSuffix(languages[$0].fileSuffix.lowercased()) } ?? 0
            let language = languages[index]
            page.language = language.code
            if index > 0 {
                var path = String(page.name.dropLast(language.fileSuffix.count))
                page.name = page.frontMatter.translationOf?.value ?? path
                if let slug = page.frontMatter.slug?.value {
                    path = (path as NSString).deletingLastPathComponent
                    path = path.isEmpty ? slug : path + "/" + slug
                }
                let prefix = language.baseURL == nil ? language.path + "/" : ""
                page.urlPath = prefix + PageSource.urlPath(forPage: path)
            } else if let slug = page.frontMatter.slug {
                log.warning(
                    .pageSlugUnused, "'slug' changes the address of a translated page (such as cookies.cy.md); this page's address comes from its file name, so rename the file instead",
                    at: slug.location)
            }
            if index == 0, let translationOf = page.frontMatter.translationOf {
                log.error(
                    .pageTranslationOfMisplaced, "'translationOf' is for pages in another language (such as cookies.cy.md); this page is in the default language, so remove it",
                    at: translationOf.location)
            }
            sorted[index].append(page)
        }
        // Two pages for one file of the output: checked once each page's address is known.
        var outputs: [String: String] = [:]
        for index in languages.indices {
            let folder = index > 0 && languages[index].baseURL != nil ? languages[index].path + "/" : ""
            sorted[index] = sorted[index].filter { page in
                let output = folder + page.outputPath
                if let other = outputs[output] {
                    log.error(.pageOutputClash, "this page and \(other) would both be written to \(output); rename one of them", at: SourceLocation(path: page.path))
                    return false
                }
                outputs[output] = page.path
                return true
            }
        }
        let defaultNames = Set(sorted[0].map(\.name))
        for index in languages.indices.dropFirst() {
            let language = languages[index]
            var seen: [String: String] = [:]
            for page in sorted[index] {
                if let other = seen[page.name] {
                    log.error(
                        .pageTranslationDuplicate, "this page and \(other) are both the '\(language.code)' version of \(Self.pagesFolderName)/\(page.name).md; keep one, or point 'translationOf' at another page",
                        at: SourceLocation(path: page.path))
                }
                seen[page.name] = page.path
                guard !defaultNames.contains(page.name) else { continue }
                if let translationOf = page.frontMatter.translationOf {
                    log.error(
                        .pageTranslationOfUnknown,
                        "'translationOf' names the page '\(translationOf.value)', but there is no \(Self.pagesFolderName)/\(translationOf.value).md"
                            + Spelling.suggestion(for: translationOf.value, in: Array(defaultNames)),
                        at: translationOf.location)
                } else {
                    log.warning(
                        .pageOriginalMissing, "this '\(language.code)' page has no original in the default language (\(Self.pagesFolderName)/\(page.name).md), so no language switch leads to it; add that page, or name the page it translates with 'translationOf'",
                        at: SourceLocation(path: page.path))
                }
            }
            for page in sorted[0] where seen[page.name] == nil {
                log.warning(
                    .pageTranslationMissing, "this page has no '\(language.code)' version (\(Self.pagesFolderName)/\(page.name)\(language.fileSuffix).md), so its language switch leaves that language out; add the translation",
                    at: SourceLocation(path: page.path))
            }
        }
        return sorted
    }

    /// The wrapper's header and footer read from the site folder and checked (each file once, however
    /// many languages share it).
    private func loadWrapper(_ wrapper: WrapperSettings, read fragments: inout [String: String?], log: inout DiagnosticLog) -> WrapperSettings {
        var wrapper = wrapper
        func load(_ path: Located<String>?) -> String? {
            guard let path else { return nil }
            if let known = fragments[path.value] { return known }
            let file = directory.appendingPathComponent(path.value)
            let display = paths.display(file)
            guard FileSystem.isFile(file), let text = FileSystem.readText(file) else {
                log.error(.siteWrapperFileMissing, "there is no readable \(display) (UTF-8 text); write the site's own \(path.value.contains("footer") ? "footer" : "header") there, or correct the path", at: path.location)
                fragments[path.value] = .some(nil)
                return nil
            }
            WrapperFragmentCheck.check(text, file: display, log: &log)
            fragments[path.value] = text
            return text
        }
        wrapper.headerHTML = load(wrapper.header)
        wrapper.footerHTML = load(wrapper.footer)
        return wrapper
    }

    /// The language's name in itself, for language switches: from its own texts only (never the
    /// English ones laid under them), else its tag.
    private func languageName(_ language: SiteLanguage, isDefault: Bool, theme: Theme, strings: Strings, settings: SiteConfig) -> String {
        if isDefault { return strings["language.name"] ?? language.code }
        return settings.strings["language.name"] ?? theme.ownStrings(for: language.code)?["language.name"] ?? language.code
    }

    /// The theme's texts in the language (English when it has none, with a warning), with the site's.
    private func languageStrings(
        for language: SiteLanguage, isDefault: Bool, theme: Theme, settings: SiteConfig, configFile: URL,
        log: inout DiagnosticLog
    ) -> Strings {
        var base = theme.strings
        if let own = theme.ownStrings(for: language.code) {
            base = theme.strings.merging(own)
            let missing = theme.strings.values.keys.filter { own.values[$0] == nil && settings.strings.values[$0] == nil }.sorted()
            if !missing.isEmpty {
                log.warning(
                    .siteStringsIncomplete, "the theme '\(theme.name)' lacks \(English.count(missing.count, "text")) in '\(language.code)' (\(missing.prefix(3).joined(separator: ", "))\(missing.count > 3 ? ", …" : "")), which its pages show in English; add them to its strings.\(language.primary).yaml or to the language's 'strings' in site.yaml",
                    at: language.location ?? SourceLocation(path: paths.display(configFile)))
            }
        } else if !isDefault, language.primary != "en" {
            log.warning(
                .siteStringsUntranslated, "the theme '\(theme.name)' has no texts in '\(language.code)' (strings.\(language.primary).yaml), so its pages in that language show the theme's English; add that file to the theme, or the texts to the language's 'strings' in site.yaml",
                at: language.location ?? SourceLocation(path: paths.display(configFile)))
        }
        return base.merging(settings.strings)
    }

    /// The registry in a language's words, from `registry.LANG.yaml` beside `registry.yaml`. The first
    /// language's words are registry.yaml's own unless such a file gives them (a Welsh-only site may keep
    /// registry.yaml in English and its published words in registry.cy.yaml).
    private func translatedRegistry(
        _ registry: CookieRegistry, into language: SiteLanguage, isDefault: Bool,
        log: inout DiagnosticLog
    ) -> CookieRegistry {
        let candidates = Self.registryTranslationNames(for: language).map { directory.appendingPathComponent($0) }
        let file = candidates.first(where: FileSystem.isFile) ?? candidates[1]
        let display = paths.display(file)
        guard FileSystem.isFile(file) else {
            if isDefault { return registry }
            log.warning(
                .siteRegistryTranslationMissing, "there is no \(display), so the '\(language.code)' pages show the registry's texts (titles, purposes, durations) as registry.yaml writes them; add \(display) with their translations",
                at: language.location ?? SourceLocation(path: paths.display(directory.appendingPathComponent(Self.registryFileName))))
            return registry
        }
        guard let text = FileSystem.readText(file) else {
            log.error(.siteFileUnreadable, "this file could not be read; save it as UTF-8 text", at: SourceLocation(path: display))
            return registry
        }
        let reader = RegistryTranslationReader(file: SourceFile(path: display, text: text))
        let translation = reader.read(for: registry)
        log.append(contentsOf: reader.reader.log.diagnostics)
        return translation?.apply(
            to: registry, languageName: "'\(language.code)'", file: display,
            grammars: DurationGrammar.forLanguage(language.code).filter { $0.language == language.primary }, log: &log) ?? registry
    }

    /// The file names a language's registry words may have: `registry.cy.yaml`, `registry.en-GB.yaml`.
    static func registryTranslationNames(for language: SiteLanguage) -> [String] {
        [language.code, language.code.lowercased(), language.primary].map { "registry.\($0).yaml" }
    }

    /// A `registry.LANG.yaml` that none of the site's languages reads is a warning naming it: its words
    /// are published nowhere.
    private func warnAboutUnusedTranslations(languages: [SiteLanguage], log: inout DiagnosticLog) {
        let used = Set(languages.flatMap { Self.registryTranslationNames(for: $0).map { $0.lowercased() } })
        let files = FileTree.children(of: directory.path).filter { !$0.isFolder }.map(\.name).sorted()
        for file in files where file.hasPrefix("registry.") && file.hasSuffix(".yaml") && file != Self.registryFileName {
            guard !used.contains(file.lowercased()) else { continue }
            let codes = languages.map(\.code).joined(separator: ", ")
            log.warning(
                .siteRegistryTranslationUnused, "\(file) gives the registry's words in a language this site is not published in (its languages: \(codes)), so no page shows them; add the language to 'languages' in site.yaml, or remove the file",
                at: SourceLocation(path: paths.display(directory.appendingPathComponent(file))))
        }
    }

    /// A language with an address of its own is linked to (and links back) by full addresses, which
    /// need the site's own address too.
    private func checkLanguages(config: SiteConfig, configFile: URL, log: inout DiagnosticLog) {
        guard config.baseURL == nil, let separate = config.languages.first(where: { $0.baseURL != nil }) else { return }
        log.error(
            .siteBaseUrlMissing, "the language '\(separate.code)' has an address of its own, so the languages link to each other by full addresses; give the site's 'baseURL' too",
            at: separate.location ?? SourceLocation(path: paths.display(configFile)))
    }

    private func readConfig(_ file: URL, log: inout DiagnosticLog) -> SiteConfig? {
        guard let text = readRequired(file, what: "the site settings (title, language, theme)", log: &log) else { return nil }
        let reader = SiteConfigReader(file: SourceFile(path: paths.display(file), text: text))
        let config = reader.read()
        log.append(contentsOf: reader.reader.log.diagnostics)
        return config
    }

    private func readRegistry(grammars: [DurationGrammar], log: inout DiagnosticLog) -> CookieRegistry? {
        let file = directory.appendingPathComponent(Self.registryFileName)
        guard let text = readRequired(file, what: "the cookie registry (categories, services and cookies)", log: &log) else { return nil }
        let reader = RegistryReader(file: SourceFile(path: paths.display(file), text: text), grammars: grammars)
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
            log.error(.pageFileUnreadable, "this page could not be read; save it as UTF-8 text", at: SourceLocation(path: display))
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
            log.error(.sitePagesMissing, "there are no pages: add Markdown files (ending in .md) to \(paths.display(folder))/", at: nil)
            return []
        }
        // Pages are read and their front matter parsed in parallel; results keep the files' order.
        let paths = self.paths
        let results = parallelMap(count: files.count) { index -> (PageSource?, [Diagnostic]) in
            let file = files[index]
            var pageLog = DiagnosticLog()
            let display = paths.display(file)
            var page: PageSource?
            let relative = FileSystem.relativePath(of: file, under: folder)
            if let problem = Self.addressProblem(ofPagePath: relative) {
                pageLog.error(.pageFileNameInvalid, problem, at: SourceLocation(path: display))
            } else if let text = FileSystem.readText(file) {
                let name = PageSource.name(forRelativePath: relative) ?? ""
                page = PageReader.read(name: name, file: SourceFile(path: display, text: text), log: &pageLog)
            } else {
                pageLog.error(.pageFileUnreadable, "this page could not be read; save it as UTF-8 text", at: SourceLocation(path: display))
            }
            return (page, pageLog.diagnostics)
        }
        var pages: [PageSource] = []
        for (page, diagnostics) in results {
            log.append(contentsOf: diagnostics)
            if let page { pages.append(page) }
        }
        return pages
    }

    /// Why a page's file name cannot become its address, or `nil`: its address is its path, so a space,
    /// `#`, `?`, `%`, a control character or a name too long for a folder would break links, the sitemap
    /// or the build's own writing.
    static func addressProblem(ofPagePath path: String) -> String? {
        let unsafe: Set<Character> = [" ", "#", "?", "%", "\"", "<", ">", "\\", "^", "`", "{", "|", "}", "'"]
        for part in path.split(separator: "/") {
            if part.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }) {
                return "this page's file name has a control character, which its address cannot carry; rename the file with letters, digits and hyphens"
            }
            if let character = part.first(where: { unsafe.contains($0) || $0.isWhitespace }) {
                let suggestion = part.split(whereSeparator: { unsafe.contains($0) || $0.isWhitespace }).joined(separator: "-")
                return "this page's file name has \(character == " " || character.isWhitespace ? "a space" : "'\(character)'"), which its address (\(PageSource.urlPath(forPage: String(part.dropLast(part.hasSuffix(".md") ? 3 : 0))))) would have to encode; rename it with letters, digits and hyphens, such as \(suggestion.prefix(60))"
            }
            if part.utf8.count > 200 {
                return "this page's file name is \(part.utf8.count) bytes long, more than a folder's name can be; give it a shorter name (its address is its name)"
            }
        }
        return nil
    }

    private func readRequired(_ file: URL, what: String, log: inout DiagnosticLog) -> String? {
        let display = paths.display(file)
        guard FileSystem.isFile(file) else {
            log.error(.siteFileMissing, "\(display) is missing; it holds \(what). Is --site pointing at the right folder?", at: nil)
            return nil
        }
        guard let text = FileSystem.readText(file) else {
            log.error(.siteFileUnreadable, "this file could not be read; save it as UTF-8 text", at: SourceLocation(path: display))
            return nil
        }
        return text
    }

    /// Pages named in `site.yaml` (policy page, navigation) must exist.
    private func checkReferences(config: SiteConfig, pages: [PageSource], configFile: URL, log: inout DiagnosticLog) {
        let names = pages.map(\.name)
        func check(_ page: Located<String>, role: String, code: DiagnosticCode) {
            guard !names.contains(page.value) else { return }
            log.error(
                code,
                "\(role) is the page '\(page.value)', but there is no \(Self.pagesFolderName)/\(page.value).md"
                    + Spelling.suggestion(for: page.value, in: names),
                at: page.location)
        }
        if let policy = config.policyPage { check(policy, role: "the cookie policy page", code: .sitePolicyPageUnknown) }
        if !names.contains("index") {
            log.warning(
                .siteHomePageMissing, "there is no home page (\(Self.pagesFolderName)/index.md), but every page's header and the 'page not found' page link to it; add \(Self.pagesFolderName)/index.md",
                at: SourceLocation(path: paths.display(configFile)))
        }
        for link in config.navigation {
            if case .page(let page) = link.target { check(page, role: "the navigation link '\(link.title)'", code: .siteNavigationPageUnknown) }
        }
        // A language's own navigation names pages as the default language's files do (`cookies`).
        for language in config.languages.dropFirst() {
            for link in language.navigation ?? [] {
                if case .page(let page) = link.target { check(page, role: "the '\(language.code)' navigation link '\(link.title)'", code: .siteNavigationPageUnknown) }
            }
        }
    }

    /// The consent script links to the policy page, and Consent Mode names real, optional categories.
    private func checkConsentSettings(config: SiteConfig, registry: CookieRegistry, configFile: URL, log: inout DiagnosticLog) {
        if config.policyPage == nil, registry.categories.contains(where: { !$0.necessary }) {
            log.error(
                .sitePolicyPageMissing, "the registry has optional cookies, so the consent banner must link to the cookie policy: add 'policyPage: NAME' (a page in \(Self.pagesFolderName)/) to site.yaml",
                at: SourceLocation(path: paths.display(configFile)))
        }
        for mapping in config.consent.googleConsentMode {
            guard let category = registry.category(id: mapping.category.value) else {
                log.error(
                    .siteConsentCategoryUnknown,
                    "googleConsentMode names the category '\(mapping.category.value)', which the registry does not define"
                        + Spelling.suggestion(for: mapping.category.value, in: registry.categories.map(\.id)),
                    at: mapping.category.location)
                continue
            }
            if category.necessary {
                log.error(.siteConsentCategoryNecessary, "'\(category.id)' is strictly necessary and always allowed; list only optional categories under googleConsentMode", at: mapping.category.location)
            }
        }
    }

    /// Every text the code asks for must be in the theme (or the site), so no key leaks onto a page.
    private func checkStrings(_ strings: Strings, theme: Theme, configFile: URL, log: inout DiagnosticLog) {
        let settings = SourceLocation(path: paths.display(configFile))
        for key in contract.requiredTexts where strings[key] == nil {
            if case .list? = strings.values[key] {
                log.error(
                    .siteStringsInvalid, "the text '\(key)' should be a single text, but it is a list; write it after the colon, in quotes if it has special characters",
                    at: strings.locations[key] ?? settings)
            } else {
                log.error(.siteStringsMissing, "the theme '\(theme.name)' has no text '\(key)'; add it to its strings.yaml or to 'strings' in site.yaml", at: settings)
            }
        }
        let months = "date.months"
        switch strings.values[months] {
        case .list(let names)? where names.count == 12:
            break
        case .list(let names)?:
            log.error(
                .siteStringsInvalid, "the text '\(months)' should be a list of the 12 month names, January to December, but it has \(names.count)",
                at: strings.locations[months] ?? settings)
        case .text?:
            log.error(
                .siteStringsInvalid, "the text '\(months)' should be a list of the 12 month names, January to December, but it is a single text",
                at: strings.locations[months] ?? settings)
        case nil:
            log.error(.siteStringsMissing, "the theme '\(theme.name)' has no text '\(months)'; add the 12 month names to its strings.yaml or to 'strings' in site.yaml", at: settings)
        }
    }
}
