import Foundation

/// The outcome of a build or check in a form for tools: JSON, or GitHub Actions workflow commands.
public struct DiagnosticReport: Sendable, Encodable {
    /// One diagnostic, flattened for JSON; `file`, `line` and `column` are `null` when it has no place.
    public struct Entry: Sendable, Encodable, Equatable {
        public var severity: String
        /// The diagnostic's stable code (docs/diagnostics.md).
        public var code: String
        public var file: String?
        public var line: Int?
        public var column: Int?
        public var message: String
        /// A finding's parts as machine values (`notice audit`); left out when there are none.
        public var details: [String: DiagnosticDetail] = [:]

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(severity, forKey: .severity)
            try container.encode(code, forKey: .code)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(message, forKey: .message)
            if !details.isEmpty { try container.encode(details, forKey: .details) }
        }

        enum CodingKeys: String, CodingKey { case severity, code, file, line, column, message, details }
    }

    public var command: String
    public var ok: Bool
    public var errors: Int
    public var warnings: Int
    public var notes: Int
    /// Warnings and notes the site silenced with `checks: ignore:` (not in `diagnostics`).
    public var silenced: Int
    public var pages: Int?
    public var seconds: Double?
    public var output: String?
    public var diagnostics: [Entry]

    public init(
        command: String, diagnostics: [Diagnostic], pages: Int? = nil, seconds: Double? = nil, output: String? = nil,
        silenced: Int = 0
    ) {
        self.command = command
        self.silenced = silenced
        errors = diagnostics.count { $0.severity == .error }
        warnings = diagnostics.count { $0.severity == .warning }
        notes = diagnostics.count { $0.severity == .note }
        ok = errors == 0
        self.pages = pages
        self.seconds = seconds
        self.output = output
        self.diagnostics = diagnostics.map {
            Entry(
                severity: $0.severity.rawValue, code: $0.code.id, file: $0.location?.printablePath, line: $0.location?.line, column: $0.location?.column,
                message: $0.printableMessage, details: $0.details)
        }
    }

    /// Every documented field is always there: `pages`, `seconds` and `output` are `null` when the command
    /// did not get that far (a failed build) or writes nothing (`check`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(command, forKey: .command)
        try container.encode(ok, forKey: .ok)
        try container.encode(errors, forKey: .errors)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(notes, forKey: .notes)
        try container.encode(silenced, forKey: .silenced)
        try container.encode(pages, forKey: .pages)
        try container.encode(seconds, forKey: .seconds)
        try container.encode(output, forKey: .output)
        try container.encode(diagnostics, forKey: .diagnostics)
    }

    enum CodingKeys: String, CodingKey { case command, ok, errors, warnings, notes, silenced, pages, seconds, output, diagnostics }

    /// The report as one JSON document (keys sorted).
    public func json() -> String {
        let encoder = JSONOutput.readable()
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// `::error file=…,line=…,col=…,title=Notice error (page.link.broken)::message`: GitHub Actions shows it on the line in the
    /// pull request. Values are escaped as the workflow command syntax requires.
    public static func githubAnnotation(for diagnostic: Diagnostic) -> String {
        var properties: [String] = []
        if let location = diagnostic.location {
            properties.append("file=\(escapeProperty(location.printablePath))")
            properties.append("line=\(location.line)")
            properties.append("col=\(location.column)")
        }
        properties.append("title=Notice \(diagnostic.severity.rawValue)" + " (\(diagnostic.code.id))")
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
