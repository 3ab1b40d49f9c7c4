/// Text Notice writes into a YAML file (an imported registry, a starter's settings, a change history),
/// as a double-quoted scalar that reads back exactly as written: nothing in it read as YAML, backslashes
/// and quotes escaped, and every character YAML does not allow as it is (control characters, the
/// Unicode line and paragraph separators) written as an escape.
enum YAMLQuoting {
    static func escaped(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\u{2028}": escaped += "\\L"
            case "\u{2029}": escaped += "\\P"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                let hex = String(scalar.value, radix: 16, uppercase: true)
                escaped += "\\x" + (hex.count < 2 ? "0" : "") + hex
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    static func quoted(_ text: String) -> String {
        "\"" + escaped(text) + "\""
    }
}
