import Foundation

/// The policy's change history (`changes.yaml`): one dated entry for each change to the registry or
/// the processing record, written by `notice diff --record` and shown by the `policy-changes` block.
/// Each entry keeps the facts of the change (ids and names) so every language can say them in its own
/// words, the editor's own `note`, and fingerprints of the records as they were after it, so a later
/// change nobody recorded is found.
public struct ChangeHistory: Sendable {
    /// Something added, removed or changed, by its id and the name it had when recorded.
    public struct Item: Sendable, Equatable {
        public var id: String
        public var name: String
    }

    /// A cookie, by its name and its service's id.
    public struct CookieItem: Sendable, Equatable {
        public var name: String
        public var service: String
    }

    public struct Entry: Sendable {
        public var date: CalendarDate
        public var note: String?
        /// ``RegistryContent/fingerprint(of:)`` of the registry after the change.
        public var registry: String?
        /// ``ProcessingRecord/fingerprint`` of the processing record after the change.
        public var processing: String?
        public var servicesAdded: [Item] = []
        public var servicesRemoved: [Item] = []
        public var cookiesAdded: [CookieItem] = []
        public var cookiesRemoved: [CookieItem] = []
        public var cookiesChanged: [CookieItem] = []
        public var activitiesAdded: [Item] = []
        public var activitiesRemoved: [Item] = []
        public var activitiesChanged: [Item] = []
        /// Whether visitors were asked for consent again (the registry's version changed).
        public var askedAgain = false
        public var location: SourceLocation

        /// Whether the change touched the services or cookies the cookie policy lists.
        public var changesCookies: Bool {
            !(servicesAdded.isEmpty && servicesRemoved.isEmpty && cookiesAdded.isEmpty && cookiesRemoved.isEmpty && cookiesChanged.isEmpty)
        }

        /// Whether the change touched the processing activities the privacy notice lists.
        public var changesProcessing: Bool {
            !(activitiesAdded.isEmpty && activitiesRemoved.isEmpty && activitiesChanged.isEmpty)
        }
    }

    /// Oldest first, as the file keeps them.
    public var entries: [Entry]
    public var file: SourceLocation

    /// The entry that last recorded the registry (or the processing record).
    public func lastRecording(_ key: KeyPath<Entry, String?>) -> Entry? {
        entries.last { $0[keyPath: key] != nil }
    }
}

