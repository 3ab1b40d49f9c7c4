/// The site's cookie registry: every category, service and cookie, in the order the editor wrote them.
///
/// It is the single source of the policy's cookie tables (and, later, of the consent script and the
/// machine-readable declarations).
public struct CookieRegistry: Sendable {
    public var categories: [CookieCategory]
    public var services: [CookieService]

    public init(categories: [CookieCategory], services: [CookieService]) {
        self.categories = categories
        self.services = services
    }

    public func category(id: String) -> CookieCategory? {
        categories.first { $0.id == id }
    }

    public func service(id: String) -> CookieService? {
        services.first { $0.id == id }
    }

    /// The services of a category, in registry order.
    public func services(in categoryID: String) -> [CookieService] {
        services.filter { $0.categoryID == categoryID }
    }

    /// Every cookie of the registry, in order.
    public var allCookies: [Cookie] { services.flatMap(\.cookies) }

    /// The service a third-party host belongs to, by the services' `hosts`.
    public func service(forHost host: String) -> CookieService? {
        let host = host.lowercased()
        return services.first { service in
            service.hosts.contains { pattern in
                let pattern = pattern.lowercased()
                if pattern.hasPrefix("*.") { return host.hasSuffix(pattern.dropFirst(1)) || host == pattern.dropFirst(2) }
                return host == pattern
            }
        }
    }

    /// The cookies of a category, in registry order.
    public func cookies(in categoryID: String) -> [Cookie] {
        services(in: categoryID).flatMap(\.cookies)
    }
}

/// A purpose for which cookies are used, such as analytics; visitors consent per category.
public struct CookieCategory: Sendable, Identifiable {
    public var id: String
    public var title: String
    public var description: String?
    /// One sentence saying what the category is for, shown in the consent banner; the description
    /// stands in when there is none.
    public var summary: String?
    /// Strictly necessary cookies need no consent and cannot be turned off.
    public var necessary: Bool
    public var location: SourceLocation

    public init(
        id: String, title: String, description: String? = nil, summary: String? = nil, necessary: Bool = false,
        location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.summary = summary
        self.necessary = necessary
        self.location = location
    }

    /// What the consent banner says the category is for.
    public var purpose: String? { summary ?? description }
}

/// A product or supplier that sets cookies, such as Google Analytics.
public struct CookieService: Sendable, Identifiable {
    public var id: String
    public var name: String
    public var categoryID: String
    public var provider: String?
    public var description: String?
    public var privacyPolicy: String?
    public var optOut: String?
    /// Where on the site the service is used, when only part of it (committee pages, say).
    public var appliesTo: String?
    /// The service is Notice's own consent script: its cookies come from the site's consent settings.
    public var consentManager: Bool
    /// The hosts the service loads from (`www.googletagmanager.com`, `*.hotjar.com`), so that an audit
    /// can tell its requests from others'.
    public var hosts: [String] = []
    public var cookies: [Cookie]
    public var location: SourceLocation

    public init(
        id: String, name: String, categoryID: String, provider: String? = nil, description: String? = nil,
        privacyPolicy: String? = nil, optOut: String? = nil, appliesTo: String? = nil,
        consentManager: Bool = false, cookies: [Cookie] = [], location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.categoryID = categoryID
        self.provider = provider
        self.description = description
        self.privacyPolicy = privacyPolicy
        self.optOut = optOut
        self.appliesTo = appliesTo
        self.consentManager = consentManager
        self.cookies = cookies
        self.location = location
    }
}

