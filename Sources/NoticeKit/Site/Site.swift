public import Foundation

/// A site as loaded from disk and checked: settings, registry, pages and theme, ready to render.
///
/// A site in several languages is one `Site` per language: the default language's, whose
/// `translations` hold the others, each with its own settings, texts, registry wording and pages.
public struct Site: Sendable {
    public var directory: URL
    /// The settings as this language shows them (its tag, name, address, navigation, texts).
    public var config: SiteConfig
    /// The registry, with the consent script's own cookies declared, in this language's words.
    public var registry: CookieRegistry
    /// This language's pages, sorted by file.
    public var pages: [PageSource]
    public var theme: Theme
    /// The theme's texts in this language with the site's laid over them.
    public var strings: Strings
    /// Files from the site's `static/` folder, copied as they are, by their path in the output.
    public var staticFiles: [String: URL]
    /// This edition's language.
    public var language: SiteLanguage
    /// The other languages' editions (on the default language's `Site`; empty on the others).
    public var translations: [Site] = []
    /// Every language's version of every page, for language switches and `hreflang` links.
    public var alternates = PageAlternates()
    /// False when the registry had errors: the site is then rendered only to find the pages' own problems
    /// in the same run (the build fails all the same), and what the registry lacks is not blamed on pages.
    public var registryIsComplete = true

    public init(
        directory: URL, config: SiteConfig, registry: CookieRegistry, pages: [PageSource], theme: Theme, strings: Strings,
        staticFiles: [String: URL], language: SiteLanguage? = nil
    ) {
        self.directory = directory
        self.config = config
        self.registry = registry
        self.pages = pages
        self.theme = theme
        self.strings = strings
        self.staticFiles = staticFiles
        self.language = language ?? config.languages.first ?? SiteLanguage(code: config.language)
    }

    /// Every edition: this one, then its translations.
    public var editions: [Site] { [self] + translations }

    /// The pages of every edition.
    public var pageCount: Int { editions.reduce(0) { $0 + $1.pages.count } }

    /// Whether this edition is published as a site of its own (its language has its own address), in
    /// `output/PATH/` with its own assets, rather than beside the default language's pages.
    public var isSeparate: Bool { language.baseURL != nil }

    /// Where this edition's files go in the output: `cy/` for a separate edition, the root otherwise.
    public var outputFolder: String { isSeparate ? language.path + "/" : "" }

    /// Where this edition's consent scripts and 404 page go, below `outputFolder`: the language's folder
    /// for a language published beside the default one (`cy/`), the root otherwise.
    public var scriptFolder: String {
        language == config.languages.first || isSeparate ? "" : language.path + "/"
    }

    /// A link from this edition to its page `name`: from the site's root (`cy/cwcis/`) when that page is
    /// published in the same folder, or a full address when only another language with an address of
    /// its own has the page (its version in the default language).
    public func link(toPage name: String) -> PageAddress {
        if let page = pages.first(where: { $0.name == name }) { return .path(page.urlPath) }
        guard let fallback = alternates.versions(of: name).first else { return .path(PageSource.urlPath(forPage: name)) }
        if fallback.isSeparate == isSeparate, !isSeparate { return .path(fallback.urlPath) }
        if let base = fallback.baseURL { return .address(base + "/" + fallback.urlPath) }
        return .path(fallback.urlPath)
    }
}

/// Where a link to a page leads: a path from the site's root, or a full address on another site.
public enum PageAddress: Sendable, Equatable {
    case path(String)
    case address(String)

    /// The link's `href` from a page whose way to the site's root is `root`.
    public func href(root: String) -> String {
        switch self {
        case .path(let path):
            let href = root + path
            return href.isEmpty ? "./" : href
        case .address(let address): return address
        }
    }
}

/// Each page's versions in the site's languages, in the order of `languages`.
public struct PageAlternates: Sendable {
    /// One language's version of a page.
    public struct Version: Sendable {
        public var language: SiteLanguage
        /// Relative to where its edition's files start.
        public var urlPath: String
        public var title: String
        /// The language's name in itself (`Cymraeg`), from its texts (`language.name`).
        public var name: String
        /// The edition's public address, when it has one (for links between separate editions).
        public var baseURL: String?
        /// Whether that edition is published as a site of its own.
        public var isSeparate: Bool
    }

    var byName: [String: [Version]] = [:]

    public init() {}

    /// The versions of the page `name`, default language first.
    public func versions(of name: String) -> [Version] {
        byName[name] ?? []
    }

    mutating func add(_ version: Version, for name: String) {
        byName[name, default: []].append(version)
    }
}
