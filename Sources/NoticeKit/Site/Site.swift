public import Foundation

/// A site as loaded from disk and checked: its folder, theme and static files, and its editions, one per
/// language, ready to render.
public struct Site: Sendable {
    public var directory: URL
    public var theme: Theme
    /// Files from the site's `static/` folder, copied as they are, by their path in the output.
    public var staticFiles: [String: URL]
    /// One edition per language, in the order of `languages`: the default language's first.
    public var editions: [Edition]
    /// Every language's version of every page, for language switches and `hreflang` links.
    public var alternates = PageAlternates()
    /// The accessibility statement's record (`accessibility.yaml`), when the site keeps one.
    public var accessibility: AccessibilityRecord?
    /// The privacy notice's record (`processing.yaml`), when the site keeps one.
    public var processing: ProcessingRecord?
    /// The policy's change history (`changes.yaml`), when the site keeps one.
    public var changes: ChangeHistory?
    /// False when the registry had errors: the site is then rendered only to find the pages' own problems
    /// in the same run (the build fails all the same), and what the registry lacks is not blamed on pages.
    public var registryIsComplete = true

    public init(directory: URL, theme: Theme, staticFiles: [String: URL], editions: [Edition]) {
        precondition(!editions.isEmpty, "a site has at least its default language's edition")
        self.directory = directory
        self.theme = theme
        self.staticFiles = staticFiles
        self.editions = editions
    }

    /// The default language's edition: its settings are the site's.
    public var main: Edition { editions[0] }

    /// The pages of every edition.
    public var pageCount: Int { editions.reduce(0) { $0 + $1.pages.count } }

    /// A link from `edition` to its page `name`: from the site's root (`cy/cwcis/`) when that page is
    /// published in the same folder, or a full address when only another language with an address of
    /// its own has the page (its version in the default language).
    public func link(from edition: Edition, toPage name: String) -> PageAddress {
        if let page = edition.pages.first(where: { $0.name == name }) { return .path(page.urlPath) }
        guard let fallback = alternates.versions(of: name).first else { return .path(PageSource.urlPath(forPage: name)) }
        if fallback.isSeparate == edition.placement.isSeparate, !edition.placement.isSeparate { return .path(fallback.urlPath) }
        if let base = fallback.baseURL { return .address(base + "/" + fallback.urlPath) }
        return .path(fallback.urlPath)
    }
}

/// One language's edition of a site: what it shows (settings, registry and texts in its words, its
/// pages) and where it goes.
public struct Edition: Sendable {
    public var language: SiteLanguage
    /// The settings as this language shows them (its tag, name, address, navigation, texts).
    public var config: SiteConfig
    /// The registry, with the consent script's own cookies declared, in this language's words.
    public var registry: CookieRegistry
    /// The theme's texts in this language with the site's laid over them.
    public var strings: Strings
    /// This language's pages, sorted by file.
    public var pages: [PageSource]
    public var placement: EditionPlacement
    /// The accessibility statement's record in this language's words (the record's own when it has no
    /// translation).
    public var accessibility: AccessibilityRecord?
    /// The privacy notice's record in this language's words.
    public var processing: ProcessingRecord?
    /// The change history with its notes in this language's words.
    public var changes: ChangeHistory?

    public init(language: SiteLanguage, config: SiteConfig, registry: CookieRegistry, strings: Strings, pages: [PageSource], placement: EditionPlacement) {
        self.language = language
        self.config = config
        self.registry = registry
        self.strings = strings
        self.pages = pages
        self.placement = placement
    }
}

/// Where an edition's files go in the output.
public struct EditionPlacement: Sendable, Equatable {
    /// Whether it is the default language's edition.
    public var isDefault: Bool
    /// Whether it is published as a site of its own (its language has its own address), in
    /// `output/FOLDER/` with its own assets, rather than beside the default language's pages.
    public var isSeparate: Bool
    /// Its language's folder (`cy`).
    public var folder: String

    public init(isDefault: Bool, isSeparate: Bool, folder: String) {
        self.isDefault = isDefault
        self.isSeparate = isSeparate
        self.folder = folder
    }

    /// The placement of a language's edition: the first of the site's languages is the default one.
    public init(of language: SiteLanguage, in config: SiteConfig) {
        self.init(isDefault: language == config.languages.first, isSeparate: language.baseURL != nil, folder: language.path)
    }

    /// Where its files go in the output: `cy/` for a separate edition, the root otherwise.
    public var outputFolder: String { isSeparate ? folder + "/" : "" }

    /// Where its consent scripts and 404 page go, below `outputFolder`: the language's folder for a
    /// language published beside the default one (`cy/`), the root otherwise.
    public var scriptFolder: String { isDefault || isSeparate ? "" : folder + "/" }

    /// Whether it writes the files a site has once (theme assets, declarations, static files, the
    /// sitemap): the default edition, and each separate one for itself.
    public var ownsSharedFiles: Bool { isDefault || isSeparate }
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
