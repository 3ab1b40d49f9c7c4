/// ```` ```cookie-table service=ID ````, `category=ID` or `all`: cookie tables generated from the registry.
struct CookieTableDirective: DirectiveHandler {
    let name = "cookie-table"
    let argumentNames = ["service", "category", "all"]

    func render(_ directive: Directive, in context: RenderContext, log: inout DiagnosticLog) -> String? {
        let registry = context.registry
        // `cookie-table google-analytics` is a common slip for `service=google-analytics`.
        for (key, value) in directive.arguments where value.isEmpty && key != "all" {
            let kind = registry.service(id: key) != nil ? "service" : registry.category(id: key) != nil ? "category" : nil
            if let kind {
                log.error(.pageCookieTableArgumentInvalid, "write \(kind)=\(key) to list the cookies of the \(kind) '\(key)'", at: directive.location)
                return nil
            }
        }
        guard rejectUnknownArguments(of: directive, log: &log) else { return nil }
        if directive["all"] != nil {
            guard directive.arguments.count == 1 else {
                log.error(.pageCookieTableArgumentInvalid, "'all' lists every cookie, one table per category; remove the other arguments", at: directive.location)
                return nil
            }
            let tables = registry.categories.compactMap { category -> String? in
                let services = registry.services(in: category.id).filter { !$0.cookies.isEmpty }
                let rows = services.flatMap { service in service.cookies.map { row($0, service: service, context: context, log: &log) } }
                guard !rows.isEmpty else { return nil }
                return table(
                    id: id(of: category, in: directive), caption: context.text("cookieTable.captionCategory", ["category": category.title]),
                    rows: rows, services: services, context: context, log: &log)
            }
            return tables.joined(separator: "\n")
        }
        for key in ["service", "category"] where directive[key]?.isEmpty == true {
            log.error(.pageCookieTableArgumentInvalid, "'\(key)' needs a value: write \(key)=ID", at: directive.location)
            return nil
        }
        switch (directive["service"], directive["category"]) {
        case let (serviceID?, nil):
            guard let service = registry.service(id: serviceID) else {
                guard context.registryIsComplete else { return "" }
                log.error(.pageCookieTableServiceUnknown, unknown("service", serviceID, known: registry.services.map(\.id)), at: directive.location)
                return nil
            }
            guard !service.cookies.isEmpty else {
                log.warning(.pageCookieTableServiceEmpty, "the service '\(serviceID)' has no cookies in the registry, so there is no table to show; add its cookies to the registry or remove this block", at: directive.location)
                return ""
            }
            let caption = context.text("cookieTable.captionService", ["service": service.name])
            return table(
                id: nil, caption: caption, rows: service.cookies.map { row($0, service: nil, context: context, log: &log) }, service: service,
                context: context, log: &log)
        case let (nil, categoryID?):
            guard let category = registry.category(id: categoryID) else {
                guard context.registryIsComplete else { return "" }
                log.error(.pageCookieTableCategoryUnknown, unknown("category", categoryID, known: registry.categories.map(\.id)), at: directive.location)
                return nil
            }
            let services = registry.services(in: categoryID).filter { !$0.cookies.isEmpty }
            let rows = services.flatMap { service in service.cookies.map { row($0, service: service, context: context, log: &log) } }
            guard !rows.isEmpty else {
                log.warning(.pageCookieTableCategoryEmpty, "the category '\(categoryID)' has no cookies in the registry, so there is no table to show", at: directive.location)
                return ""
            }
            let caption = context.text("cookieTable.captionCategory", ["category": category.title])
            return table(id: id(of: category, in: directive), caption: caption, rows: rows, services: services, context: context, log: &log)
        case (_?, _?):
            log.error(.pageCookieTableArgumentInvalid, "a cookie table lists one service or one category; give either service=… or category=…, not both", at: directive.location)
            return nil
        case (nil, nil):
            log.error(.pageCookieTableArgumentMissing, "say which cookies the table lists: write service=ID (e.g. service=google-analytics), category=ID or all after cookie-table", at: directive.location)
            return nil
        }
    }

    /// A category's table takes the id of the category's section (where the consent settings' "More about
    /// …" link leads) when no heading on the page has it.
    func sectionAnchors(for directive: Directive, in registry: CookieRegistry) -> [String] {
        let categories: [CookieCategory]
        if directive["all"] != nil {
            categories = registry.categories
        } else if let id = directive["category"], directive["service"] == nil, let category = registry.category(id: id) {
            categories = [category]
        } else {
            return []
        }
        return categories.filter { category in registry.services(in: category.id).contains { !$0.cookies.isEmpty } }.map(Self.sectionAnchor)
    }

    /// The id of the policy page's section about a category: its heading's, titled as the category is, or
    /// its table's.
    static func sectionAnchor(of category: CookieCategory) -> String {
        HeadingIDs.slug(category.title)
    }

