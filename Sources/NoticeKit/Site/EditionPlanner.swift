import Foundation

/// The planning stage of loading a site: which pages each language publishes and at which address
/// (languages, slugs, clashes), each edition's texts and navigation in its language, and every page's
/// versions in the others (alternates). It reads no file; ``SiteReader`` has read them.
struct EditionPlanner {
    let paths: DisplayPaths

    /// The site's navigation in a language that has none of its own: each page link titled as its
    /// translation is.
    func navigation(_ navigation: [NavigationLink], in pages: [PageSource]) -> [NavigationLink] {
        navigation.map { link in
            guard case .page(let name) = link.target, let page = pages.first(where: { $0.name == name.value }) else { return link }
            return NavigationLink(title: page.frontMatter.title, target: link.target)
        }
    }

    /// Every page's versions in the editions that have it, default language first.
    func alternates(of editions: [Edition], theme: Theme) -> PageAlternates {
        var alternates = PageAlternates()
        for edition in editions {
            let name = languageName(edition.language, isDefault: edition.placement.isDefault, theme: theme, strings: edition.strings, settings: edition.config)
            for page in edition.pages {
                alternates.add(
                    PageAlternates.Version(
                        language: edition.language, urlPath: page.urlPath, title: page.frontMatter.title, name: name,
                        baseURL: edition.config.baseURL, isSeparate: edition.placement.isSeparate), for: page.name)
            }
        }
        return alternates
    }

    /// The pages of each language, in the order of `languages`: a page is in a language by its file name
    /// (`cookies.cy.md`), translates the page of the same name (or the one `translationOf` names), and
    /// has its address in its language's folder (`cy/cookies/`, or `cy/cwcis/` with `slug: cwcis`).
    /// A page missing in a language is a warning at the default language's page.
    func sortByLanguage(_ pages: [PageSource], languages: [SiteLanguage], log: inout DiagnosticLog) -> [[PageSource]] {
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
                        .pageTranslationDuplicate, "this page and \(other) are both the '\(language.code)' version of \(SiteLoader.pagesFolderName)/\(page.name).md; keep one, or point 'translationOf' at another page",
                        at: SourceLocation(path: page.path))
                }
                seen[page.name] = page.path
                guard !defaultNames.contains(page.name) else { continue }
                if let translationOf = page.frontMatter.translationOf {
                    log.error(
                        .pageTranslationOfUnknown,
                        "'translationOf' names the page '\(translationOf.value)', but there is no \(SiteLoader.pagesFolderName)/\(translationOf.value).md"
                            + Spelling.suggestion(for: translationOf.value, in: Array(defaultNames)),
                        at: translationOf.location)
                } else {
                    log.warning(
                        .pageOriginalMissing, "this '\(language.code)' page has no original in the default language (\(SiteLoader.pagesFolderName)/\(page.name).md), so no language switch leads to it; add that page, or name the page it translates with 'translationOf'",
                        at: SourceLocation(path: page.path))
                }
            }
            for page in sorted[0] where seen[page.name] == nil {
                log.warning(
                    .pageTranslationMissing, "this page has no '\(language.code)' version (\(SiteLoader.pagesFolderName)/\(page.name)\(language.fileSuffix).md), so its language switch leaves that language out; add the translation",
                    at: SourceLocation(path: page.path))
            }
        }
        return sorted
    }

    /// The language's name in itself, for language switches: from its own texts only (never the
    /// English ones laid under them), else its tag.
    func languageName(_ language: SiteLanguage, isDefault: Bool, theme: Theme, strings: Strings, settings: SiteConfig) -> String {
        if isDefault { return strings["language.name"] ?? language.code }
        return settings.strings["language.name"] ?? theme.ownStrings(for: language.code)?["language.name"] ?? language.code
    }

    /// The theme's texts in the language (English when it has none, with a warning), with the site's.
    func languageStrings(
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
}
