/// ```` ```accessibility-statement part=status ````: one part of the accessibility statement, from the
/// site's record (`accessibility.yaml`) in the theme's words: `status`, `problems`, `burdens`,
/// `out-of-scope`, `contact`, `enforcement` or `preparation`. The page's own headings stand above each
/// part, so they are in its outline and contents like any other.
struct AccessibilityStatementDirective: DirectiveHandler {
    let name = "accessibility-statement"
    let argumentNames = ["part"]

    enum Part: String, CaseIterable {
        case status, problems, burdens
        case outOfScope = "out-of-scope"
        case contact, enforcement, preparation
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
