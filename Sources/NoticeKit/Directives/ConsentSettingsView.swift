/// What the `consent-settings` template gets: the form's id, which the footer's link points at, the
/// message shown without JavaScript, and whether there is anything to choose.
struct ConsentSettingsView: TypedTemplateView {
    let id: String
    let noScript: String
    /// False when the registry has no optional category: the page then says so, with no form.
    let hasChoices: Bool
    let onlyNecessary: String

    static let fields = TemplateFields<Self>([
        .text("id") { $0.id },
        .text("noScript") { $0.noScript },
        .flag("hasChoices") { $0.hasChoices },
        .text("onlyNecessary") { $0.onlyNecessary },
    ])
}
