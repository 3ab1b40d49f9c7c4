/// Codes of Site diagnostics (docs/diagnostics.md).
extension DiagnosticCode {
    static let siteCodes: [DiagnosticCode] = []
}
