/// Codes of YAML diagnostics (docs/diagnostics.md).
extension DiagnosticCode {
    static let yamlCodes: [DiagnosticCode] = []
}
