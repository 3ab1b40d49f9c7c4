public import Foundation
import NoticeKit

/// When evidence was gathered: the consent states a visitor can be in, or a recording made elsewhere.
public enum AuditState: String, Sendable, CaseIterable, Codable {
    /// A fresh browser that has not answered the banner.
    case noChoice = "no-choice"
    /// After *Reject* on the banner.
    case rejected
    /// After *Accept* on the banner.
    case accepted
    /// After *Accept*, then *Do not use* for every category in the settings.
    case withdrawn
    /// A HAR file: whatever the person who recorded it did.
    case recorded

    /// Whether optional categories must be off in this state.
    var optionalMustBeOff: Bool { self == .noChoice || self == .rejected || self == .withdrawn }

    /// How the state reads inside a sentence.
    var phrase: String {
        switch self {
        case .noChoice: "before any choice"
        case .rejected: "after Reject"
        case .accepted: "after Accept"
        case .withdrawn: "after withdrawal"
        case .recorded: "in the recording"
        }
    }
}

/// A cookie the browser held, as the browser described it (its value is never kept).
public struct ObservedCookie: Sendable, Equatable, Codable {
    public var name: String
    public var domain: String
    public var path: String
    /// When it expires; `nil` for a session cookie.
    public var expires: Date?
    public var httpOnly: Bool
    public var secure: Bool
    public var sameSite: String?
    /// The page on which it was first seen.
    public var page: String
    /// The response whose `Set-Cookie` set it, when known.
    public var setBy: String?
    /// When it was seen, to turn `expires` into a lifetime.
    public var seenAt: Date
    /// False when only the cookie's name is known (a request carried it), so nothing is said of its lifetime.
    public var lifetimeKnown = true
    /// Kept in a jar of its own for the top-level site it was set under (CHIPS, `Partitioned`).
    public var partitioned = false
    /// Why this browser refused the `Set-Cookie` that sent it (`SameSiteNoneInsecure`), when it did: the
    /// site still tried to set it, and another browser may keep it.
    public var refused: String?

    public init(
        name: String, domain: String, path: String = "/", expires: Date?, httpOnly: Bool = false, secure: Bool = false,
        sameSite: String? = nil, page: String, setBy: String? = nil, seenAt: Date, lifetimeKnown: Bool = true
    ) {
        self.lifetimeKnown = lifetimeKnown
        self.name = name
        self.domain = domain
        self.path = path
        self.expires = expires
        self.httpOnly = httpOnly
        self.secure = secure
        self.sameSite = sameSite
        self.page = page
        self.setBy = setBy
        self.seenAt = seenAt
    }

    /// Seconds it was set to live, or `nil` for a session cookie.
    public var lifetime: Double? { expires.map { $0.timeIntervalSince(seenAt) } }
}

/// A `localStorage` or `sessionStorage` key, or an IndexedDB database.
public struct ObservedStorageKey: Sendable, Equatable, Codable {
    public enum Area: String, Sendable, Codable {
        case local, session
        /// An IndexedDB database, by its name.
        case indexedDB = "indexed-db"

        /// The registry's word for where it is kept.
        var storage: Cookie.Storage {
            switch self {
            case .local: .localStorage
            case .session: .sessionStorage
            case .indexedDB: .indexedDB
            }
        }

        /// How a finding names the item: `the local storage key 'x'`, `the IndexedDB database 'x'`.
        var noun: String {
            switch self {
            case .local: "local storage key"
            case .session: "session storage key"
            case .indexedDB: "IndexedDB database"
            }
        }
    }
    public var name: String
    public var area: Area
    public var page: String
    /// The script that wrote it, when the audit saw the write.
    public var setBy: String?

    public init(name: String, area: Area, page: String, setBy: String? = nil) {
        self.name = name
        self.area = area
        self.page = page
        self.setBy = setBy
    }
}

/// A request to a host other than the site's own.
public struct ObservedRequest: Sendable, Equatable, Codable {
    public var host: String
    public var url: String
    public var page: String

    public init(host: String, url: String, page: String) {
        self.host = host
        self.url = url
        self.page = page
    }
}

