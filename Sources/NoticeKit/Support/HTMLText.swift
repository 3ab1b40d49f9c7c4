/// Escaping text for HTML, in one place: `&`, `<`, `>`, `"` and `'` become `&amp;`, `&lt;`, `&gt;`,
/// `&quot;` and `&#39;`, so a value is safe in element content and in quoted attribute values.
///
/// It works on UTF-8 bytes, not on Swift Characters: a combining mark after a quote (`"` + U+0301) is one
/// Character, which a Character-by-Character escaper leaves as it is, and the browser still reads the
/// quote. Text without any of the five (most of it) is returned as it is, without copying.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        var utf8 = text.utf8
        guard utf8.contains(where: isSpecial) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(utf8.count + 16)
        utf8 = text.utf8
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "&"): escaped.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): escaped.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): escaped.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): escaped.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): escaped.append(contentsOf: "&#39;".utf8)
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// Appends `text` escaped to `output`, without an intermediate copy when nothing needs escaping.
    public static func append(_ text: String, to output: inout String) {
        if text.utf8.contains(where: isSpecial) {
            output += escape(text)
        } else {
            output += text
        }
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'")
    }
}
