public import Foundation

/// The outcome of a build or check in a form for tools: JSON, or GitHub Actions workflow commands.
public struct DiagnosticReport: Sendable, Encodable {
    /// One diagnostic, flattened for JSON.
    public struct Entry: Sendable, Encodable, Equatable {
        public var severity: String
        public var file: String?
        public var line: Int?
        public var column: Int?
        public var message: String
    }

    public var command: String
    public var ok: Bool
    public var errors: Int
    public var warnings: Int
    public var notes: Int?
    public var pages: Int?
    public var seconds: Double?
    public var output: String?
    public var diagnostics: [Entry]

    public init(command: String, diagnostics: [Diagnostic], pages: Int? = nil, seconds: Double? = nil, output: String? = nil) {
        self.command = command
        errors = diagnostics.count { $0.severity == .error }
        warnings = diagnostics.count { $0.severity == .warning }
        let noteCount = diagnostics.count { $0.severity == .note }
        notes = noteCount > 0 ? noteCount : nil
        ok = errors == 0
        self.pages = pages
        self.seconds = seconds
        self.output = output
        self.diagnostics = diagnostics.map {
            Entry(severity: $0.severity.rawValue, file: $0.location?.printablePath, line: $0.location?.line, column: $0.location?.column,
                  message: $0.printableMessage)
        }
    }

    /// The report as one JSON document (keys sorted).
    public func json() -> String {
        let encoder = JSONOutput.readable()
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// `::error file=…,line=…,col=…,title=Notice::message`: GitHub Actions shows it on the line in the
    /// pull request. Values are escaped as the workflow command syntax requires.
    public static func githubAnnotation(for diagnostic: Diagnostic) -> String {
        var properties: [String] = []
        if let location = diagnostic.location {
            properties.append("file=\(escapeProperty(location.printablePath))")
            properties.append("line=\(location.line)")
            properties.append("col=\(location.column)")
        }
        properties.append("title=Notice \(diagnostic.severity.rawValue)")
        // GitHub's workflow commands are error, warning and notice.
        let command = diagnostic.severity == .note ? "notice" : diagnostic.severity.rawValue
        return "::\(command) \(properties.joined(separator: ","))::\(escapeData(diagnostic.printableMessage))"
    }

    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
