/// ```` ```accessibility-statement part=status ````: one part of the accessibility statement, from the
/// site's record (`accessibility.yaml`) in the theme's words: `scope`, `commitment`, `status`, `problems`, `burdens`,
/// `out-of-scope`, `contact`, `enforcement` or `preparation`. The page's own headings stand above each
/// part, so they are in its outline and contents like any other.
struct AccessibilityStatementDirective: DirectiveHandler {
    let name = "accessibility-statement"
    let argumentNames = ["part"]

    enum Part: String, CaseIterable {
        case scope, commitment, status, problems, burdens
        case outOfScope = "out-of-scope"
        case contact, enforcement, preparation

        /// Why a statement needs the part, for the message that it is missing.
        var why: String {
            switch self {
            case .scope: "says which website the statement covers (the model statement opens with it)"
            case .commitment: "is the commitment the model statement asks for in its words"
            case .status: "is the compliance status the regulations ask for"
            case .problems: "lists the content that is not accessible, as the regulations ask"
            case .burdens: "gives the disproportionate burdens the record claims"
            case .outOfScope: "gives the content the record lists as out of scope"
            case .contact: "is the way to report a problem or ask for another format the regulations ask for"
            case .enforcement: "links the enforcement procedure, as the regulations ask"
            case .preparation: "says when the statement was prepared and the site tested"
            }
        }
    }

    static let partPrefix = "accessibility-statement:"

    func partsShown(by directive: Directive) -> [String] {
        directive["part"].map { [Self.partPrefix + $0] } ?? []
    }

    /// The parts a statement must show: those the model statement and the regulations ask every
    /// statement for, and the burdens and content out of scope when the record has any.
    static func requiredParts(for record: AccessibilityRecord) -> [Part] {
        Part.allCases.filter { part in
            switch part {
            case .burdens: !record.burdens.isEmpty
            case .outOfScope: !record.outOfScope.isEmpty
            default: true
            }
        }
    }

    func render(_ directive: Directive, in context: RenderContext, log: inout DiagnosticLog) -> String? {
        guard rejectUnknownArguments(of: directive, log: &log) else { return nil }
        let parts = Part.allCases.map(\.rawValue)
        guard let written = directive["part"], let part = Part(rawValue: written) else {
            let given = directive["part"].map { " not '\($0)'" } ?? ""
            log.error(
                .pageAccessibilityPartUnknown,
                "say which part of the accessibility statement to show: part= one of \(parts.joined(separator: ", "))\(given)"
                    + Spelling.suggestion(for: directive["part"] ?? "", in: parts), at: directive.location)
            return nil
        }
        guard let record = context.accessibility else {
            log.error(
                .recordFileMissing, "this page shows the accessibility statement's \(part.rawValue), but the site has no accessibility.yaml; add it beside registry.yaml (docs/accessibility-statement.md describes it, and 'notice init' writes one)",
                at: directive.location)
            return nil
        }
        return context.renderTemplate("accessibility-statement", AccessibilityStatementView(record: record, part: part, context: context), for: directive, log: &log)
    }
}