/// One cookie (or other stored item) that a service sets, or several that share a table row.
///
/// Two kinds of value live here side by side: the words the policy publishes (`label`, `purpose`,
/// `duration`, `note`), shown exactly as written, and the machine values Notice computes with (`names`
/// and their patterns, `lifetime`, `storage`), read from the words when they are clear or given in
/// fields of their own.
public struct Cookie: Sendable {
    /// Where the item is kept in the browser, if anywhere.
    public enum Storage: String, Sendable, CaseIterable {
        case cookie
        case localStorage = "local-storage"
        case sessionStorage = "session-storage"
        /// An IndexedDB database, by its name.
        case indexedDB = "indexed-db"
        /// A web beacon: an image or script request that tracks, usually with a third party's cookie.
        case pixel
        /// Nothing is stored: a network request alone ("network request only").
        case networkRequest = "none"

        /// Kept in the browser's cookie jar or storage, so that a browser can be asked for it by name.
        public var isStored: Bool { self == .cookie || self == .localStorage || self == .sessionStorage || self == .indexedDB }
    }

    /// Whether the site itself or another domain sets it.
    public enum Party: String, Sendable, CaseIterable {
        case first
        case third
    }

    /// Where ``lifetime`` came from.
    public enum LifetimeSource: String, Sendable {
        /// Read from the published duration.
        case duration
        /// Given by the editor in `lifetime:`.
        case given
        /// Neither: no duration was published, or Notice could not read one (the lifetime is `unknown`).
        case none
    }

    /// The names a browser really sets, possibly patterns such as `_ga_<container-id>`: usually one,
    /// several when a published table gives several names one purpose and duration in one row.
    public var names: [String]
    /// The names read as patterns, for matching real cookies.
    public var patterns: [CookieNamePattern]
    /// The first name (the only one, for most cookies).
    public var name: String { names[0] }
    /// The first name's pattern.
    public var pattern: CookieNamePattern { patterns[0] }
    /// The name cell as the policy publishes it, when it is not just the names ("_ga and _gid").
    public var label: String?
    public var purpose: String
    /// The duration as the policy publishes it, shown as written; `nil` when the policy states none.
    public var duration: String?
    /// How long it lasts, as a machine value.
    public var lifetime: CookieDuration
    public var lifetimeSource: LifetimeSource
    /// The duration's wording adds a condition that ``lifetime`` leaves out ("renewed on each visit").
    public var durationQualified: Bool
    public var storage: Storage
    public var party: Party?
    public var domain: String?
    public var note: String?
    public var location: SourceLocation

    public init(
        name: String, pattern: CookieNamePattern? = nil, alsoNamed others: [(name: String, pattern: CookieNamePattern)] = [],
        label: String? = nil, purpose: String, duration: String?, lifetime: CookieDuration? = nil,
        lifetimeSource: LifetimeSource? = nil, durationQualified: Bool = false, storage: Storage = .cookie, party: Party? = nil,
        domain: String? = nil, note: String? = nil, location: SourceLocation
    ) {
        names = [name] + others.map(\.name)
        // Callers that have not validated the name get it read as an exact name if it is not a valid pattern.
        patterns = [pattern ?? (try? CookieNamePattern(name)) ?? CookieNamePattern(exactly: name)] + others.map(\.pattern)
        self.label = label
        self.purpose = purpose
        self.duration = duration
        let read = duration.flatMap { DurationParser.parse($0) }
        self.lifetime = lifetime ?? read ?? .unknown
        self.lifetimeSource = lifetimeSource ?? (lifetime != nil ? .given : read != nil ? .duration : .none)
        self.durationQualified = durationQualified
        self.storage = storage
        self.party = party
        self.domain = domain
        self.note = note
        self.location = location
    }

    /// The name cell as the policy shows it: the label, or the names.
    public var publishedName: String { label ?? names.joined(separator: ", ") }
}

extension Cookie {
    /// One cookie for each name, each with the row's purpose and duration: what declarations, versions and
    /// diffs list, since each name is a cookie of its own.
    public var each: [Cookie] {
        guard names.count > 1 else { return [self] }
        return zip(names, patterns).map { name, pattern in
            var single = self
            single.names = [name]
            single.patterns = [pattern]
            return single
        }
    }
}
