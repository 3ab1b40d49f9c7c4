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

    /// The texts as one template value: dotted keys become nested views, so `{{strings.page.lastUpdated}}`
    /// works, and a list (the month names) is a list of texts.
    var templateValue: TemplateValue { tree.value }

    /// The names `templateValue` offers, for checking templates: `page.lastUpdated` as `page` holding
    /// `lastUpdated`. A key that is both a text and a group (`a` and `a.b`) is a group, as above.
    var templateSchema: TemplateSchema { tree.schema }

    /// The texts as a tree of their dotted keys.
    private var tree: Node {
        var root = Node()
        for (key, value) in values {
            let leaf: TemplateValue
            switch value {
            case .text(let text): leaf = .text(text)
            case .list(let list): leaf = .list(list.map { .text($0) })
            }
            root.insert(leaf, at: key.split(separator: ".").map(String.init)[...])
        }
        return root
    }

    /// A level of the texts' tree while it is built.
    private struct Node {
        var leaf: TemplateValue?
        var children: [String: Node] = [:]

        mutating func insert(_ value: TemplateValue, at path: ArraySlice<String>) {
            guard let first = path.first else {
                leaf = value
                return
            }
            children[first, default: Node()].insert(value, at: path.dropFirst())
        }

        var value: TemplateValue {
            if children.isEmpty, let leaf { return leaf }
            return .view(TemplateDictionary(children.mapValues(\.value)))
        }

        var schema: TemplateSchema {
            TemplateSchema(
                children.mapValues { child in
                    if child.children.isEmpty, let leaf = child.leaf {
                        if case .list = leaf { return .list(.text) }
                        return .text
                    }
                    return .view(child.schema)
                })
        }
    }
}
