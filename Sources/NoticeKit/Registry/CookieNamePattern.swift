/// A cookie name as the registry writes it: an exact name (`_ga`) or a family of names.
///
/// `<placeholder>` and `{placeholder}` stand for one or more characters (`_ga_<container-id>` matches
/// `_ga_ABC123`), and `*` for any run of characters, none included (`PREF*` matches `PREF` and `PREF_1`).
/// Everything else matches itself exactly, case included.
public struct CookieNamePattern: Sendable, Hashable, CustomStringConvertible {
    /// A piece of a name.
    public enum Part: Sendable, Hashable {
        case literal(String)
        /// A named placeholder such as `<container-id>`, written as it was (brackets included).
        case placeholder(String)
        /// `*`
        case wildcard

        var isLiteral: Bool { if case .literal = self { true } else { false } }
    }

    /// The name as written in the registry.
    public let text: String
    public let parts: [Part]

    /// Reads a registry name; fails on an unclosed `<` or `{`, or an empty placeholder.
    ///
    /// The name is read by Unicode scalars, not by characters: `<x>` followed by an accent is still a
    /// placeholder and an accent, as the browser sees them.
    public init(_ text: String) throws(CookieNamePatternError) {
        self.text = text
        let scalars = text.unicodeScalars
        var parts: [Part] = []
        var literal = String.UnicodeScalarView()
        func endLiteral() {
            if !literal.isEmpty { parts.append(.literal(String(literal))) }
            literal = String.UnicodeScalarView()
        }
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "*" {
                endLiteral()
                if parts.last != .wildcard { parts.append(.wildcard) }
                index = scalars.index(after: index)
            } else if scalar == "<" || scalar == "{" {
                let closing: Unicode.Scalar = scalar == "<" ? ">" : "}"
                guard let end = scalars[index...].firstIndex(of: closing) else {
                    throw CookieNamePatternError(message: "the placeholder that starts with '\(scalar)' is not closed with '\(closing)'")
                }
                guard scalars.index(after: index) < end else {
                    throw CookieNamePatternError(message: "'\(scalar)\(closing)' is an empty placeholder; name what varies, as in _ga_<container-id>")
                }
                endLiteral()
                parts.append(.placeholder(String(scalars[index...end])))
                index = scalars.index(after: end)
            } else {
                literal.append(scalar)
                index = scalars.index(after: index)
            }
        }
        endLiteral()
        // Each run of wildcards between fixed text multiplies the work a browser's regular-expression
        // engine may do on a long name; real names need one or two.
        let runs = parts.indices.count { index in !parts[index].isLiteral && (index == 0 || parts[index - 1].isLiteral) }
        if runs > Self.maximumVariableRuns {
            throw CookieNamePatternError(message: "it has \(runs) places that vary; a name can have at most \(Self.maximumVariableRuns) (each * or placeholder, or several side by side, is one), so that browsers can check cookie names quickly")
        }
        self.parts = parts
    }

    /// How many separate runs of wildcards and placeholders a name may have.
    public static let maximumVariableRuns = 3

    /// A name taken literally, whatever characters it has.
    public init(exactly name: String) {
        text = name
        parts = name.isEmpty ? [] : [.literal(name)]
    }

    public var description: String { text }

    /// Whether the name stands for exactly one cookie.
    public var isExact: Bool { parts.allSatisfy { if case .literal = $0 { true } else { false } } }

    /// The fixed characters of the name, for checking that they may appear in a cookie name.
    var literalText: String {
        parts.map { if case .literal(let text) = $0 { text } else { "" } }.joined()
    }

    /// Whether a real cookie name belongs to this pattern.
    ///
    /// Names are compared in UTF-16 code units, as the consent script's regular expression compares
    /// them, so both always agree. Wildcards are matched greedily with one backtracking point, so a
    /// pattern of many wildcards costs at most name length × pattern length steps.
    public func matches(_ name: String) -> Bool {
        let name = Array(name.utf16)
        let tokens = self.tokens
        var token = 0
        var unit = 0
        var star: (token: Int, unit: Int)?
        while unit < name.count {
            if token < tokens.count, tokens[token] == .any || tokens[token] == .unit(name[unit]) {
                token += 1
                unit += 1
            } else if token < tokens.count, tokens[token] == .star {
                star = (token, unit)
                token += 1
            } else if let last = star {
                // Let the last wildcard take one more unit and try again from there.
                star = (last.token, last.unit + 1)
                token = last.token + 1
                unit = last.unit + 1
            } else {
                return false
            }
        }
        while token < tokens.count, tokens[token] == .star { token += 1 }
        return token == tokens.count
    }

    /// The pattern as single units: a placeholder is one unit of anything followed by a wildcard.
    private enum Token: Equatable {
        case unit(UTF16.CodeUnit)
        case any, star
    }

    private var tokens: [Token] {
        parts.flatMap { part -> [Token] in
            switch part {
            case .literal(let text): return text.utf16.map(Token.unit)
            case .placeholder: return [.any, .star]
            case .wildcard: return [.star]
            }
        }
    }

    /// A regular expression (JavaScript and ICU syntax) matching the same names: `_ga_.+`, `PREF.*`.
    /// It is meant for the `s` flag (ICU: dot matches line separators), so that `.` matches every
    /// character, as the pattern does: storage keys may hold line breaks.
    ///
    /// Placeholders and wildcards side by side become one run (`{a}*{b}` → `.{2,}`): `.+.*.+` would make
    /// a browser's regular-expression engine backtrack for a very long time on a long name.
    public var regexSource: String {
        var source = ""
        var run: Int?
        func endRun() {
            guard let minimum = run else { return }
            source += minimum == 0 ? ".*" : minimum == 1 ? ".+" : ".{\(minimum),}"
            run = nil
        }
        for part in parts {
            switch part {
            case .literal(let text):
                endRun()
                source += Self.escapeForRegex(text)
            case .placeholder: run = (run ?? 0) + 1
            case .wildcard: run = run ?? 0
            }
        }
        endRun()
        return source
    }

    /// Metacharacters get a backslash; control characters (a storage key may hold NUL) are written as
    /// `\uXXXX`, which JavaScript and ICU both read, so the expression is plain text either way.
    static func escapeForRegex(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                continue
            }
            if "\\^$.|?*+()[]{}/".unicodeScalars.contains(scalar) { escaped.append("\\") }
            escaped.unicodeScalars.append(scalar)
        }
        return escaped
    }
}

