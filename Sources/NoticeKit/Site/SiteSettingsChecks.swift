import Foundation

/// The checks of loading a site, once it is read: what site.yaml names must exist (pages, categories,
/// the theme's texts), languages with addresses need the site's, a header and footer the theme would
/// never show, registry translations no language reads. Each reports at its position; none changes
/// anything.
struct SiteSettingsChecks {
    let directory: URL
    let paths: DisplayPaths
    /// What the pipeline asks of the theme: the texts its code shows.
    let contract: ThemeContract
    let configFile: URL

    /// A header and footer the theme never shows would be dropped silently.
    func checkWrapperShown(config: SiteConfig, theme: Theme, log: inout DiagnosticLog) {
        guard let written = ([config.wrapper] + config.languages.compactMap(\.wrapper)).first(where: { !$0.isEmpty }),
            !theme.library.usesName(startingWith: "wrapper")
        else { return }
        log.warning(
            .siteWrapperUnused, "the theme '\(theme.name)' does not show the site's own header, footer or stylesheets ('wrapper'); use 'theme: plain', which does, or add {{{wrapper.header}}} and {{{wrapper.footer}}} to the theme's page template",
            at: (written.header ?? written.footer ?? written.stylesheets.first)?.location ?? SourceLocation(path: paths.display(configFile)))
    }

    /// A `registry.LANG.yaml` that none of the site's languages reads is a warning naming it: its words
    /// are published nowhere.
    func warnAboutUnusedTranslations(languages: [SiteLanguage], log: inout DiagnosticLog) {
        let used = Set(languages.flatMap { SiteReader.registryTranslationNames(for: $0).map { $0.lowercased() } })
        let files = FileTree.children(of: directory.path).filter { !$0.isFolder }.map(\.name).sorted()
        for file in files where file.hasPrefix("registry.") && file.hasSuffix(".yaml") && file != SiteLoader.registryFileName {
            guard !used.contains(file.lowercased()) else { continue }
            let codes = languages.map(\.code).joined(separator: ", ")
            log.warning(
                .siteRegistryTranslationUnused, "\(file) gives the registry's words in a language this site is not published in (its languages: \(codes)), so no page shows them; add the language to 'languages' in site.yaml, or remove the file",
                at: SourceLocation(path: paths.display(directory.appendingPathComponent(file))))
        }
    }

    /// A language with an address of its own is linked to (and links back) by full addresses, which
    /// need the site's own address too.
    func checkLanguages(config: SiteConfig, log: inout DiagnosticLog) {
        guard config.baseURL == nil, let separate = config.languages.first(where: { $0.baseURL != nil }) else { return }
        log.error(
            .siteBaseUrlMissing, "the language '\(separate.code)' has an address of its own, so the languages link to each other by full addresses; give the site's 'baseURL' too",
            at: separate.location ?? SourceLocation(path: paths.display(configFile)))
    }

    /// Pages named in `site.yaml` (policy page, navigation) must exist.
    func checkReferences(config: SiteConfig, pages: [PageSource], log: inout DiagnosticLog) {
        let names = pages.map(\.name)
        func check(_ page: Located<String>, role: String, code: DiagnosticCode) {
            guard !names.contains(page.value) else { return }
            log.error(
                code,
                "\(role) is the page '\(page.value)', but there is no \(SiteLoader.pagesFolderName)/\(page.value).md"
                    + Spelling.suggestion(for: page.value, in: names),
                at: page.location)
        }
        if let policy = config.policyPage { check(policy, role: "the cookie policy page", code: .sitePolicyPageUnknown) }
        if !names.contains("index") {
            log.warning(
                .siteHomePageMissing, "there is no home page (\(SiteLoader.pagesFolderName)/index.md), but every page's header and the 'page not found' page link to it; add \(SiteLoader.pagesFolderName)/index.md",
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
    func checkConsentSettings(config: SiteConfig, registry: CookieRegistry, log: inout DiagnosticLog) {
        if config.policyPage == nil, registry.categories.contains(where: { !$0.necessary }) {
            log.error(
                .sitePolicyPageMissing, "the registry has optional cookies, so the consent banner must link to the cookie policy: add 'policyPage: NAME' (a page in \(SiteLoader.pagesFolderName)/) to site.yaml",
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
    func checkStrings(_ strings: Strings, theme: Theme, log: inout DiagnosticLog) {
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
