import Foundation

/// `cookies.json`: the registry for machines (audits, other sites, records of processing).
///
/// Keys are sorted and nothing depends on the clock, so the file changes only when the registry does.
struct CookieDeclarationJSON: Encodable {
    struct Site: Encodable {
        var title: String
        var url: String?
        var language: String
    }

    struct Category: Encodable {
        var id: String
        var title: String
        var description: String?
        var summary: String?
        var necessary: Bool
        /// One regular expression matching every cookie name of the category (JavaScript syntax).
        var cookieNames: String
        /// One regular expression matching the category's local and session storage keys.
        var storageKeys: String
    }

    struct Service: Encodable {
        var id: String
        var name: String
        var category: String
        var provider: String?
        var description: String?
        var privacyPolicy: String?
        var optOut: String?
        var appliesTo: String?
        var consentManager: Bool
        /// The hosts it loads from, for audits.
        var hosts: [String]?
        var cookies: [Cookie]
    }

    struct Cookie: Encodable {
        var name: String
        /// The name cell as published, when it says more than the names ("_ga and _gid").
        var label: String?
        /// Whether `name` stands for a family of names.
        var isPattern: Bool
        /// A regular expression matching the real names (JavaScript syntax).
        var matches: String
        var purpose: String
        var duration: Duration
        var storage: String
        var party: String?
        var domain: String?
        var note: String?
        /// Every name of the table row this name shares with others (a published table's "__a, __b" row).
        var rowNames: [String]?
    }

    struct Duration: Encodable {
        /// The published words; absent when the policy states none.
        var text: String?
        /// `session`, `persistent`, `fixed`, `range` or `unknown` (the policy does not say).
        var type: String
        /// ISO 8601, for `fixed`.
        var iso: String?
        var min: String?
        var max: String?
        /// `true` when `text` adds a condition to the structured value ("3 hours, renewed on each visit").
        var qualified: Bool?
        /// Where the machine value comes from when not from `text`: `lifetime` (the registry's own field), or
        /// `unread` (the words say no lifetime Notice can read, so `type` is `unknown`).
        var source: String?
    }

    /// A language's words for the registry (a site in several languages): by category id, service id
    /// and cookie name; what is not translated is left out.
    struct Translation: Encodable {
        struct Texts: Encodable {
            var title, name, description, summary, appliesTo, provider, label, purpose, duration, note: String?
            var cookies: [String: Texts]?
        }

        var site: Site
        var categories: [String: Texts]
        var services: [String: Texts]
    }

    /// The layout of this file; raised when a field changes meaning or is removed.
    var formatVersion = 1
    var site: Site
    var version: String
    var categories: [Category]
    var services: [Service]
    /// The other languages' texts, by language tag; absent on a site in one language.
    var translations: [String: Translation]?
    /// The accessibility, processing and change records, when the site keeps them.
    var records: RecordDeclarationJSON?

    init(registry: CookieRegistry, config: SiteConfig) {
        site = Site(title: config.title, url: config.baseURL, language: config.language)
        version = RegistryVersion.of(registry)
        categories = registry.categories.map { category in
            Category(
                id: category.id, title: category.title, description: category.description, summary: category.summary,
                necessary: category.necessary,
                cookieNames: registry.cookieNameMatcher(forCategory: category.id).regexSource,
                storageKeys: registry.storageKeyMatcher(forCategory: category.id).regexSource)
        }
        services = registry.services.map { service in
            Service(
                id: service.id, name: service.name, category: service.categoryID, provider: service.provider,
                description: service.description, privacyPolicy: service.privacyPolicy, optOut: service.optOut,
                appliesTo: service.appliesTo, consentManager: service.consentManager,
                hosts: service.hosts.isEmpty ? nil : service.hosts,
                cookies: service.cookies.flatMap { row in
                    row.each.map { Self.cookie($0, rowNames: row.names.count > 1 ? row.names : nil) }
                })
        }
    }

    /// The declaration with each other edition's words for the registry.
    init(registry: CookieRegistry, config: SiteConfig, translations: [(registry: CookieRegistry, config: SiteConfig)]) {
        self.init(registry: registry, config: config)
        guard !translations.isEmpty else { return }
        var all: [String: Translation] = [:]
        for (translated, settings) in translations {
            func changed(_ value: String?, _ original: String?) -> String? { value == original ? nil : value }
            var categories: [String: Translation.Texts] = [:]
            for (category, original) in zip(translated.categories, registry.categories) {
                categories[category.id] = Translation.Texts(
                    title: changed(category.title, original.title),
                    description: changed(category.description, original.description),
                    summary: changed(category.summary, original.summary))
            }
            var services: [String: Translation.Texts] = [:]
            for (service, original) in zip(translated.services, registry.services) {
                var cookies: [String: Translation.Texts] = [:]
                for (cookie, originalCookie) in zip(service.cookies, original.cookies) where cookies[cookie.name] == nil {
                    cookies[cookie.name] = Translation.Texts(
                        label: changed(cookie.label, originalCookie.label),
                        purpose: changed(cookie.purpose, originalCookie.purpose),
                        duration: changed(cookie.duration, originalCookie.duration),
                        note: changed(cookie.note, originalCookie.note))
                }
                services[service.id] = Translation.Texts(
                    name: changed(service.name, original.name),
                    description: changed(service.description, original.description),
                    appliesTo: changed(service.appliesTo, original.appliesTo),
                    provider: changed(service.provider, original.provider), cookies: cookies)
            }
            all[settings.language] = Translation(
                site: Site(title: settings.title, url: settings.baseURL, language: settings.language),
                categories: categories, services: services)
        }
        self.translations = all
    }

    static func cookie(_ cookie: NoticeKit.Cookie, rowNames: [String]?) -> Cookie {
        Cookie(
            name: cookie.name, label: cookie.label, isPattern: !cookie.pattern.isExact, matches: "^" + cookie.pattern.regexSource + "$",
            purpose: cookie.purpose, duration: duration(cookie), storage: cookie.storage.rawValue,
            party: cookie.party?.rawValue, domain: cookie.domain, note: cookie.note, rowNames: rowNames)
    }

    static func duration(_ cookie: NoticeKit.Cookie) -> Duration {
        var duration = Duration(text: cookie.duration, type: cookie.lifetime.kind, qualified: cookie.durationQualified ? true : nil)
        switch cookie.lifetimeSource {
        case .duration: break
        case .given: duration.source = "lifetime"
        case .none: duration.source = cookie.duration == nil ? nil : "unread"
        }
        switch cookie.lifetime {
        case .session, .persistent, .unknown: break
        case .fixed(let value): duration.iso = value.iso
        case .range(let low, let high):
            duration.min = low.iso
            duration.max = high.iso
        }
        return duration
    }

    func encoded() throws -> Data {
        let encoder = JSONOutput.readable()
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}
