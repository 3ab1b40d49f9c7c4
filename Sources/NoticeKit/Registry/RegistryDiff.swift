/// What changed between two registries: the raw material of a policy's change note.
public struct RegistryDiff: Sendable, Encodable {
    /// A cookie with where it belongs, as it stands in one registry.
    public struct Entry: Sendable, Encodable, Equatable {
        public var name: String
        public var service: String
        public var category: String
        public var label: String?
        public var purpose: String
        public var duration: String?
        /// The machine lifetime: `P90D`, `session`, `PT30S/P1Y` …
        public var lifetime: String
        public var storage: String
        public var party: String?
        public var domain: String?
        public var note: String?
    }

    /// One field of a cookie that differs.
    public struct FieldChange: Sendable, Encodable, Equatable {
        public var field: String
        public var old: String
        public var new: String
    }

    public struct Change: Sendable, Encodable, Equatable {
        public var name: String
        public var service: String
        public var changes: [FieldChange]
    }

    public var added: [Entry] = []
    public var removed: [Entry] = []
    public var changed: [Change] = []
    public var categoriesAdded: [String] = []
    public var categoriesRemoved: [String] = []
    public var servicesAdded: [String] = []
    public var servicesRemoved: [String] = []
    public var oldVersion: String
    public var newVersion: String

    /// Whether visitors will be asked for consent again.
    public var versionChanged: Bool { oldVersion != newVersion }

    public var isEmpty: Bool {
        added.isEmpty && removed.isEmpty && changed.isEmpty && categoriesAdded.isEmpty && categoriesRemoved.isEmpty
            && servicesAdded.isEmpty && servicesRemoved.isEmpty
    }

    private enum CodingKeys: String, CodingKey {
        case added, removed, changed, categoriesAdded, categoriesRemoved, servicesAdded, servicesRemoved
        case oldVersion, newVersion, versionChanged
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(added, forKey: .added)
        try container.encode(removed, forKey: .removed)
        try container.encode(changed, forKey: .changed)
        try container.encode(categoriesAdded, forKey: .categoriesAdded)
        try container.encode(categoriesRemoved, forKey: .categoriesRemoved)
        try container.encode(servicesAdded, forKey: .servicesAdded)
        try container.encode(servicesRemoved, forKey: .servicesRemoved)
        try container.encode(oldVersion, forKey: .oldVersion)
        try container.encode(newVersion, forKey: .newVersion)
        try container.encode(versionChanged, forKey: .versionChanged)
    }

    /// Compares two registries. Cookies are matched by name, and by service where a name is used twice.
    public init(old: CookieRegistry, new: CookieRegistry) {
        oldVersion = RegistryVersion.of(old)
        newVersion = RegistryVersion.of(new)
        categoriesAdded = Self.missing(new.categories.map(\.id), from: old.categories.map(\.id))
        categoriesRemoved = Self.missing(old.categories.map(\.id), from: new.categories.map(\.id))
        servicesAdded = Self.missing(new.services.map(\.id), from: old.services.map(\.id))
        servicesRemoved = Self.missing(old.services.map(\.id), from: new.services.map(\.id))

        var unmatched = Self.entries(of: new)
        for entry in Self.entries(of: old) {
            let candidates = unmatched.indices.filter { unmatched[$0].name == entry.name }
            let index = candidates.first { unmatched[$0].service == entry.service } ?? (candidates.count == 1 ? candidates[0] : nil)
            guard let index else {
                removed.append(entry)
                continue
            }
            let counterpart = unmatched.remove(at: index)
            let changes = Self.fieldChanges(entry, counterpart)
            if !changes.isEmpty {
                changed.append(Change(name: entry.name, service: counterpart.service, changes: changes))
            }
        }
        added = unmatched
    }

    private static func missing(_ ids: [String], from others: [String]) -> [String] {
        ids.filter { !others.contains($0) }
    }

    static func entries(of registry: CookieRegistry) -> [Entry] {
        registry.services.flatMap { service in
            service.cookies.flatMap(\.each).map { cookie in
                Entry(
                    name: cookie.name, service: service.id, category: service.categoryID, label: cookie.label, purpose: cookie.purpose,
                    duration: cookie.duration, lifetime: cookie.lifetime.isoText, storage: cookie.storage.rawValue, party: cookie.party?.rawValue,
                    domain: cookie.domain, note: cookie.note)
            }
        }
    }

    private static func fieldChanges(_ old: Entry, _ new: Entry) -> [FieldChange] {
        let fields: [(name: String, old: String?, new: String?)] = [
            ("service", old.service, new.service), ("category", old.category, new.category),
            ("label", old.label, new.label), ("purpose", old.purpose, new.purpose), ("duration", old.duration, new.duration),
            ("lifetime", old.lifetime, new.lifetime),
            ("storage", old.storage, new.storage), ("party", old.party, new.party),
            ("domain", old.domain, new.domain), ("note", old.note, new.note),
        ]
        return fields.compactMap { field in
            field.old == field.new ? nil : FieldChange(field: field.name, old: field.old ?? "", new: field.new ?? "")
        }
    }
}
