/// Codes of Page diagnostics (docs/diagnostics.md).
extension DiagnosticCode {
    static let pageCodes: [DiagnosticCode] = []
}
