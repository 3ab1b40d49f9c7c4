/// Codes of Import diagnostics (docs/diagnostics.md).
extension DiagnosticCode {
    static let importCodes: [DiagnosticCode] = []
}
