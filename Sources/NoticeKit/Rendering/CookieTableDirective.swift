/// ```` ```cookie-table service=ID ```` or `category=ID`: a table of cookies generated from the registry.
struct CookieTableDirective: DirectiveHandler {
    let name = "cookie-table"
    let argumentNames = ["service", "category"]

    func render(_ directive: Directive, in context: RenderContext, log: inout DiagnosticLog) -> String? {
        guard rejectUnknownArguments(of: directive, log: &log) else { return nil }
        let registry = context.registry
        switch (directive["service"], directive["category"]) {
        case let (serviceID?, nil):
            guard let service = registry.service(id: serviceID) else {
                log.error(unknown("service", serviceID, known: registry.services.map(\.id)), at: directive.location)
                return nil
            }
            guard !service.cookies.isEmpty else {
                log.warning("the service '\(serviceID)' has no cookies in the registry, so there is no table to show; add its cookies to the registry or remove this block", at: directive.location)
                return ""
            }
            let caption = context.text("cookieTable.captionService", ["service": service.name])
            return table(caption: caption, rows: service.cookies.map { row($0, service: nil) }, context: context)
        case let (nil, categoryID?):
            guard let category = registry.category(id: categoryID) else {
                log.error(unknown("category", categoryID, known: registry.categories.map(\.id)), at: directive.location)
                return nil
            }
            let services = registry.services(in: categoryID)
            let rows = services.flatMap { service in service.cookies.map { row($0, service: service) } }
            guard !rows.isEmpty else {
                log.warning("the category '\(categoryID)' has no cookies in the registry, so there is no table to show", at: directive.location)
                return ""
            }
            let caption = context.text("cookieTable.captionCategory", ["category": category.title])
            return table(caption: caption, rows: rows, showService: true, context: context)
        case (_?, _?):
            log.error("a cookie table lists one service or one category; give either service=… or category=…, not both", at: directive.location)
            return nil
        case (nil, nil):
            log.error("say which cookies the table lists: write service=ID (e.g. service=google-analytics) or category=ID after cookie-table", at: directive.location)
            return nil
        }
    }

    private func unknown(_ kind: String, _ id: String, known: [String]) -> String {
        var message = "there is no \(kind) '\(id)' in the registry"
        if let suggestion = Spelling.nearest(to: id, in: known) {
            message += "; did you mean '\(suggestion)'?"
        } else if !known.isEmpty {
            message += "; the \(kind == "category" ? "categories" : "services") are \(known.map { "'\($0)'" }.joined(separator: ", "))"
        }
        return message
    }

    private func row(_ cookie: Cookie, service: CookieService?) -> [String: Any] {
        var row: [String: Any] = ["name": cookie.name, "purpose": cookie.purpose, "duration": cookie.duration]
        if let service { row["service"] = service.name }
        if let note = cookie.note { row["note"] = note }
        if cookie.storage != .cookie { row["storage"] = cookie.storage.rawValue }
        return row
    }

    /// The table through the theme's `cookie-table` template, which escapes every value.
    private func table(caption: String, rows: [[String: Any]], showService: Bool = false, context: RenderContext) -> String? {
        let storageNames = Dictionary(uniqueKeysWithValues: Cookie.Storage.allCases.map {
            ($0.rawValue, context.text("cookieTable.storage.\($0.rawValue)"))
        })
        let rows = rows.map { row -> [String: Any] in
            var row = row
            if let storage = row["storage"] as? String { row["storage"] = storageNames[storage] ?? storage }
            return row
        }
        let values: [String: Any] = [
            "caption": caption,
            "showService": showService,
            "rows": rows,
            "headings": [
                "name": context.text("cookieTable.name"),
                "service": context.text("cookieTable.service"),
                "purpose": context.text("cookieTable.purpose"),
                "duration": context.text("cookieTable.duration"),
            ],
        ]
        return context.theme.render("cookie-table", values)
    }
}
