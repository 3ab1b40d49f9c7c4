import Foundation

/// Writes the consent files: the theme's consent script, its settings script and its stylesheet, with
/// the site's settings baked in.
///
/// Each script holds one placeholder (`NOTICE_CONFIG`, `NOTICE_SETTINGS`), replaced by a JSON object
/// (valid JavaScript). `consent.js`, which every page loads, gets what the banner and the gating need;
/// `consent-settings.js`, fetched only when a visitor opens the settings or refuses a category, gets the
/// rest: descriptions, services, policy sections, and the names of the cookies to delete. So the file
/// every page downloads stays small whatever the size of the registry. Nothing is read at run time from
/// the page, so the scripts need no inline configuration and work under a strict Content-Security-Policy.
struct ConsentScript {
    static let scriptPath = "consent.js"
    static let settingsScriptPath = "consent-settings.js"
    static let settingsStylesheetPath = "consent-settings.css"
    static let stylesheetPath = "consent.css"

    /// The three files, ready to write.
    struct Files {
        /// `consent.js`, to be written under its plain and its content-hashed name.
        var script: Data
        /// `consent.css`, likewise.
        var stylesheet: Data?
        /// `consent-settings.<hash>.js` and `.css`: only the hashed names, which `consent.js` names.
        var settings: [OutputFile] = []
    }

    let site: Site
    /// The edition whose scripts these are: they speak its language and link its policy page.
    let edition: Edition
    let context: RenderContext

    /// The files, or nothing (with an error logged) when the theme's scripts cannot be used.
    func files(log: inout DiagnosticLog) -> Files? {
        // A theme without the consent files would publish optional categories that nothing asks about:
        // never silently.
        let missing = [
            ("consent.js", site.theme.consentScript), ("consent.css", site.theme.consentStylesheet),
            ("consent-settings.js", site.theme.consentSettingsScript), ("consent-settings.css", site.theme.consentSettingsStylesheet),
        ]
        .filter { $0.1 == nil }.map(\.0)
        if !missing.isEmpty, !optionalCategories.isEmpty {
            let categories = optionalCategories.map(\.id).joined(separator: ", ")
            log.error(
                .themeConsentFilesMissing, "the registry has optional categories (\(categories)), but the theme '\(site.theme.name)' has no \(missing.joined(separator: ", ")) under consent/, so no banner would ask visitors before those cookies are set; add the files to the theme (copy them from the default theme's consent/ folder), or use the default theme",
                at: optionalCategories[0].location)
            return nil
        }
        guard let scriptURL = site.theme.consentScript,
            let source = template(scriptURL, placeholder: ConsentScriptContract.placeholder, log: &log),
            let markup = markup(log: &log)
        else { return nil }
        for category in optionalCategories where category.purpose == nil {
            log.warning(
                .consentCategorySummaryMissing, "the category '\(category.id)' has no 'summary' or 'description', so the consent banner cannot say what it is for; add a one-sentence 'summary', such as: We'd like to use analytics cookies to understand how you use the website",
                at: category.location)
        }
        // No integrity values for these two: their names carry the content's hash already, and a value
        // (some 70 random characters each) would cost every page's download more than the files it guards.
        var settingsFiles: [OutputFile] = []
        var settingsPaths: (script: String, stylesheet: String)?
        if let settingsURL = site.theme.consentSettingsScript, let stylesheetURL = site.theme.consentSettingsStylesheet {
            guard let settingsSource = template(settingsURL, placeholder: ConsentScriptContract.settingsPlaceholder, log: &log),
                let json = encode(settingsConfiguration(markup: markup), log: &log)
            else { return nil }
            guard let stylesheet = FileManager.default.contents(atPath: stylesheetURL.path) else {
                log.error(.themeConsentStylesheetUnreadable, "this stylesheet could not be read", at: SourceLocation(path: DisplayPaths().display(stylesheetURL)))
                return nil
            }
            let script = Data(settingsSource.replacingOccurrences(of: ConsentScriptContract.settingsPlaceholder, with: json).utf8)
            let (scriptAsset, scriptFile) = AssetManifest.asset(Self.settingsScriptPath, contents: script, withIntegrity: false)
            let (stylesheetAsset, stylesheetFile) = AssetManifest.asset(Self.settingsStylesheetPath, contents: stylesheet, withIntegrity: false)
            settingsFiles = [scriptFile, stylesheetFile]
            settingsPaths = (scriptAsset.path, stylesheetAsset.path)
        } else if site.theme.consentSettingsScript != nil || site.theme.consentSettingsStylesheet != nil {
            log.error(
                .themeConsentSettingsIncomplete, "the theme '\(site.theme.name)' has only one of consent-settings.js and consent-settings.css; the consent settings need both, under consent/",
                at: nil)
            return nil
        }
        guard let json = encode(configuration(markup: markup, settings: settingsPaths), log: &log) else { return nil }
        let script = Data(source.replacingOccurrences(of: ConsentScriptContract.placeholder, with: json).utf8)
        let stylesheet = site.theme.consentStylesheet.flatMap { FileManager.default.contents(atPath: $0.path) }
        return Files(script: script, stylesheet: stylesheet, settings: settingsFiles)
    }

