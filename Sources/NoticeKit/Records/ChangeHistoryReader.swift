import Yams

/// Reads `changes.yaml`, the list `notice diff --record` appends to, strictly: each entry a day and the
/// facts of its change, the editor's `note` in their words.
struct ChangeHistoryReader {
    static let fileName = "changes.yaml"
    static let entryKeys = [
        "date", "note", "servicesAdded", "servicesRemoved", "cookiesAdded", "cookiesRemoved", "cookiesChanged", "activitiesAdded",
        "activitiesRemoved", "activitiesChanged", "askedAgain", "registry", "processing",
    ]

    /// The history's words a translation (`changes.cy.yaml`) gives: each entry's note.
    static let words = RecordWords.list(.mapping(["note": .text]))

    let reader: YAMLReader

    init(file: SourceFile) {
        reader = YAMLReader(file: file)
    }

    func read() -> ChangeHistory? {
        reader.parseRoot().flatMap(read(root:))
    }

    func read(root: Node) -> ChangeHistory? {
        // An empty file is an empty history.
        if case .mapping(let mapping) = root, mapping.isEmpty { return ChangeHistory(entries: [], file: SourceLocation(path: reader.file.path)) }
        guard let items = reader.sequence(root, describedAs: "the change history") else { return nil }
        let entries = items.compactMap(readEntry)
        for (earlier, later) in zip(entries, entries.dropFirst()) where later.date < earlier.date {
            reader.error(.recordValueUnknown, "this change is dated \(later.date.iso), before the one above it (\(earlier.date.iso)); keep the changes in the order they were made, oldest first", at: later.location)
        }
        return ChangeHistory(entries: entries, file: SourceLocation(path: reader.file.path))
    }

    private func readEntry(_ node: Node) -> ChangeHistory.Entry? {
        guard let mapping = reader.mapping(node, describedAs: "a change") else { return nil }
        let context = "a change"
        mapping.rejectUnknownKeys(allowed: Self.entryKeys, in: context)
        guard mapping.string("date", required: true, in: context) != nil, let date = reader.recordDate("date", in: mapping, context: context) else { return nil }
        var entry = ChangeHistory.Entry(date: date, location: reader.location(of: node))
        entry.note = mapping.string("note", in: context)?.value
        entry.servicesAdded = items("servicesAdded", in: mapping)
        entry.servicesRemoved = items("servicesRemoved", in: mapping)
        entry.cookiesAdded = cookies("cookiesAdded", in: mapping)
        entry.cookiesRemoved = cookies("cookiesRemoved", in: mapping)
        entry.cookiesChanged = cookies("cookiesChanged", in: mapping)
        entry.activitiesAdded = items("activitiesAdded", in: mapping)
        entry.activitiesRemoved = items("activitiesRemoved", in: mapping)
        entry.activitiesChanged = items("activitiesChanged", in: mapping)
        entry.askedAgain = mapping.bool("askedAgain", in: context) ?? false
        entry.registry = mapping.string("registry", in: context)?.value
        entry.processing = mapping.string("processing", in: context)?.value
        return entry
    }

    private func pairs(_ key: String, in mapping: YAMLMapping, keys: (String, String)) -> [(String, String)] {
        (mapping.sequence(key, in: "a change") ?? []).compactMap { node in
            guard let item = reader.mapping(node, describedAs: "an item of '\(key)'") else { return nil }
            item.rejectUnknownKeys(allowed: [keys.0, keys.1], in: "an item of '\(key)'")
            guard let first = item.string(keys.0, required: true, in: "an item of '\(key)'") else { return nil }
            return (first.value, item.string(keys.1, in: "an item of '\(key)'")?.value ?? first.value)
        }
    }

    private func items(_ key: String, in mapping: YAMLMapping) -> [ChangeHistory.Item] {
        pairs(key, in: mapping, keys: ("id", "name")).map { ChangeHistory.Item(id: $0.0, name: $0.1) }
    }

    private func cookies(_ key: String, in mapping: YAMLMapping) -> [ChangeHistory.CookieItem] {
        pairs(key, in: mapping, keys: ("name", "service")).map { ChangeHistory.CookieItem(name: $0.0, service: $0.1) }
    }
}
