/// What the `cookie-table` template gets: one table of cookies from the registry, and what the registry
/// says of the services in it.
struct CookieTableView: TemplateView {
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

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "id": id.map { .text($0) }
        case "caption": .text(caption)
        case "headings": .view(headings)
        case "showService": .flag(showService)
        case "rows": .list(rows)
        case "service": service.map { .view($0) }
        case "services": .list(services)
        case "hasServiceDetails": .flag(services.contains { $0.hasDetails })
        default: nil
        }
    }

    /// The column headings.
    struct Headings: TemplateView {
        let name, service, purpose, duration: String

        func value(named key: String) -> TemplateValue? {
            switch key {
            case "name": .text(name)
            case "service": .text(service)
            case "purpose": .text(purpose)
            case "duration": .text(duration)
            default: nil
            }
        }
    }

    /// One registry row: a cookie (or several names the published table wrote on one row).
    struct Row: TemplateView {
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

        func value(named key: String) -> TemplateValue? {
            switch key {
            case "name": .text(name.name)
            case "nameParts": .list(name.parts)
            case "isPattern": .flag(name.isPattern)
            case "names": .list(names)
            case "label": label.map { .text($0) }
            case "purpose": .text(purpose)
            case "purposeHTML": .text(purposeHTML)
            case "duration": .text(duration)
            case "durationStated": .flag(durationStated)
            case "service": service.map { .text($0) }
            case "note": note.map { .text($0) }
            case "noteHTML": noteHTML.map { .text($0) }
            case "storage": storage.map { .text($0) }
            default: nil
            }
        }
    }

    /// A cookie name as written, in pieces so templates can mark what varies.
    struct Name: TemplateView {
        let name: String
        let parts: [NamePart]
        let isPattern: Bool
        /// `", "` before all but a row's first name.
        let separator: String

        func value(named key: String) -> TemplateValue? {
            switch key {
            case "name": .text(name)
            case "nameParts": .list(parts)
            case "isPattern": .flag(isPattern)
            case "separator": .text(separator)
            default: nil
            }
        }
    }

    /// `_ga_`, then the placeholder `<container-id>` (which varies).
    struct NamePart: TemplateView {
        let text: String
        /// True for a placeholder or `*`.
        let varies: Bool

        func value(named key: String) -> TemplateValue? {
            switch key {
            case "text": .text(text)
            case "varies": .flag(varies)
            default: nil
            }
        }
    }

    /// A service as the template sees it: name, provider, description, and links with their texts.
    struct ServiceDetails: TemplateView {
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

        func value(named key: String) -> TemplateValue? {
            switch key {
            case "id": .text(id)
            case "name": .text(name)
            case "provider": provider.map { .text($0) }
            case "providedBy": providedBy.map { .text($0) }
            case "descriptionHTML": descriptionHTML.map { .text($0) }
            case "privacyPolicy": privacyPolicy.map { .view($0) }
            case "optOut": optOut.map { .view($0) }
            case "hasLinks": .flag(hasLinks)
            case "hasDetails": .flag(hasDetails)
            default: nil
            }
        }
    }

    /// A link and its text.
    struct Link: TemplateView {
        let href: String
        let text: String

        func value(named key: String) -> TemplateValue? {
            switch key {
            case "href": .text(href)
            case "text": .text(text)
            default: nil
            }
        }
    }
}
