// libyaml, as vendored by Yams (its CYaml module), is the only parser that sees anchors and aliases
// before Yams composes (and so expands) them.
internal import CYaml

/// Finds the first YAML anchor (`&name`) or alias (`*name`) in a text, before it is composed.
///
/// Notice's files have no use for anchors and aliases, and aliases are what make a small file expand
/// into billions of nodes (an "alias bomb"): Yams hashes every mapping key in full, so one alias used
/// as a key can take minutes. Refusing them before composing keeps every file's reading linear.
enum YAMLAliasScan {
    /// An anchor or alias, as written, with its 1-based position.
    struct Found: Equatable {
        enum Kind { case anchor, alias }
        var kind: Kind
        var name: String
        var line: Int
        var column: Int
    }

    /// The first anchor or alias, or `nil` when there is none (or the text is not valid YAML, which
    /// the real parse then reports).
    static func first(in text: String) -> Found? {
        // Both indicators are ASCII; most files have neither, and then libyaml need not run twice.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "*") }) else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> Found? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let name: UnsafeMutablePointer<yaml_char_t>?
                var kind = Found.Kind.anchor
                switch event.type {
                case YAML_ALIAS_EVENT:
                    name = event.data.alias.anchor
                    kind = .alias
                case YAML_SCALAR_EVENT: name = event.data.scalar.anchor
                case YAML_SEQUENCE_START_EVENT: name = event.data.sequence_start.anchor
                case YAML_MAPPING_START_EVENT: name = event.data.mapping_start.anchor
                case YAML_STREAM_END_EVENT: return nil
                default: name = nil
                }
                if let name {
                    return Found(
                        kind: kind, name: String(cString: UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self)),
                        line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                }
            }
            return nil
        }
    }
}