    /// A theme script's text, when it can be read and has its placeholder exactly once.
    private func template(_ url: URL, placeholder: String, log: inout DiagnosticLog) -> String? {
        let location = SourceLocation(path: DisplayPaths().display(url))
        guard let source = FileSystem.readText(url) else {
            log.error(.themeConsentScriptUnreadable, "this consent script could not be read; save it as UTF-8 text", at: location)
            return nil
        }
        guard source.components(separatedBy: placeholder).count == 2 else {
            log.error(.themeConsentScriptPlaceholder, "this consent script must contain \(placeholder) exactly once, where the site's settings go", at: location)
            return nil
        }
        return source
    }

    private func encode(_ value: some Encodable, log: inout DiagnosticLog) -> String? {
        let encoder = JSONOutput.compact()
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            log.error(.consentSettingsUnencodable, "could not write the consent script's settings: \(error)", at: nil)
            return nil
        }
    }

    /// A consent text with `{site}` and `{lifetime}` filled in, `{categories}` and `{id}` left for the
    /// script as `{value}`, which it fills with values it has escaped itself.
    private func consentText(_ key: String, _ values: [String: String] = [:]) -> String {
        var values = values
        values["site"] = edition.config.title
        values["lifetime"] = edition.config.consent.lifetimeText
        for name in ConsentScriptContract.scriptPlaceholders { values[name] = ConsentTemplateMarkup.value }
        return context.text("consent.ui.\(key)", values)
    }

    private var optionalCategories: [CookieCategory] { edition.registry.categories.filter { !$0.necessary } }

    /// What every consent template gets.
    func view() -> ConsentView {
        let registry = edition.registry
        let categories = optionalCategories.map { category in
            let services = registry.services.filter { $0.categoryID == category.id }.map(\.name)
            let name = VideoDirective.lowercasingFirstLetter(category.title, language: edition.config.language)
            return ConsentView.Category(
                id: category.id, inputName: ConsentTemplateMarkup.inputPrefix + category.id, title: category.title,
                purpose: category.purpose.map { consentText("purpose", ["title": category.title, "summary": $0]) } ?? category.title,
                description: category.description ?? category.summary ?? "",
                services: services.isEmpty ? nil : consentText("services", ["services": services.joined(separator: ", ")]),
                sectionURL: policyPath + "#" + Self.sectionAnchor(of: category), more: consentText("moreAbout", ["category": name]))
        }
        let texts = Dictionary(uniqueKeysWithValues: ConsentScriptContract.textKeys.map { ($0, consentText($0)) })
        return ConsentView(
            text: .init(values: texts), categories: categories, policyURL: policyPath, formURL: policyPath + "#" + ConsentMarkup.formAnchor)
    }

    /// The theme's consent templates rendered for this site and checked against what the scripts need,
    /// by template; nil (with errors logged) when one is missing or wrong. None are needed when the
    /// registry has no optional category: nothing is then asked.
    func markup(log: inout DiagnosticLog) -> [ConsentTemplate: String]? {
        guard !optionalCategories.isEmpty else { return [:] }
        let view = view()
        let check = ConsentTemplateCheck(theme: site.theme, categories: optionalCategories.map(\.id))
        var markup: [ConsentTemplate: String] = [:]
        var failed = false
        for template in ConsentTemplate.allCases {
            guard site.theme.templateNames.contains(template.rawValue) else {
                log.error(
                    .themeConsentTemplateMissing, "the theme '\(site.theme.name)' has no template \(template.rawValue).mustache, which the consent script shows as \(Self.role(of: template)); add it (copy it from the default theme's templates/ folder), or say 'extends: default' in the theme's theme.yaml",
                    at: optionalCategories[0].location)
                failed = true
                continue
            }
            guard let rendered = site.theme.render(template.rawValue, view, globals: context.shared.globals) else {
                log.error(
                    .themeTemplateRecursive, "the theme's template '\(template.rawValue).mustache' could not be rendered: its partials include each other more than \(TemplateLibrary.maximumDepth) deep; check for a partial that includes itself",
                    at: site.theme.location(of: "", in: template.rawValue))
                failed = true
                continue
            }
            let html = Self.joiningLines(rendered)
            var local = DiagnosticLog()
            check.check(html, of: template, log: &local)
            failed = failed || local.hasErrors
            log.append(contentsOf: local.diagnostics)
            markup[template] = html
        }
        return failed ? nil : markup
    }

    /// The markup without the line breaks (and the indentation after them) between tags: the templates
    /// are written a tag a line, the scripts carry them on every page.
    static func joiningLines(_ html: String) -> String {
        var output = ""
        output.reserveCapacity(html.utf8.count)
        var pendingSpace = ""
        for character in html {
            if character.isWhitespace {
                pendingSpace.append(character)
                continue
            }
            // Whitespace with a line break, between a tag's end and another's start, goes; any other stays.
            if !pendingSpace.isEmpty {
                let dropped = pendingSpace.contains(where: \.isNewline) && (output.last == ">" || output.isEmpty) && character == "<"
                if !dropped, !output.isEmpty { output += pendingSpace }
                pendingSpace = ""
            }
            output.append(character)
        }
        return output
    }

    private static func role(of template: ConsentTemplate) -> String {
        switch template {
        case .banner: "the banner that asks before any optional cookie"
        case .gpc: "the banner under Global Privacy Control"
        case .bar: "the Cookie settings button once a choice is made"
        case .confirm: "the banner after a choice"
        case .dialog: "the cookie settings"
        }
    }

    /// What `consent.js` needs on every page.
    func configuration(markup: [ConsentTemplate: String], settings: (script: String, stylesheet: String)? = nil) -> ConsentScriptConfig {
        let registry = edition.registry
        let consent = edition.config.consent
        var googleConsentMode: [String: [String]]?
        if !consent.googleConsentMode.isEmpty {
            googleConsentMode = Dictionary(consent.googleConsentMode.map { ($0.category.value, $0.types) }) { first, second in first + second }
        }
        // The names a refusal never deletes: what the strictly necessary categories declare (the consent
        // cookies among them). Any other cookie makes the script clear the refused categories again.
        let necessary = CookieNameMatcher(
            registry.categories.filter(\.necessary).flatMap { registry.cookies(in: $0.id) }
                .filter { $0.storage == .cookie }.flatMap(\.patterns))
        return ConsentScriptConfig(
            version: RegistryVersion.of(registry),
            cookies: .init(status: consent.cookieNames.status, set: consent.cookieNames.preferencesSet, version: consent.cookieNames.version),
            days: consent.lifetimeDays, domain: consent.domain, form: policyPath + "#" + ConsentMarkup.formAnchor,
            necessary: registry.categories.filter(\.necessary).map(\.id), categories: optionalCategories.map { .init(id: $0.id) },
            googleConsentMode: googleConsentMode, html: Self.html(markup, ConsentTemplate.everyPage), receipts: consent.receipts,
            reload: consent.reloadOnWithdraw, settings: settings?.script, style: settings?.stylesheet, keep: necessary.regexSource,
            button: consent.settingsButton)
    }

    /// What `consent-settings.js` adds: the settings' and confirmation's markup, each category's title
    /// and cookie names.
    func settingsConfiguration(markup: [ConsentTemplate: String]) -> ConsentSettingsConfig {
        let registry = edition.registry
        let categories = optionalCategories.map { category in
            ConsentSettingsConfig.Category(
                title: HTMLText.escape(category.title),
                names: registry.cookieNameMatcher(forCategory: category.id).regexSource,
                keys: registry.storageKeyMatcher(forCategory: category.id).regexSource)
        }
        return ConsentSettingsConfig(categories: categories, html: Self.html(markup, ConsentTemplate.onDemand))
    }

    private static func html(_ markup: [ConsentTemplate: String], _ templates: [ConsentTemplate]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: templates.compactMap { template in markup[template].map { (template.key, $0) } })
    }

    /// The policy page in the scripts' language, relative to the scripts' own address (the site's root,
    /// or the language's folder).
    private var policyPath: String {
        guard let name = edition.config.policyPage?.value else { return "" }
        switch site.link(from: edition, toPage: name) {
        case .path(let path): return Self.relative(path, from: edition.placement.scriptFolder)
        case .address(let address): return address
        }
    }

    /// `path` (from the site's root) as seen from `folder`: `cwcis/` from `cy/` for `cy/cwcis/`.
    static func relative(_ path: String, from folder: String) -> String {
        if path.hasPrefix(folder) { return String(path.dropFirst(folder.count)) }
        return String(repeating: "../", count: folder.count { $0 == "/" }) + path
    }

    /// The id of the policy page's section about a category: its heading, titled as the category is.
    static func sectionAnchor(of category: CookieCategory) -> String {
        CookieTableDirective.sectionAnchor(of: category)
    }
}
