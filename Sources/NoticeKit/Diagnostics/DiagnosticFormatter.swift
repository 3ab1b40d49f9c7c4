/// Writes diagnostics for people: `path:line:column: error: message`, optionally coloured.
public struct DiagnosticFormatter: Sendable {
    public var useColour: Bool

    public init(useColour: Bool) {
        self.useColour = useColour
    }

    public func format(_ diagnostic: Diagnostic) -> String {
        guard useColour else { return diagnostic.description }
        let colour =
            switch diagnostic.severity {
            case .error: "\u{1B}[1;31m"
            case .warning: "\u{1B}[1;35m"
            case .note: "\u{1B}[1;36m"
            }
        let label = "\(colour)\(diagnostic.severity.rawValue):\u{1B}[0m"
        let location = diagnostic.location.map { "\u{1B}[1m\($0.printable):\u{1B}[0m " } ?? ""
        return "\(location)\(label) \(diagnostic.printableMessage)"
    }

    /// `2 errors, 1 warning` (and `, 3 notes` when there are notes, `, 4 silenced by checks.ignore` when
    /// the site silenced some).
    public static func summary(errors: Int, warnings: Int, notes: Int = 0, silenced: Int = 0) -> String {
        func count(_ number: Int, _ word: String) -> String { English.count(number, word) }
        return [
            errors > 0 ? count(errors, "error") : nil, warnings > 0 ? count(warnings, "warning") : nil,
            notes > 0 ? count(notes, "note") : nil, silenced > 0 ? "\(silenced) silenced by checks.ignore" : nil,
        ]
        .compactMap { $0 }.joined(separator: ", ")
    }
}
