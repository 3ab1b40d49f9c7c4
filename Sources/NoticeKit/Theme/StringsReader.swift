import Yams

/// Reads a block of texts (a theme's `strings.yaml` or a site's `strings:`) into ``Strings``.
///
/// Texts may be grouped in nested blocks; `cookieTable: {name: Name}` is stored as `cookieTable.name`.
enum StringsReader {
    static func read(_ mapping: YAMLMapping) -> Strings {
        var values: [String: Strings.Value] = [:]
        var locations: [String: SourceLocation] = [:]
        read(mapping.pairs, prefix: "", reader: mapping.reader, into: &values, locations: &locations)
        return Strings(values, locations: locations)
    }

    private static func read(
        _ pairs: [(key: Node, value: Node)], prefix: String, reader: YAMLReader,
        into values: inout [String: Strings.Value], locations: inout [String: SourceLocation]
    ) {
        for (key, value) in pairs {
            guard let name = key.string else {
                reader.error(.themeStringsKeyInvalid, "the name of a text should be a single word, such as heading, but this is \(key.kindDescription)", at: key)
                continue
            }
            let fullName = prefix + name
            locations[fullName] = reader.location(of: value)
            switch value {
            case .scalar(let scalar):
                values[fullName] = .text(scalar.string)
            case .sequence(let sequence):
                let items = sequence.compactMap { item -> String? in
                    guard case .scalar(let scalar) = item else {
                        reader.error(.themeStringsValueInvalid, "each item of the text list '\(fullName)' should be a single text", at: item)
                        return nil
                    }
                    return scalar.string
                }
                values[fullName] = .list(items)
            case .mapping(let mapping):
                read(Array(mapping), prefix: fullName + ".", reader: reader, into: &values, locations: &locations)
            case .alias:
                reader.error(.themeStringsValueInvalid, "the text '\(fullName)' should be a single text or a list of texts", at: value)
            }
        }
    }
}
