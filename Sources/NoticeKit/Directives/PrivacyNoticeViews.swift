/// One row of a processing activity's table: what it is (a row heading) and what the record says,
/// as one text or as a list.
struct ProcessingRowView: TypedTemplateView {
    let label: String
    let text: String
    let items: [String]

    static let fields = TemplateFields<Self>([
        .text("label") { $0.label },
        .text("text") { $0.text },
        .list("items", texts: { $0.items }),
        .flag("hasItems") { !$0.items.isEmpty },
    ])
}

/// What the `processing-table` template gets: each activity with its caption and rows, in the theme's
/// words (`privacy.*` in strings.yaml) around the record's.
struct ProcessingTableView: TypedTemplateView {
    struct Activity: TypedTemplateView {
        let id: String
        let name: String
        let rows: [ProcessingRowView]

        static let fields = TemplateFields<Self>([
            .text("id") { $0.id },
            .text("name") { $0.name },
            .list("rows") { $0.rows },
        ])
    }

    let activities: [Activity]

    init(record: ProcessingRecord, activities: [ProcessingRecord.Activity], context: RenderContext) {
        self.activities = activities.map { activity in
            func row(_ key: String, _ text: String, items: [String] = []) -> ProcessingRowView {
                ProcessingRowView(label: context.text("privacy.table.\(key)"), text: text, items: items)
            }
            /// One text as it is, several as a list.
            func row(_ key: String, texts: [String]) -> ProcessingRowView {
                texts.count == 1 ? row(key, texts[0]) : row(key, "", items: texts)
            }
            var rows = [row("purpose", texts: activity.purposes)]
            if let basis = activity.basis {
                var said = context.text("privacy.basis.\(basis.rawValue)")
                if let law = activity.law { said = context.text("privacy.basisUnder", ["basis": said, "law": law]) }
                rows.append(row("basis", said))
            }
            if let interest = activity.interest { rows.append(row("interest", interest)) }
            rows.append(row("data", texts: activity.data))
            if !activity.specialData.isEmpty { rows.append(row("specialData", texts: activity.specialData)) }
            if let condition = activity.specialCondition { rows.append(row("specialCondition", condition)) }
            rows.append(row("source", activity.source ?? context.text("privacy.table.sourceYou")))
            rows.append(
                activity.recipients.isEmpty ? row("recipients", context.text("privacy.table.recipientsNone")) : row("recipients", "", items: activity.recipients))
            if let transfers = activity.transfers {
                let said = transfers.map { transfer in
                    transfer.safeguard.map { context.text("privacy.table.transfer", ["to": transfer.destination, "safeguard": $0]) } ?? transfer.destination
                }
                rows.append(said.isEmpty ? row("transfers", context.text("privacy.table.transfersNone")) : row("transfers", "", items: said))
            }
            if !activity.retention.isEmpty { rows.append(row("retention", texts: activity.retention)) }
            if let automated = activity.automatedDecisions {
                rows.append(row("automatedDecisions", automated.isEmpty ? context.text("privacy.table.automatedNone") : automated))
            }
            if let requirement = activity.requirement { rows.append(row("requirement", requirement)) }
            return Activity(id: activity.id, name: activity.name, rows: rows)
        }
    }

    static let fields = TemplateFields<Self>([
        .list("activities") { $0.activities }
    ])
}

/// What the `privacy-rights` template gets: the rights that apply to the activities shown, each with
/// its name and sentence in the theme's words, and the activities it is limited to when not all.
struct PrivacyRightsView: TypedTemplateView {
    struct Right: TypedTemplateView {
        let id: String
        let title: String
        let text: String
        /// "This applies to: …", or empty when it applies to every activity shown.
        let appliesTo: String

        static let fields = TemplateFields<Self>([
            .text("id") { $0.id },
            .text("title") { $0.title },
            .text("text") { $0.text },
            .textOrFalse("appliesTo") { $0.appliesTo.isEmpty ? nil : $0.appliesTo },
        ])
    }

    let rights: [Right]

    init(record: ProcessingRecord, activities: [ProcessingRecord.Activity], context: RenderContext) {
        rights = record.rights(of: activities).map { right in
            let limited = activities.filter(right.applies(to:))
            let appliesTo =
                limited.count == activities.count || activities.count == 1
                ? "" : context.text("privacy.rights.appliesTo", ["activities": limited.map(\.name).joined(separator: context.text("privacy.listSeparator"))])
            return Right(
                id: right.rawValue, title: context.text("privacy.rights.\(right.rawValue).title"),
                text: context.text("privacy.rights.\(right.rawValue).text", ["controller": record.controller.name ?? ""]), appliesTo: appliesTo)
        }
    }

    static let fields = TemplateFields<Self>([
        .list("rights") { $0.rights }
    ])
}

/// What the `privacy-contact` template gets: who the controller is and how to reach it and its data
/// protection officer.
struct PrivacyContactView: TypedTemplateView {
    struct Party: TypedTemplateView {
        let email: String?
        let phone: String?
        let address: String?

        static let fields = TemplateFields<Self>([
            .textOrFalse("email") { $0.email },
            .textOrFalse("phone") { $0.phone },
            .textOrFalse("address") { $0.address },
        ])
    }

    let controllerSentence: String
    let controller: Party
    let registrationSentence: String?
    let dpoSentence: String?
    let dpo: Party?

    init(record: ProcessingRecord, context: RenderContext) {
        let name = record.controller.name ?? context.config.title
        controllerSentence = context.text("privacy.controller", ["controller": name])
        controller = Party(email: record.controller.email, phone: record.controller.phone, address: record.controller.address)
        registrationSentence = record.icoRegistration.map { context.text("privacy.registration", ["number": $0]) }
        dpoSentence = record.dpo.map { dpo in dpo.name.map { context.text("privacy.dpoNamed", ["name": $0]) } ?? context.text("privacy.dpo") }
        dpo = record.dpo.map { Party(email: $0.email, phone: $0.phone, address: $0.address) }
    }

    static let fields = TemplateFields<Self>([
        .text("controllerSentence") { $0.controllerSentence },
        .view("controller") { $0.controller },
        .textOrFalse("registrationSentence") { $0.registrationSentence },
        .textOrFalse("dpoSentence") { $0.dpoSentence },
        .viewOrFalse("dpo") { $0.dpo },
    ])
}
