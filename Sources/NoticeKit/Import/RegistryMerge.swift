/// `notice import --into DIR`: what a published page adds to a site's registry, or words differently,
/// as a registry to compare with the site's own (`RegistryDiff`); nothing is written.
public enum RegistryMerge {
    /// `existing` with the page's services and cookies added where it lacks them (a service matched by
    /// name, a cookie by the name cell as published), and the page's words where the two differ for the
    /// same cookie; categories matched by title.
    public static func merge(_ imported: CookieRegistry, into existing: CookieRegistry) -> CookieRegistry {
        var merged = existing
        var ids = UniqueIDs(taken: existing.categories.map(\.id) + existing.services.map(\.id))
        func unique(_ id: String) -> String { ids.claim(id) }
        let same = { (a: String, b: String) in a.lowercased() == b.lowercased() }
        for service in imported.services {
            var newCookies: [Cookie] = []
            for cookie in service.cookies {
                // A cookie the site declares already, under whichever service: the page's words for it.
                if let (serviceIndex, cookieIndex) = locate(cookie.publishedName, in: merged) {
                    merged.services[serviceIndex].cookies[cookieIndex].purpose = cookie.purpose
                    merged.services[serviceIndex].cookies[cookieIndex].duration = cookie.duration
                } else {
                    newCookies.append(cookie)
                }
            }
            guard !newCookies.isEmpty else { continue }
            if let index = merged.services.firstIndex(where: { same($0.name, service.name) }) {
                merged.services[index].cookies += newCookies
            } else {
                var added = service
                added.id = unique(service.id)
                // Its category: the site's of the same title, else the page's, added.
                if let category = imported.categories.first(where: { $0.id == service.categoryID }) {
                    if let found = merged.categories.first(where: { same($0.title, category.title) }) {
                        added.categoryID = found.id
                    } else {
                        var category = category
                        category.id = unique(category.id)
                        merged.categories.append(category)
                        added.categoryID = category.id
                    }
                }
                added.cookies = newCookies
                merged.services.append(added)
            }
        }
        return merged
    }

    private static func locate(_ publishedName: String, in registry: CookieRegistry) -> (Int, Int)? {
        for (serviceIndex, service) in registry.services.enumerated() {
            if let cookieIndex = service.cookies.firstIndex(where: { $0.publishedName == publishedName }) { return (serviceIndex, cookieIndex) }
        }
        return nil
    }
}

/// Registry ids, each given once: `analytics`, then `analytics-2`.
struct UniqueIDs {
    private var taken: Set<String>

    init(taken: [String] = []) {
        self.taken = Set(taken)
    }

    mutating func claim(_ wanted: String) -> String {
        var candidate = wanted
        var number = 2
        while taken.contains(candidate) {
            candidate = "\(wanted)-\(number)"
            number += 1
        }
        taken.insert(candidate)
        return candidate
    }
}
