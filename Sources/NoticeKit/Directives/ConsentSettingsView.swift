/// What the `consent-settings` template gets: the form's id, which the footer's link points at, and the
/// message shown without JavaScript.
struct ConsentSettingsView: TemplateView {
    let id: String
    let noScript: String

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "id": .text(id)
        case "noScript": .text(noScript)
        default: nil
        }
    }
}
