/// Text printed for people to read or to paste into a shell.
enum ShellText {
    /// A path as a shell reads it when pasted: as it is when it holds only safe characters, otherwise in
    /// single quotes, or in `$'…'` with escapes when it holds control characters, so that pasting it
    /// never runs anything and never sends escape sequences to the terminal.
    static func quoted(_ text: String) -> String {
        let safe =
            !text.isEmpty
            && text.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII
                    && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                        || "._/-+@%:=,".unicodeScalars.contains(scalar))
            }
        if safe { return text }
        let hasControl = text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
        if !hasControl { return "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'" }
        var escaped = "$'"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += #"\\"#
            case "'": escaped += #"\'"#
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                escaped += "\\x" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped + "'"
    }

    /// Text shown on a terminal with its control characters made visible (`\u{1B}` as `\x1B`), so a name
    /// can never move the cursor or change colours.
    static func printable(_ text: String) -> String {
        var shown = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                shown += "\\x" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
