import Foundation

/// What may stand in a cookie name: what browsers accept (RFC 6265bis, as Chromium applies it).
enum CookieNameRules {
    /// Why no browser could set a cookie with this name, or `nil` when one can.
    ///
    /// Browsers take a name to be everything before the first `=`, end the cookie at `;`, refuse control
    /// characters, and trim spaces at either end. Everything else (`:`, `@`, `,`, spaces inside, accents)
    /// is a name some real cookie has.
    static func problem(with name: String) -> String? {
        if name.isEmpty { return "a cookie needs a name" }
        if name.contains(";") || name.contains("=") {
            return "';' and '=' end a cookie's name in the browser, so no cookie can have them in its name"
        }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "it has a control character (such as a tab or a line break), which browsers refuse"
        }
        if name.first == " " || name.last == " " {
            return "browsers remove spaces at the start and end of a name, so remove them here too"
        }
        return nil
    }

    static func isValidCookieName(_ name: String) -> Bool {
        problem(with: name) == nil
    }

    /// Letters, digits, `-`, `_` and `.` only: the names Notice itself gives cookies (the consent
    /// script's), which every tool and server handles without quoting.
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)) }
    }
}
