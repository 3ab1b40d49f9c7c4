/// One problem found in a site's sources, with where it is and what to do about it.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Comparable, Codable {
        /// Worth knowing, nothing to fix (`notice audit`: a declared cookie never seen).
        case note
        case warning
        case error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs.rank < rhs.rank
        }
    }

    public var severity: Severity
    /// Where the problem is; `nil` for problems that belong to no file (a missing directory, say).
    public var location: SourceLocation?
    /// What is wrong and how to fix it, in plain words.
    public var message: String
    /// The finding's parts as separate machine values, for tools (`notice audit`'s state, page, cookie
    /// name, declared and observed lifetime): `details` in JSON, empty for most diagnostics.
    public var details: [String: DiagnosticDetail] = [:]
    /// Its stable identity (docs/diagnostics.md), which tools match on and `checks: ignore:` names.
    public var code: DiagnosticCode

    /// A diagnostic of `code`, at the severity the code is declared with.
    public init(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?) {
        self.init(severity: code.severity, message: message, location: location, code: code)
    }

    private init(severity: Severity, message: String, location: SourceLocation?, code: DiagnosticCode) {
        self.severity = severity
        self.message = message
        self.location = location
        self.code = code
    }

    public static func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?) -> Diagnostic {
        assert(code.severity == .error, "\(code) is declared as a \(code.severity)")
        return Diagnostic(code, message, at: location)
    }

    public static func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?) -> Diagnostic {
        assert(code.severity == .warning, "\(code) is declared as a \(code.severity)")
        return Diagnostic(code, message, at: location)
    }

    public static func note(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?) -> Diagnostic {
        assert(code.severity == .note, "\(code) is declared as a \(code.severity)")
        return Diagnostic(code, message, at: location)
    }

    /// `path:line:column: error: message`, or `error: message` when there is no file; control
    /// characters quoted from the site are escaped, so a diagnostic is always one printable line.
    public var description: String {
        if let location {
            return "\(location.printable): \(severity.rawValue): \(printableMessage)"
        }
        return "\(severity.rawValue): \(printableMessage)"
    }

    /// The message with control characters escaped, as every diagnostics format prints it.
    public var printableMessage: String { PrintableText.escaping(message) }
}

/// One value of a diagnostic's ``Diagnostic/details``: a text, or a list of texts.
public enum DiagnosticDetail: Hashable, Sendable, Encodable, ExpressibleByStringLiteral {
    case text(String)
    case list([String])

    public init(stringLiteral value: String) { self = .text(value) }

    public var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let value): try container.encode(PrintableText.escaping(value))
        case .list(let values): try container.encode(values.map(PrintableText.escaping))
        }
    }
}

extension Diagnostic: Comparable {
    /// Orders by file and position so that reports read top to bottom, whatever order they were found in.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        switch (lhs.location, rhs.location) {
        case (nil, nil): return lhs.message < rhs.message
        case (nil, _): return true
        case (_, nil): return false
        case let (left?, right?):
            if left != right { return left < right }
            return lhs.message < rhs.message
        }
    }
}
