/// ```` ```consent-settings ````: the per-category cookie settings form on the policy page.
///
/// The page carries only the no-JavaScript message, in an element with the id the footer's "Cookie
/// settings" link points at; the consent script replaces the message with the form, so the form and the
/// dialog on other pages are one and the same.
struct ConsentSettingsDirective: DirectiveHandler {
    let name = "consent-settings"
    let argumentNames: [String] = []
    var anchors: [String] { [ConsentMarkup.formAnchor] }

    func render(_ directive: Directive, in context: RenderContext, log: inout DiagnosticLog) -> String? {
        guard rejectUnknownArguments(of: directive, log: &log) else { return nil }
        let view = ConsentSettingsView(
            id: ConsentMarkup.formAnchor, noScript: context.text("consent.noScript"),
            hasChoices: context.registry.categories.contains { !$0.necessary },
            onlyNecessary: context.text("consent.onlyNecessary"))
        return context.renderTemplate("consent-settings", view, for: directive, log: &log)
    }
}
