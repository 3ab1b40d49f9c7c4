/// Codes of Build diagnostics (docs/diagnostics.md).
extension DiagnosticCode {
    static let buildCodes: [DiagnosticCode] = []
}
