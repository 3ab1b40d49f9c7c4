/// The privacy notice's blocks, from the site's processing record (`processing.yaml`):
/// ```` ```privacy-contact ```` (the controller and its data protection officer),
/// ```` ```processing-table ```` (each activity, or `activity=ID` for one) and
/// ```` ```privacy-rights ```` (the rights that apply, worked out from the lawful bases).
enum PrivacyNotice {
    static let partPrefix = "privacy:"

    /// The part a processing table shows for an activity (`*` for a table of every activity).
    static func activityPart(_ id: String) -> String {
        partPrefix + "activity:" + id
    }

    /// The blocks that give the items, in the order a notice has them.
    static let blocks = Item.allCases.map(\.block).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }

    /// What UK GDPR Articles 13 and 14 ask a notice to give, and the block that gives each.
    enum Item: String, CaseIterable {
        case controller, dpo, purposes, interests, recipients, transfers, retention, rights, withdrawConsent, complaint
        case requirement, automatedDecisions, categories, source

        var article: String {
            switch self {
            case .controller: "Article 13(1)(a): the controller's identity and contact details"
            case .dpo: "Article 13(1)(b): the data protection officer's contact details"
            case .purposes: "Article 13(1)(c): the purposes and their lawful basis"
            case .interests: "Article 13(1)(d): the legitimate interests pursued"
            case .recipients: "Article 13(1)(e): the recipients"
            case .transfers: "Article 13(1)(f): transfers outside the UK and their safeguards"
            case .retention: "Article 13(2)(a): how long the data is kept"
            case .rights: "Article 13(2)(b): the rights of access, rectification, erasure, restriction, objection and portability"
            case .withdrawConsent: "Article 13(2)(c): the right to withdraw consent"
            case .complaint: "Article 13(2)(d): the right to complain to the Information Commissioner"
            case .requirement: "Article 13(2)(e): whether giving the data is required, and what follows if not"
            case .automatedDecisions: "Article 13(2)(f): automated decisions"
            case .categories: "Article 14(1)(d): the categories of personal data"
            case .source: "Article 14(2)(f): where the data comes from"
            }
        }

        /// The block that gives it.
        var block: String {
            switch self {
            case .controller, .dpo: "privacy-contact"
            case .rights, .withdrawConsent, .complaint: "privacy-rights"
            default: "processing-table"
            }
        }

        /// Whether the record makes it one the notice must give: the DPO when there is one, legitimate
        /// interests and consent when an activity relies on them, the source when data comes from elsewhere.
        func isRequired(by record: ProcessingRecord, activities: [ProcessingRecord.Activity]) -> Bool {
            switch self {
            case .dpo: record.dpo != nil
            case .interests: activities.contains { $0.basis == .legitimateInterests }
            case .withdrawConsent: activities.contains { $0.basis == .consent }
            case .source: activities.contains { $0.source != nil }
            case .requirement: activities.contains { $0.requirement != nil }
            default: true
            }
        }
    }

    static func record(for directive: Directive, in context: RenderContext, log: inout DiagnosticLog) -> ProcessingRecord? {
        guard let record = context.processing else {
            log.error(
                .recordFileMissing, "this page shows the privacy notice's \(directive.name), but the site has no processing.yaml; add it beside registry.yaml (docs/privacy.md describes it, and 'notice init' writes one)",
                at: directive.location)
            return nil
        }
        return record
    }

    /// A block of the activities it shows, in the template named as the block is.
    static func render<View: TypedTemplateView>(
        _ directive: Directive, in context: RenderContext, log: inout DiagnosticLog,
        make: (ProcessingRecord, [ProcessingRecord.Activity], RenderContext) -> View
    ) -> String? {
        guard let record = record(for: directive, in: context, log: &log), let activities = activities(for: directive, of: record, log: &log) else { return nil }
        return context.renderTemplate(directive.name, make(record, activities, context), for: directive, log: &log)
    }

    /// The activities a block shows: all, or the one `activity=` names.
    static func activities(for directive: Directive, of record: ProcessingRecord, log: inout DiagnosticLog) -> [ProcessingRecord.Activity]? {
        guard let id = directive["activity"] else { return record.activities }
        guard let activity = record.activity(id: id) else {
            let ids = record.activities.map(\.id)
            log.error(
                .pageActivityUnknown,
                "there is no activity '\(id)' in processing.yaml"
                    + Spelling.suggestion(for: id, in: ids, otherwise: ids.isEmpty ? "" : "; its activities are \(ids.map { "'\($0)'" }.joined(separator: ", "))"),
                at: directive.location)
            return nil
        }
        return [activity]
    }
}

struct ProcessingTableDirective: DirectiveHandler {
    let name = "processing-table"
    let argumentNames = ["activity"]

    func partsShown(by directive: Directive) -> [String] {
        let items: [PrivacyNotice.Item] = PrivacyNotice.Item.allCases.filter { $0.block == name }
        return items.map { PrivacyNotice.partPrefix + $0.rawValue } + [PrivacyNotice.activityPart(directive["activity"] ?? "*")]
    }

    func render(_ directive: Directive, in context: RenderContext, log: inout DiagnosticLog) -> String? {
        guard rejectUnknownArguments(of: directive, log: &log) else { return nil }
        return PrivacyNotice.render(directive, in: context, log: &log, make: ProcessingTableView.init)
    }
}

struct PrivacyRightsDirective: DirectiveHandler {
    let name = "privacy-rights"
    let argumentNames = ["activity"]

    func partsShown(by directive: Directive) -> [String] {
        PrivacyNotice.Item.allCases.filter { $0.block == name }.map { PrivacyNotice.partPrefix + $0.rawValue }
    }

    func render(_ directive: Directive, in context: RenderContext, log: inout DiagnosticLog) -> String? {
        guard rejectUnknownArguments(of: directive, log: &log) else { return nil }
        return PrivacyNotice.render(directive, in: context, log: &log, make: PrivacyRightsView.init)
    }
}

struct PrivacyContactDirective: DirectiveHandler {
    let name = "privacy-contact"
    let argumentNames: [String] = []

    func partsShown(by directive: Directive) -> [String] {
        PrivacyNotice.Item.allCases.filter { $0.block == name }.map { PrivacyNotice.partPrefix + $0.rawValue }
    }

    func render(_ directive: Directive, in context: RenderContext, log: inout DiagnosticLog) -> String? {
        guard rejectUnknownArguments(of: directive, log: &log), let record = PrivacyNotice.record(for: directive, in: context, log: &log) else { return nil }
        return context.renderTemplate("privacy-contact", PrivacyContactView(record: record, context: context), for: directive, log: &log)
    }
}
