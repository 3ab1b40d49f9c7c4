/// Codes of Registry diagnostics (docs/diagnostics.md).
extension DiagnosticCode {
    static let registryCodes: [DiagnosticCode] = []
}
