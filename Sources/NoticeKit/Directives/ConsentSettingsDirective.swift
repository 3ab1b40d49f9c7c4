/// ```` ```consent-settings ````: the per-category cookie settings form on the policy page.
///
/// The page carries only the no-JavaScript message; the consent script replaces it with the form, so
/// the form and the dialog on other pages are one and the same.
struct ConsentSettingsDirective: DirectiveHandler {
    let name = "consent-settings"
    let argumentNames: [String] = []

    func render(_ directive: Directive, in context: RenderContext, log: inout DiagnosticLog) -> String? {
        guard rejectUnknownArguments(of: directive, log: &log) else { return nil }
        return context.renderTemplate("consent-settings", ["noScript": context.text("consent.noScript")], for: directive, log: &log)
    }
}
