/// Codes of Audit diagnostics (docs/diagnostics.md).
extension DiagnosticCode {
    static let auditCodes: [DiagnosticCode] = []
}
