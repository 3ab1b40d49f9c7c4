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
    /// Strictly necessary cookies need no consent and cannot be turned off.
    public var necessary: Bool
    public var location: SourceLocation

    public init(id: String, title: String, description: String? = nil, necessary: Bool = false, location: SourceLocation) {
        self.id = id
        self.title = title
        self.description = description
        self.necessary = necessary
        self.location = location
    }
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

/// One cookie (or other stored item) that a service sets.
public struct Cookie: Sendable {
    /// Where the item is kept in the browser.
    public enum Storage: String, Sendable, CaseIterable {
        case cookie
        case localStorage = "local-storage"
        case sessionStorage = "session-storage"
        case pixel
    }

    /// Whether the site itself or another domain sets it.
    public enum Party: String, Sendable, CaseIterable {
        case first
        case third
    }

    /// The name as written in the registry, possibly a pattern such as `_ga_<container-id>`.
    public var name: String
    /// The name read as a pattern, for matching real cookies.
    public var pattern: CookieNamePattern
    public var purpose: String
    /// The duration as the editor wrote it, shown as written.
    public var duration: String
    /// The duration read into a structured form.
    public var lifetime: CookieDuration
    /// The duration's wording adds a condition that ``lifetime`` leaves out ("renewed on each visit").
    public var durationQualified: Bool
    public var storage: Storage
    public var party: Party?
    public var domain: String?
    public var note: String?
    public var location: SourceLocation

    public init(
        name: String, pattern: CookieNamePattern? = nil, purpose: String, duration: String, lifetime: CookieDuration? = nil,
        durationQualified: Bool = false, storage: Storage = .cookie, party: Party? = nil, domain: String? = nil,
        note: String? = nil, location: SourceLocation
    ) {
        self.name = name
        // Callers that have not validated the name get it read as an exact name if it is not a valid pattern.
        self.pattern = pattern ?? (try? CookieNamePattern(name)) ?? CookieNamePattern(exactly: name)
        self.purpose = purpose
        self.duration = duration
        self.lifetime = lifetime ?? DurationParser.parse(duration) ?? .unknown
        self.durationQualified = durationQualified
        self.storage = storage
        self.party = party
        self.domain = domain
        self.note = note
        self.location = location
    }
}
