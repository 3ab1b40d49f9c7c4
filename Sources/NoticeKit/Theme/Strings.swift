/// The visible texts of a theme (and later of a language), kept as data so sites can reword them.
///
/// Values are single texts or lists of texts (the month names, say). A site's `strings:` block overrides
/// the theme's `strings.yaml` key by key.
public struct Strings: Sendable {
    public enum Value: Sendable, Equatable {
        case text(String)
        case list([String])
    }

    public private(set) var values: [String: Value]
    /// Where each value was written, for messages about it.
    public private(set) var locations: [String: SourceLocation]

    public init(_ values: [String: Value] = [:], locations: [String: SourceLocation] = [:]) {
        self.values = values
        self.locations = locations
    }

    public subscript(key: String) -> String? {
        if case .text(let text)? = values[key] { return text }
        return nil
    }

    public func list(_ key: String) -> [String]? {
        if case .list(let list)? = values[key] { return list }
        return nil
    }

    /// These strings with `overrides` laid over them.
    public func merging(_ overrides: Strings) -> Strings {
        Strings(values.merging(overrides.values) { _, new in new }, locations: locations.merging(overrides.locations) { _, new in new })
    }

    /// The texts as a Mustache context: dotted keys become nested, so `{{strings.page.lastUpdated}}` works.
    var templateContext: [String: Any] {
        var root: [String: Any] = [:]
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            let leaf: Any
            switch value {
            case .text(let text): leaf = text
            case .list(let list): leaf = list
            }
            Self.insert(leaf, at: key.split(separator: ".").map(String.init)[...], into: &root)
        }
        return root
    }

    private static func insert(_ value: Any, at path: ArraySlice<String>, into dictionary: inout [String: Any]) {
        guard let first = path.first else { return }
        if path.count == 1 {
            dictionary[first] = value
            return
        }
        var child = dictionary[first] as? [String: Any] ?? [:]
        insert(value, at: path.dropFirst(), into: &child)
        dictionary[first] = child
    }
}
