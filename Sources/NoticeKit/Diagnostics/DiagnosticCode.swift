/// A diagnostic's stable identity, such as `registry.duration.unread` or `page.link.broken`: what tools
/// match on (JSON's `code`, GitHub annotations' title), what `checks: ignore:` in site.yaml names, and
/// what docs/diagnostics.md lists. A message's words may change; its code does not.
///
/// Codes are declared once, in `Diagnostics/Codes/`, each with the severity it is reported at and a
/// line for the docs; `DiagnosticCode.all` lists them.
public struct DiagnosticCode: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Dotted lower-case words: `area.subject.problem`.
    public let id: String
    public let severity: Diagnostic.Severity
    /// What it means, in a few words, for docs/diagnostics.md.
    public let summary: String

    init(_ id: String, _ severity: Diagnostic.Severity, _ summary: String) {
        self.id = id
        self.severity = severity
        self.summary = summary
    }

    static func error(_ id: String, _ summary: String) -> DiagnosticCode { DiagnosticCode(id, .error, summary) }
    static func warning(_ id: String, _ summary: String) -> DiagnosticCode { DiagnosticCode(id, .warning, summary) }
    static func note(_ id: String, _ summary: String) -> DiagnosticCode { DiagnosticCode(id, .note, summary) }

    public var description: String { id }

    /// Errors cannot be silenced: they stop the build because the output would be wrong.
    public var canBeIgnored: Bool { severity != .error }

    public static func == (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.id < rhs.id }

    /// Every code, by its id.
    public static let byID: [String: DiagnosticCode] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
}

extension DiagnosticCode {
    /// Every code Notice reports, from each part's list in `Codes/`.
    public static var all: [DiagnosticCode] {
        yamlCodes + registryCodes + recordCodes + siteCodes + themeCodes + themeChainCodes + pageCodes + buildCodes + importCodes + auditCodes + commandCodes
    }
}