/// Everything seen in one state, across the pages visited.
public struct StateEvidence: Sendable, Codable {
    public var state: AuditState
    public var pages: [String]
    public var cookies: [ObservedCookie]
    public var storage: [ObservedStorageKey]
    public var requests: [ObservedRequest]
    /// The first page as this state showed it (PNG), for the report.
    public var screenshot: Data?

    private enum CodingKeys: String, CodingKey {
        case state, pages, cookies, storage, requests, screenshot
    }

    /// What was already recorded, by key, so that recording stays linear however much a page (or a HAR
    /// file of tens of thousands of entries) holds. Rebuilt whenever the lists were changed from outside.
    private struct Index: Sendable {
        var pages = Set<String>()
        var cookieNames = Set<String>()
        var cookies = Set<String>()
        var storage = Set<String>()
        var hosts = Set<String>()
        var counts = [0, 0, 0, 0]
    }

    private var index = Index()

    public init(
        state: AuditState, pages: [String] = [], cookies: [ObservedCookie] = [], storage: [ObservedStorageKey] = [],
        requests: [ObservedRequest] = []
    ) {
        self.state = state
        self.pages = pages
        self.cookies = cookies
        self.storage = storage
        self.requests = requests
    }

    private static func key(_ cookie: ObservedCookie) -> String { cookie.name + "\u{0}" + cookie.domain + "\u{0}" + cookie.path }
    private static func key(_ item: ObservedStorageKey) -> String { item.name + "\u{0}" + item.area.rawValue }

    private mutating func refreshIndex() {
        guard index.counts != [pages.count, cookies.count, storage.count, requests.count] else { return }
        index = Index(
            pages: Set(pages), cookieNames: Set(cookies.map(\.name)), cookies: Set(cookies.map(Self.key)),
            storage: Set(storage.map(Self.key)), hosts: Set(requests.map(\.host)))
        index.counts = [pages.count, cookies.count, storage.count, requests.count]
    }

    /// Adds what a page showed, keeping the first page each cookie, key and host was seen on.
    mutating func record(
        page: String, cookies newCookies: [ObservedCookie], storage newKeys: [ObservedStorageKey],
        requests newRequests: [ObservedRequest]
    ) {
        refreshIndex()
        if index.pages.insert(page).inserted { pages.append(page) }
        // A cookie known only by name (a request carried it) adds nothing once the name was seen.
        for cookie in newCookies {
            let seen = cookie.lifetimeKnown ? index.cookies.contains(Self.key(cookie)) : index.cookieNames.contains(cookie.name)
            guard !seen else { continue }
            cookies.append(cookie)
            index.cookieNames.insert(cookie.name)
            index.cookies.insert(Self.key(cookie))
        }
        for key in newKeys where index.storage.insert(Self.key(key)).inserted {
            storage.append(key)
        }
        for request in newRequests where index.hosts.insert(request.host).inserted {
            requests.append(request)
        }
        index.counts = [pages.count, cookies.count, storage.count, requests.count]
    }
}

/// What an audit saw: the site's own host, and the evidence of each state.
public struct AuditEvidence: Sendable, Codable {
    /// The site's host (`www.kent.gov.uk`, `127.0.0.1`): requests elsewhere are third-party.
    public var siteHost: String
    public var states: [StateEvidence]
    /// Whether the pages carry Notice's consent script (without it, only `no-choice` can be audited).
    public var usesConsentScript: Bool
    /// Pages that could not be audited in a state, and why (a redirect to another site, a page that never
    /// finished loading): the rest of the audit goes on without them.
    public var skipped: [SkippedPage] = []
    /// What the audit has to say of its own evidence (a recording without cookie data), as warnings.
    public var notes: [String] = []
    /// The browser's version, when a browser was used.
    public var browserVersion: String?

    public init(siteHost: String, states: [StateEvidence], usesConsentScript: Bool, skipped: [SkippedPage] = []) {
        self.siteHost = siteHost
        self.states = states
        self.usesConsentScript = usesConsentScript
        self.skipped = skipped
    }
}

/// A page an audit could not look at in one state.
public struct SkippedPage: Sendable, Codable, Equatable {
    public var state: AuditState
    public var page: String
    public var reason: String

    public init(state: AuditState, page: String, reason: String) {
        self.state = state
        self.page = page
        self.reason = reason
    }
}
