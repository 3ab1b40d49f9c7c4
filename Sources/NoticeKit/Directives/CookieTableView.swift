/// What the `cookie-table` template gets: one table of cookies from the registry, and what the registry
/// says of the services in it.
struct CookieTableView: TypedTemplateView {
    /// The table's id: a category's section id, when the page has no heading with it.
    let id: String?
    let caption: String
    let headings: Headings
    /// True when the table shows several services' cookies, so it needs a Service column.
    let showService: Bool
    let rows: [Row]
    /// For a table of one service.
    let service: ServiceDetails?
    /// For a table of a category or of several services.
    let services: [ServiceDetails]

    static let fields = TemplateFields<Self>([
        .text("id") { $0.id },
        .text("caption") { $0.caption },
        .view("headings") { $0.headings },
        .flag("showService") { $0.showService },
        .list("rows") { $0.rows },
        .view("service") { $0.service },
        .list("services") { $0.services },
        .flag("hasServiceDetails") { $0.services.contains { $0.hasDetails } },
    ])

    /// The column headings.
    struct Headings: TypedTemplateView {
        let name, service, purpose, duration: String

        static let fields = TemplateFields<Self>([
            .text("name") { $0.name },
            .text("service") { $0.service },
            .text("purpose") { $0.purpose },
            .text("duration") { $0.duration },
        ])
    }

    /// One registry row: a cookie (or several names the published table wrote on one row).
    struct Row: TypedTemplateView {
        /// The first name, and every name of the row.
        let name: Name
        let names: [Name]
        /// The name cell as published, shown instead of the names when given.
        let label: String?
        /// The purpose and note as published (plain text), and as escaped HTML with their links and code,
        /// for `{{{purposeHTML}}}`.
        let purpose: String
        let purposeHTML: String
        /// The published duration, or the theme's "Not stated" when the policy gives none.
        let duration: String
        /// False when the policy states no duration (`duration` is then the theme's words).
        let durationStated: Bool
        /// The service's name, in tables of several services.
        let service: String?
        let note: String?
        let noteHTML: String?
        /// The storage's name from the theme's texts; nil for cookies.
        let storage: String?

        static let fields = TemplateFields<Self>([
            .text("name") { $0.name.name },
            .list("nameParts") { $0.name.parts },
            .flag("isPattern") { $0.name.isPattern },
            .list("names") { $0.names },
            .text("label") { $0.label },
            .text("purpose") { $0.purpose },
            .text("purposeHTML") { $0.purposeHTML },
            .text("duration") { $0.duration },
            .flag("durationStated") { $0.durationStated },
            .text("service") { $0.service },
            .text("note") { $0.note },
            .text("noteHTML") { $0.noteHTML },
            .text("storage") { $0.storage },
        ])
    }

    /// A cookie name as written, in pieces so templates can mark what varies.
    struct Name: TypedTemplateView {
        let name: String
        let parts: [NamePart]
        let isPattern: Bool
        /// `", "` before all but a row's first name.
        let separator: String

        static let fields = TemplateFields<Self>([
            .text("name") { $0.name },
            .list("nameParts") { $0.parts },
            .flag("isPattern") { $0.isPattern },
            .text("separator") { $0.separator },
        ])
    }

    /// `_ga_`, then the placeholder `<container-id>` (which varies).
    struct NamePart: TypedTemplateView {
        let text: String
        /// True for a placeholder or `*`.
        let varies: Bool

        static let fields = TemplateFields<Self>([
            .text("text") { $0.text },
            .flag("varies") { $0.varies },
        ])
    }

    /// A service as the template sees it: name, provider, description, and links with their texts.
    struct ServiceDetails: TypedTemplateView {
        let id: String
        let name: String
        /// Only when the provider is not the service itself.
        let provider: String?
        let providedBy: String?
        /// The description's inline Markdown as escaped HTML, for `{{{descriptionHTML}}}`.
        let descriptionHTML: String?
        let privacyPolicy: Link?
        let optOut: Link?

        var hasLinks: Bool { privacyPolicy != nil || optOut != nil || provider != nil }
        var hasDetails: Bool { hasLinks || descriptionHTML != nil }

        static let fields = TemplateFields<Self>([
            .text("id") { $0.id },
            .text("name") { $0.name },
            .text("provider") { $0.provider },
            .text("providedBy") { $0.providedBy },
            .text("descriptionHTML") { $0.descriptionHTML },
            .view("privacyPolicy") { $0.privacyPolicy },
            .view("optOut") { $0.optOut },
            .flag("hasLinks") { $0.hasLinks },
            .flag("hasDetails") { $0.hasDetails },
        ])
    }

    /// A link and its text.
    struct Link: TypedTemplateView {
        let href: String
        let text: String

        static let fields = TemplateFields<Self>([
            .text("href") { $0.href },
            .text("text") { $0.text },
        ])
    }
}
