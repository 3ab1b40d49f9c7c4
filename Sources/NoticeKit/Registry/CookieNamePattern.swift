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
    }

    /// The name as written in the registry.
    public let text: String
    public let parts: [Part]

    /// Reads a registry name; fails on an unclosed `<` or `{`, or an empty placeholder.
    public init(_ text: String) throws(CookieNamePatternError) {
        self.text = text
        var parts: [Part] = []
        var literal = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "*" {
                if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
                if parts.last != .wildcard { parts.append(.wildcard) }
                index = text.index(after: index)
            } else if character == "<" || character == "{" {
                let closing: Character = character == "<" ? ">" : "}"
                guard let end = text[index...].firstIndex(of: closing) else {
                    throw CookieNamePatternError(message: "the placeholder that starts with '\(character)' is not closed with '\(closing)'")
                }
                guard text.index(after: index) < end else {
                    throw CookieNamePatternError(message: "'\(character)\(closing)' is an empty placeholder; name what varies, as in _ga_<container-id>")
                }
                if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
                parts.append(.placeholder(String(text[index...end])))
                index = text.index(after: end)
            } else {
                literal.append(character)
                index = text.index(after: index)
            }
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        self.parts = parts
    }

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
    public func matches(_ name: String) -> Bool {
        Self.match(parts[...], Substring(name))
    }

    private static func match(_ parts: ArraySlice<Part>, _ name: Substring) -> Bool {
        guard let first = parts.first else { return name.isEmpty }
        let rest = parts.dropFirst()
        switch first {
        case .literal(let text):
            return name.hasPrefix(text) && match(rest, name.dropFirst(text.count))
        case .placeholder, .wildcard:
            let minimum = first == .wildcard ? 0 : 1
            guard name.count >= minimum else { return false }
            // Try the shortest run first; names are short, so backtracking stays cheap.
            var candidate = name.dropFirst(minimum)
            while true {
                if match(rest, candidate) { return true }
                if candidate.isEmpty { return false }
                candidate = candidate.dropFirst()
            }
        }
    }

    /// A regular expression (JavaScript and ICU syntax) matching the same names: `_ga_.+`, `PREF.*`.
    public var regexSource: String {
        parts.map { part in
            switch part {
            case .literal(let text): return Self.escapeForRegex(text)
            case .placeholder: return ".+"
            case .wildcard: return ".*"
            }
        }.joined()
    }

    static func escapeForRegex(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "\\^$.|?*+()[]{}/".contains(character) { escaped.append("\\") }
            escaped.append(character)
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
        CookieNameMatcher(cookies(in: id).filter { $0.storage == .cookie }.map(\.pattern))
    }

    /// One matcher for a category's local and session storage keys.
    public func storageKeyMatcher(forCategory id: String) -> CookieNameMatcher {
        CookieNameMatcher(cookies(in: id).filter { $0.storage == .localStorage || $0.storage == .sessionStorage }.map(\.pattern))
    }
}
