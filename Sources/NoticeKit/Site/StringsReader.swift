import Yams

/// Reads a block of texts (a theme's `strings.yaml` or a site's `strings:`) into ``Strings``.
///
/// Texts may be grouped in nested blocks; `cookieTable: {name: Name}` is stored as `cookieTable.name`.
enum StringsReader {
    static func read(_ mapping: YAMLMapping) -> Strings {
        var values: [String: Strings.Value] = [:]
        read(mapping.pairs, prefix: "", reader: mapping.reader, into: &values)
        return Strings(values)
    }

    private static func read(_ pairs: [(key: Node, value: Node)], prefix: String, reader: YAMLReader, into values: inout [String: Strings.Value]) {
        for (key, value) in pairs {
            guard let name = key.string else { continue }
            let fullName = prefix + name
            switch value {
            case .scalar(let scalar):
                values[fullName] = .text(scalar.string)
            case .sequence(let sequence):
                let items = sequence.compactMap { item -> String? in
                    guard case .scalar(let scalar) = item else {
                        reader.error("each item of the text list '\(fullName)' should be a single text", at: item)
                        return nil
                    }
                    return scalar.string
                }
                values[fullName] = .list(items)
            case .mapping(let mapping):
                read(Array(mapping), prefix: fullName + ".", reader: reader, into: &values)
            case .alias:
                reader.error("the text '\(fullName)' should be a single text or a list of texts", at: value)
            }
        }
    }
}
