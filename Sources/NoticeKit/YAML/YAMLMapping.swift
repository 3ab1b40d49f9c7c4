import Foundation
import Yams

/// A YAML mapping being read key by key; unknown keys are reported with a "did you mean" suggestion.
struct YAMLMapping {
    let node: Node
    let pairs: [(key: Node, value: Node)]
    let reader: YAMLReader

    var location: SourceLocation { reader.location(of: node) }

    /// The value of `key`, if present and not empty.
    func value(_ key: String) -> Node? {
        guard let pair = pairs.first(where: { $0.key.string == key }) else { return nil }
        if case .scalar(let scalar) = pair.value, scalar.string.isEmpty, scalar.style == .plain {
            return nil
        }
        return pair.value
    }

    func keyNode(_ key: String) -> Node? {
        pairs.first(where: { $0.key.string == key })?.key
    }

    /// Reports each key not in `allowed`, suggesting the nearest allowed key.
    func rejectUnknownKeys(allowed: [String], in context: String) {
        for (key, _) in pairs {
            guard let name = key.string, !allowed.contains(name) else { continue }
            var message = "unknown key '\(name)' in \(context)"
            message += Spelling.suggestion(for: name, in: allowed, otherwise: "; the keys allowed here are \(allowed.map { "'\($0)'" }.joined(separator: ", "))")
            reader.error(.yamlKeyUnknown, message, at: key)
        }
    }

    /// A required or optional text value. Numbers and dates are taken as the text written.
    func string(_ key: String, required: Bool = false, in context: String) -> Located<String>? {
        guard let node = value(key) else {
            if required {
                let at = keyNode(key).map(reader.location(of:)) ?? location
                reader.error(.yamlKeyMissing, "\(context) is missing '\(key)'; add a line `\(key): …`", at: at)
            }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            reader.error(.yamlValueNotSingle, "'\(key)' in \(context) should be a single value, but it is \(node.kindDescription)", at: node)
            return nil
        }
        let text = scalar.string.trimmingSpacesAndNewlines
        if text.isEmpty {
            if required {
                reader.error(.yamlValueEmpty, "'\(key)' in \(context) is empty; write a value after the colon", at: node)
            }
            return nil
        }
        return Located(text, at: reader.location(of: node))
    }

    /// An optional `true`/`false` value.
    func bool(_ key: String, in context: String) -> Bool? {
        guard let node = value(key) else { return nil }
        guard case .scalar(let scalar) = node else {
            reader.error(.yamlValueNotBoolean, "'\(key)' in \(context) should be true or false, but it is \(node.kindDescription)", at: node)
            return nil
        }
        switch scalar.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            reader.error(.yamlValueNotBoolean, "'\(key)' in \(context) should be true or false, not '\(scalar.string)'", at: node)
            return nil
        }
    }

    /// An optional nested mapping.
    func mapping(_ key: String, in context: String) -> YAMLMapping? {
        guard let node = value(key) else { return nil }
        return reader.mapping(node, describedAs: "'\(key)' in \(context)")
    }

    /// An optional list.
    func sequence(_ key: String, in context: String) -> [Node]? {
        guard let node = value(key) else { return nil }
        return reader.sequence(node, describedAs: "'\(key)' in \(context)")
    }
}
