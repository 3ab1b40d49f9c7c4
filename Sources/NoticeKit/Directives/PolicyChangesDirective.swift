/// ```` ```policy-changes ````: the policy's change history (`changes.yaml`), newest first, each
/// change's facts in the theme's words (`changes.*`) with the editor's note; `limit=N` shows the
/// latest N.
struct PolicyChangesDirective: DirectiveHandler {
    let name = "policy-changes"
    let argumentNames = ["limit"]

    func render(_ directive: Directive, in context: RenderContext, log: inout DiagnosticLog) -> String? {
        guard rejectUnknownArguments(of: directive, log: &log) else { return nil }
        guard let history = context.changes else {
            log.error(
                .recordFileMissing, "this page shows the policy's change history, but the site has no changes.yaml; start it with 'notice diff --record changes.yaml OLD NEW' (docs/changes.md)",
                at: directive.location)
            return nil
        }
        var limit = history.entries.count
        if let written = directive["limit"] {
            guard let number = Int(written), number > 0 else {
                log.error(.pageDirectiveArgumentInvalid, "limit= is how many of the latest changes to show, a number such as 5, not '\(written)'", at: directive.location)
                return nil
            }
            limit = number
        }
        return context.renderTemplate("policy-changes", PolicyChangesView(history: history, limit: limit, context: context), for: directive, log: &log)
    }
}

/// What the `policy-changes` template gets: the changes, newest first, each with its day and its
/// sentences.
struct PolicyChangesView: TypedTemplateView {
    struct Change: TypedTemplateView {
        let date: String
        let dateISO: String
        let note: String?
        let sentences: [String]

        static let fields = TemplateFields<Self>([
            .text("date") { $0.date },
            .text("dateISO") { $0.dateISO },
            .textOrFalse("note") { $0.note },
            .list("sentences", texts: { $0.sentences }),
        ])
    }

    let changes: [Change]

    init(history: ChangeHistory, limit: Int, context: RenderContext) {
        let separator = context.text("changes.listSeparator")
        func said(_ key: String, _ names: [String]) -> [String] {
            names.isEmpty ? [] : [context.text("changes.\(key)", ["list": names.joined(separator: separator)])]
        }
        // Names in this language's words where the registry still has them, as recorded otherwise.
        func service(_ item: ChangeHistory.Item) -> String { context.registry.service(id: item.id)?.name ?? item.name }
        func activity(_ item: ChangeHistory.Item) -> String { context.processing?.activity(id: item.id)?.name ?? item.name }
        func cookie(_ item: ChangeHistory.CookieItem) -> String {
            context.text("changes.cookie", ["name": item.name, "service": context.registry.service(id: item.service)?.name ?? item.service])
        }
        changes = history.entries.indices.suffix(limit).reversed().map { index in
            let entry = history.entries[index]
            var sentences = said("servicesAdded", entry.servicesAdded.map(service)) + said("servicesRemoved", entry.servicesRemoved.map(service))
            sentences += said("cookiesAdded", entry.cookiesAdded.map(cookie)) + said("cookiesRemoved", entry.cookiesRemoved.map(cookie))
            sentences += said("cookiesChanged", entry.cookiesChanged.map(cookie))
            sentences += said("activitiesAdded", entry.activitiesAdded.map(activity)) + said("activitiesRemoved", entry.activitiesRemoved.map(activity))
            sentences += said("activitiesChanged", entry.activitiesChanged.map(activity))
            if entry.askedAgain { sentences.append(context.text("changes.askedAgain")) }
            if sentences.isEmpty, entry.note == nil {
                sentences.append(context.text(index == 0 ? "changes.started" : "changes.wordsOnly"))
            }
            return Change(date: context.date(entry.date), dateISO: entry.date.iso, note: entry.note, sentences: sentences)
        }
    }

    static let fields = TemplateFields<Self>([
        .list("changes") { $0.changes },
        .flag("hasChanges") { !$0.changes.isEmpty },
    ])
}
