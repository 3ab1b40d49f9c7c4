/// Fills `{name}` placeholders in a text, in one pass: a value is put in as it is, never searched for
/// placeholders itself, so the result does not depend on the order of the values, and a site title that
/// happens to contain `{categories}` stays as written.
///
/// A `{word}` with no value stays as it is. The consent scripts fill their one run-time placeholder,
/// `{value}`, the same way (see `text()` in consent.js).
public enum Placeholders {
    public static func fill(_ text: String, _ values: [String: String]) -> String {
        guard !values.isEmpty, text.contains("{") else { return text }
        var result = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(where: { $0 == "}" || $0 == "{" }), rest[close] == "}",
                let value = values[String(rest[afterOpen..<close])]
            {
                result += value
                rest = rest[rest.index(after: close)...]
            } else {
                result.append("{")
                rest = rest[afterOpen...]
            }
        }
        return result + rest
    }
}
