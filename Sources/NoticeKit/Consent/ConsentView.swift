/// What every consent template gets (docs/themes.md, "The consent templates"): the consent texts, filled
/// in and ready to show, the optional categories, and the policy page's addresses. Addresses are relative
/// to the consent script, which resolves them against its own address, so the markup works on any
/// service's pages.
struct ConsentView: TypedTemplateView {
    /// `text.<key>`: each text under `consent.ui` in the theme's strings, its placeholders filled in
    /// (`{site}`, `{lifetime}`), except the one the script fills: `{value}`.
    struct Texts: TypedTemplateView {
        let values: [String: String]

        static let fields = TemplateFields<Self>(ConsentScriptContract.textKeys.map { key in .text(key) { $0.values[key] } })
    }

    /// One optional category, in registry order.
    struct Category: TypedTemplateView {
        let id: String
        /// The name of its two radio buttons (`notice-analytics`), values 1 (use) and 0 (do not use).
        let inputName: String
        let title: String
        /// The banner's line: "Analytics cookies: We’d like to…".
        let purpose: String
        let description: String
        /// "Used by: Google Analytics, Hotjar", or false when no service is in it.
        let services: String?
        /// Its section of the policy page.
        let sectionURL: String
        /// The words of the link to that section.
        let more: String

        static let fields = TemplateFields<Self>([
            .text("id") { $0.id },
            .text("inputName") { $0.inputName },
            .text("title") { $0.title },
            .text("purpose") { $0.purpose },
            .text("description") { $0.description },
            .textOrFalse("services") { $0.services },
            .text("sectionURL") { $0.sectionURL },
            .text("more") { $0.more },
        ])
    }

    let text: Texts
    let categories: [Category]
    /// The policy page.
    let policyURL: String
    /// Its settings form, where settings links lead without JavaScript.
    let formURL: String

    static let fields = TemplateFields<Self>([
        .view("text") { $0.text },
        .list("categories") { $0.categories },
        .text("policyURL") { $0.policyURL },
        .text("formURL") { $0.formURL },
    ])
}