/// A fingerprint of everything a cookie policy publishes from the registry: its categories, services
/// and cookies with their words, so that any change a reader would see changes it (unlike
/// ``RegistryVersion``, which changes only when consent must be asked again).
public enum RegistryContent {
    public static func fingerprint(of registry: CookieRegistry) -> String {
        var lines: [String] = []
        for category in registry.categories {
            lines.append(["category", category.id, category.title, category.description ?? "", category.summary ?? "", category.necessary ? "necessary" : "optional"].joined(separator: "\t"))
        }
        for service in registry.services {
            lines.append(["service", service.id, service.categoryID, service.name, service.provider ?? "", service.description ?? ""].joined(separator: "\t"))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for entry in RegistryDiff.entries(of: registry) {
            lines.append(String(decoding: (try? encoder.encode(entry)) ?? Data(), as: UTF8.self))
        }
        return Digest.sha256Hex(Data(lines.joined(separator: "\n").utf8), bytes: 8)
    }
}

extension ProcessingRecord {
    /// A fingerprint of everything the privacy notice publishes from the record.
    public var fingerprint: String {
        var lines = [
            ["controller", controller.name ?? "", controller.email ?? "", controller.phone ?? "", controller.address ?? "", icoRegistration ?? ""].joined(separator: "\t"),
            ["dpo", dpo?.name ?? "", dpo?.email ?? "", dpo?.phone ?? "", dpo?.address ?? ""].joined(separator: "\t"),
        ]
        lines += activities.map(\.canonicalForm)
        return Digest.sha256Hex(Data(lines.joined(separator: "\n").utf8), bytes: 8)
    }
}

extension ProcessingRecord.Activity {
    /// Every published fact of the activity on one line, to compare two versions of it.
    var canonicalForm: String {
        let transfers = self.transfers.map { $0.map { "\($0.destination)=\($0.safeguard ?? "")" }.joined(separator: "|") } ?? "?"
        return [
            "activity", id, name, purposes.joined(separator: "|"), basis?.rawValue ?? "", law ?? "", interest ?? "", specialData.joined(separator: "|"),
            specialCondition ?? "", data.joined(separator: "|"), source ?? "", recipients.joined(separator: "|"), transfers, retention.joined(separator: "|"),
            automatedDecisions ?? "?", requirement ?? "",
        ].joined(separator: "\t")
    }
}

extension ChangeHistory.Entry {
    /// The entry for the change from one version of the records to the next, on a day.
    public init(
        date: CalendarDate, oldRegistry: CookieRegistry, newRegistry: CookieRegistry, oldProcessing: ProcessingRecord?, newProcessing: ProcessingRecord?
    ) {
        self.init(date: date, location: SourceLocation(path: ""))
        let diff = RegistryDiff(old: oldRegistry, new: newRegistry)
        func named(_ id: String, in registry: CookieRegistry) -> ChangeHistory.Item {
            ChangeHistory.Item(id: id, name: registry.service(id: id)?.name ?? id)
        }
        servicesAdded = diff.servicesAdded.map { named($0, in: newRegistry) }
        servicesRemoved = diff.servicesRemoved.map { named($0, in: oldRegistry) }
        cookiesAdded = diff.added.map { ChangeHistory.CookieItem(name: $0.name, service: $0.service) }
        cookiesRemoved = diff.removed.map { ChangeHistory.CookieItem(name: $0.name, service: $0.service) }
        cookiesChanged = diff.changed.map { ChangeHistory.CookieItem(name: $0.name, service: $0.service) }
        askedAgain = diff.versionChanged
        registry = RegistryContent.fingerprint(of: newRegistry)
        let before = oldProcessing?.activities ?? []
        let after = newProcessing?.activities ?? []
        activitiesAdded = after.filter { activity in !before.contains { $0.id == activity.id } }.map { ChangeHistory.Item(id: $0.id, name: $0.name) }
        activitiesRemoved = before.filter { activity in !after.contains { $0.id == activity.id } }.map { ChangeHistory.Item(id: $0.id, name: $0.name) }
        activitiesChanged = after.filter { activity in before.contains { $0.id == activity.id && $0.canonicalForm != activity.canonicalForm } }
            .map { ChangeHistory.Item(id: $0.id, name: $0.name) }
        processing = newProcessing?.fingerprint
    }

    /// The entry as `changes.yaml` writes it: one list item, every text quoted.
    public var yaml: String {
        let quoted = YAMLQuoting.quoted
        var lines = ["- date: \(date.iso)"]
        if let note { lines.append("  note: \(quoted(note))") }
        func items(_ key: String, _ list: [ChangeHistory.Item]) {
            guard !list.isEmpty else { return }
            lines.append("  \(key):")
            lines += list.map { "    - {id: \(quoted($0.id)), name: \(quoted($0.name))}" }
        }
        func cookies(_ key: String, _ list: [ChangeHistory.CookieItem]) {
            guard !list.isEmpty else { return }
            lines.append("  \(key):")
            lines += list.map { "    - {name: \(quoted($0.name)), service: \(quoted($0.service))}" }
        }
        items("servicesAdded", servicesAdded)
        items("servicesRemoved", servicesRemoved)
        cookies("cookiesAdded", cookiesAdded)
        cookies("cookiesRemoved", cookiesRemoved)
        cookies("cookiesChanged", cookiesChanged)
        items("activitiesAdded", activitiesAdded)
        items("activitiesRemoved", activitiesRemoved)
        items("activitiesChanged", activitiesChanged)
        if askedAgain { lines.append("  askedAgain: true") }
        if let registry { lines.append("  registry: \(registry)") }
        if let processing { lines.append("  processing: \(processing)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
