/// What the `consent-settings` template gets: the form's id, which the footer's link points at, the
/// message shown without JavaScript, and whether there is anything to choose.
struct ConsentSettingsView: TemplateView {
    let id: String
    let noScript: String
    /// False when the registry has no optional category: the page then says so, with no form.
    let hasChoices: Bool
    let onlyNecessary: String

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "id": .text(id)
        case "noScript": .text(noScript)
        case "hasChoices": .flag(hasChoices)
        case "onlyNecessary": .text(onlyNecessary)
        default: nil
        }
    }
}
