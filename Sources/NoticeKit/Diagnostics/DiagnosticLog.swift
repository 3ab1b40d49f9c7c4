/// Collects every diagnostic of a build step, so that one run reports all problems, not just the first.
public struct DiagnosticLog: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public mutating func append(contentsOf other: some Sequence<Diagnostic>) {
        diagnostics.append(contentsOf: other)
    }

    /// Adds a diagnostic of `code` (its severity is the code's).
    public mutating func add(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?) {
        append(Diagnostic(code, message, at: location))
    }

    public mutating func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?) {
        assert(code.severity == .error, "\(code) is declared as a \(code.severity)")
        add(code, message, at: location)
    }

    public mutating func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?) {
        assert(code.severity == .warning, "\(code) is declared as a \(code.severity)")
        add(code, message, at: location)
    }

    public mutating func note(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?) {
        assert(code.severity == .note, "\(code) is declared as a \(code.severity)")
        add(code, message, at: location)
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The diagnostics without repeats, in file order.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }.sorted()
    }
}
