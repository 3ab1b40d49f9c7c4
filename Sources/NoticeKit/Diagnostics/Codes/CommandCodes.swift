/// Codes of Command diagnostics (docs/diagnostics.md).
extension DiagnosticCode {
    static let commandCodes: [DiagnosticCode] = []
}