    private func id(of category: CookieCategory, in directive: Directive) -> String? {
        let anchor = Self.sectionAnchor(of: category)
        return directive.givenAnchors.contains(anchor) ? anchor : nil
    }

    func servicesShown(by directive: Directive, in registry: CookieRegistry) -> [String] {
        if directive["all"] != nil { return registry.services.map(\.id) }
        if let service = directive["service"] { return [service] }
        if let category = directive["category"] { return registry.services(in: category).map(\.id) }
        return []
    }

    private func unknown(_ kind: String, _ id: String, known: [String]) -> String {
        let message = "there is no \(kind) '\(id)' in the registry"
        let listed = known.isEmpty ? "" : "; the \(kind == "category" ? "categories" : "services") are \(known.map { "'\($0)'" }.joined(separator: ", "))"
        return message + Spelling.suggestion(for: id, in: known, otherwise: listed)
    }

    private func row(_ cookie: Cookie, service: CookieService?, context: RenderContext, log: inout DiagnosticLog) -> CookieTableView.Row {
        // Several names share a row as the published table wrote them: "__a, __b".
        let names = zip(cookie.names, cookie.patterns).enumerated().map { index, name in
            CookieTableView.Name(name: name.0, parts: Self.nameParts(name.1), isPattern: !name.1.isExact, separator: index == 0 ? "" : ", ")
        }
        let what = "the \(cookie.names.count == 1 ? "cookie" : "cookies") '\(cookie.names.joined(separator: ", "))'"
        return CookieTableView.Row(
            name: names[0], names: names, label: cookie.label, purpose: cookie.purpose,
            purposeHTML: InlineMarkdown.publishedHTML(cookie.purpose, describedAs: "the purpose of \(what)", at: cookie.location, log: &log),
            duration: cookie.duration ?? context.text("cookieTable.notStated"), durationStated: cookie.duration != nil,
            service: service?.name, note: cookie.note,
            noteHTML: cookie.note.map { InlineMarkdown.publishedHTML($0, describedAs: "the note of \(what)", at: cookie.location, log: &log) },
            storage: cookie.storage == .cookie ? nil : context.text("cookieTable.storage.\(cookie.storage.rawValue)"))
    }

    /// The table through the theme's `cookie-table` template, which escapes every value: one service's
    /// cookies (`service`), or several services' with a Service column (`services`), with what the
    /// registry says of each service for the template to show.
    private func table(
        id: String?, caption: String, rows: [CookieTableView.Row], service: CookieService? = nil, services: [CookieService] = [],
        context: RenderContext, log: inout DiagnosticLog
    ) -> String? {
        let headings = CookieTableView.Headings(
            name: context.text("cookieTable.name"), service: context.text("cookieTable.service"),
            purpose: context.text("cookieTable.purpose"), duration: context.text("cookieTable.duration"))
        let view = CookieTableView(
            id: id, caption: caption, headings: headings, showService: service == nil, rows: rows,
            service: service.map { details(of: $0, context: context, log: &log) },
            services: services.map { details(of: $0, context: context, log: &log) })
        return context.theme.render("cookie-table", view, globals: context.shared.globals)
    }

    /// A service as the template sees it: name, provider, description (inline Markdown, as HTML),
    /// privacy-policy and opt-out links, with their texts.
    private func details(of service: CookieService, context: RenderContext, log: inout DiagnosticLog) -> CookieTableView.ServiceDetails {
        let provider = service.provider.flatMap { $0 == service.name ? nil : $0 }
        let description = service.description.map {
            InlineMarkdown.html($0, describedAs: "the description of the service '\(service.id)'", at: service.location, log: &log)
        }
        return CookieTableView.ServiceDetails(
            id: service.id, name: service.name, provider: provider,
            providedBy: provider.map { context.text("cookieTable.providedBy", ["provider": $0]) }, descriptionHTML: description,
            privacyPolicy: service.privacyPolicy.map { CookieTableView.Link(href: $0, text: context.text("cookieTable.privacyPolicy", ["service": service.name])) },
            optOut: service.optOut.map { CookieTableView.Link(href: $0, text: context.text("cookieTable.optOut", ["service": service.name])) })
    }

    /// The name in pieces, so templates can mark what varies: `_ga_` then the placeholder `<container-id>`.
    static func nameParts(_ pattern: CookieNamePattern) -> [CookieTableView.NamePart] {
        pattern.parts.map { part in
            switch part {
            case .literal(let text): CookieTableView.NamePart(text: text, varies: false)
            case .placeholder(let text): CookieTableView.NamePart(text: text, varies: true)
            case .wildcard: CookieTableView.NamePart(text: "*", varies: true)
            }
        }
    }
}
