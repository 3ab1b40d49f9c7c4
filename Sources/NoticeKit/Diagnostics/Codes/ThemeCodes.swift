/// Codes of Theme diagnostics (docs/diagnostics.md).
extension DiagnosticCode {
    static let themeCodes: [DiagnosticCode] = []
}