/// Why a registry name is not a valid pattern.
public struct CookieNamePatternError: Error, Sendable, Equatable {
    public var message: String
}

/// Matches cookie names against every name and pattern of a set, as one compiled expression.
///
/// The consent script deletes withdrawn categories' cookies with ``regexSource``; audits use ``matches(_:)``.
public struct CookieNameMatcher: Sendable {
    public let patterns: [CookieNamePattern]

    public init(_ patterns: [CookieNamePattern]) {
        self.patterns = patterns
    }

    public func matches(_ name: String) -> Bool {
        patterns.contains { $0.matches(name) }
    }

    /// `^(?:_ga|_gid|_ga_.+)$`, or a pattern that never matches when there are no names.
    public var regexSource: String {
        guard !patterns.isEmpty else { return "(?!)" }
        return "^(?:" + patterns.map(\.regexSource).joined(separator: "|") + ")$"
    }
}

extension CookieRegistry {
    /// One matcher for every cookie name of a category (what the consent script deletes on withdrawal).
    public func cookieNameMatcher(forCategory id: String) -> CookieNameMatcher {
        CookieNameMatcher(cookies(in: id).filter { $0.storage == .cookie }.flatMap(\.patterns))
    }

    /// One matcher for a category's local and session storage keys.
    public func storageKeyMatcher(forCategory id: String) -> CookieNameMatcher {
        CookieNameMatcher(cookies(in: id).filter { $0.storage == .localStorage || $0.storage == .sessionStorage }.flatMap(\.patterns))
    }
}
