/// White space trimmed from both ends without Foundation's `trimmingCharacters(in:)`, which on Linux
/// goes through NSString and UTF-16 (a twentieth of a 10,000-page build went there). The same
/// characters as Foundation's `.whitespaces` (tab, the space separators and the zero-width space) and
/// `.whitespacesAndNewlines` (those, the line and paragraph separators, U+000A–U+000D and U+0085).
extension StringProtocol {
    /// Without spaces and tabs at either end.
    var trimmingSpaces: String { trimming(Self.isSpace) }

    /// Without spaces, tabs and line breaks at either end.
    var trimmingSpacesAndNewlines: String { trimming { Self.isSpace($0) || Self.isNewline($0) } }

    private func trimming(_ isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }) else { return "" }
        var last = scalars.index(before: scalars.endIndex)
        while isTrimmed(scalars[last]) { last = scalars.index(before: last) }
        return String(self[first..<scalars.index(after: last)])
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0x200B: return true  // Foundation counts the zero-width space too
        case 0x21..<0x80: return false
        default: return scalar.properties.generalCategory == .spaceSeparator
        }
    }

    private static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }
}
