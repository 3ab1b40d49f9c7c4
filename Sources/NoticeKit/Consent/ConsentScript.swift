import Foundation

/// Writes `consent.js` and `consent.css`: the theme's consent script with the site's settings baked in.
///
/// The script source holds the placeholder `NOTICE_CONFIG`; it is replaced by a JSON object (valid
/// JavaScript) with the optional categories and the names of their cookies, the registry version, the
/// consent cookies, the policy page's address and every text. Nothing is read at run time, so the script
/// needs no inline configuration and works under a strict Content-Security-Policy.
struct ConsentScript {
    static let placeholder = "NOTICE_CONFIG"
    static let scriptPath = "consent.js"
    static let stylesheetPath = "consent.css"

    /// The keys of the texts the script shows, under `consent.ui.` in the theme's strings.
    static let textKeys = [
        "heading", "essential", "optional", "accept", "reject", "choose", "policyLink", "accepted", "rejected",
        "chosen", "change", "hide", "gpc", "necessary", "use", "doNotUse", "save", "cancel",
        "saved", "settingsHeading",
    ]

    let site: Site
    let context: RenderContext

    /// The two files, or nothing (with an error logged) when the theme's script cannot be used.
    func files(log: inout DiagnosticLog) -> [OutputFile] {
        guard let scriptURL = site.theme.consentScript else { return [] }
        let paths = DisplayPaths()
        guard let source = FileSystem.readText(scriptURL) else {
            log.error("the consent script could not be read; save it as UTF-8 text", at: SourceLocation(path: paths.display(scriptURL)))
            return []
        }
        guard source.components(separatedBy: Self.placeholder).count == 2 else {
            log.error("the consent script must contain \(Self.placeholder) exactly once, where the site's settings go", at: SourceLocation(path: paths.display(scriptURL)))
            return []
        }
        let json: Data
        do {
            json = try configuration().encoded()
        } catch {
            log.error("could not write the consent script's settings: \(error)", at: nil)
            return []
        }
        let script = source.replacingOccurrences(of: Self.placeholder, with: String(decoding: json, as: UTF8.self))
        var files = [OutputFile.text(Self.scriptPath, script)]
        if let stylesheet = site.theme.consentStylesheet {
            files.append(OutputFile(path: Self.stylesheetPath, contents: .copy(stylesheet)))
        }
        return files
    }

    func configuration() -> ConsentScriptConfig {
        let registry = site.registry
        let settings = site.config.consent
        let optional = registry.categories.filter { !$0.necessary }
        let categories = optional.map { category in
            ConsentScriptConfig.Category(
                id: category.id, title: category.title,
                names: registry.cookieNameMatcher(forCategory: category.id).regexSource,
                keys: registry.storageKeyMatcher(forCategory: category.id).regexSource)
        }
        var googleConsentMode: [String: [String]]?
        if !settings.googleConsentMode.isEmpty {
            googleConsentMode = Dictionary(settings.googleConsentMode.map { ($0.category.value, $0.types) }) { first, second in first + second }
        }
        // {site} is filled in here; the script escapes every text before showing it.
        let texts = Dictionary(uniqueKeysWithValues: Self.textKeys.map { ($0, context.text("consent.ui.\($0)", ["site": site.config.title])) })
        let policy = site.config.policyPage.map { PageSource.urlPath(forPage: $0.value) } ?? ""
        return ConsentScriptConfig(
            version: RegistryVersion.of(registry),
            cookies: .init(status: settings.cookieNames.status, set: settings.cookieNames.preferencesSet, version: settings.cookieNames.version),
            days: settings.lifetimeDays, domain: settings.domain, policy: policy,
            necessary: registry.categories.filter(\.necessary).map(\.id), categories: categories,
            googleConsentMode: googleConsentMode, texts: texts)
    }
}

/// The settings baked into `consent.js` (as JSON, keys sorted so that builds are reproducible).
struct ConsentScriptConfig: Encodable {
    struct Cookies: Encodable {
        var status: String
        var set: String
        var version: String
    }

    struct Category: Encodable {
        var id: String
        var title: String
        /// A regular expression matching the category's cookie names, for deleting them on withdrawal.
        var names: String
        /// The same for its local and session storage keys.
        var keys: String
    }

    var version: String
    var cookies: Cookies
    /// How long a choice is remembered.
    var days: Int
    var domain: String?
    /// The policy page's address relative to the script's own.
    var policy: String
    /// Ids of strictly necessary categories, always allowed.
    var necessary: [String]
    /// The optional categories, in registry order.
    var categories: [Category]
    var googleConsentMode: [String: [String]]?
    var texts: [String: String]

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
