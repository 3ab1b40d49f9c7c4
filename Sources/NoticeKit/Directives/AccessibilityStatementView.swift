/// What the `accessibility-statement` template gets: which part to show (one flag true), and that
/// part's values from the record, its sentences in the theme's words (`accessibility.*` in
/// strings.yaml) with the record's values filled in.
struct AccessibilityStatementView: TypedTemplateView {
    struct Problem: TypedTemplateView {
        let title: String?
        let description: String
        /// "1.1.1, 4.1.2".
        let criteria: String
        /// The fix date in words, or the theme's words for none.
        let fixBy: String
        /// `YYYY-MM-DD`, for `<time datetime>`; empty when there is no date.
        let fixByISO: String

        static let fields = TemplateFields<Self>([
            .textOrFalse("title") { $0.title },
            .text("description") { $0.description },
            .text("criteria") { $0.criteria },
            .text("fixBy") { $0.fixBy },
            .textOrFalse("fixByISO") { $0.fixByISO.isEmpty ? nil : $0.fixByISO },
        ])
    }

    struct Website: TypedTemplateView {
        let address: String

        static let fields = TemplateFields<Self>([.text("address") { $0.address }])
    }

    struct Item: TypedTemplateView {
        let description: String
        /// The burden's assessment, or why the content is out of scope, in words.
        let detail: String

        static let fields = TemplateFields<Self>([
            .text("description") { $0.description },
            .text("detail") { $0.detail },
        ])
    }

    let part: AccessibilityStatementDirective.Part
    /// What the statement applies to, in one sentence, or the sentence that leads the list of websites.
    let scopeSentence: String
    /// The websites, when there are several (listed after ``scopeSentence``).
    let websites: [String]
    let runBySentence: String
    let commitmentSentence: String
    let statusSentence: String
    let problems: [Problem]
    let burdens: [Item]
    let outOfScope: [Item]
    let email: String?
    let phone: String?
    let address: String?
    let contactPage: String?
    let answerSentence: String?
    let enforcementSentence: String
    let preparedSentence: String?
    let testedSentence: String?
    let testMethod: String?

    init(record: AccessibilityRecord, part: AccessibilityStatementDirective.Part, context: RenderContext) {
        self.part = part
        let values = ["version": record.standard.contains("2.1") ? "2.1" : "2.2"]
        if let scope = record.scope ?? (record.websites.count == 1 ? record.websites[0] : nil) {
            scopeSentence = context.text("accessibility.scope.one", ["scope": scope])
            websites = []
        } else {
            scopeSentence = context.text("accessibility.scope.many")
            websites = record.websites
        }
        runBySentence = context.text("accessibility.runBy", ["organisation": record.organisation])
        commitmentSentence = context.text("accessibility.commitment.\(record.websites.count > 1 ? "many" : "one")", ["organisation": record.organisation])
        statusSentence = context.text("accessibility.status.\(record.status?.rawValue ?? "partially-compliant")", values)
        problems = record.problems.map { problem in
            Problem(
                title: problem.title, description: problem.description, criteria: problem.criteria.joined(separator: ", "),
                fixBy: problem.fixBy.map(context.date) ?? context.text("accessibility.noFixDate"), fixByISO: problem.fixBy?.iso ?? "")
        }
        burdens = record.burdens.map { burden in
            Item(description: burden.description, detail: burden.assessed.map { context.text("accessibility.assessed", ["date": context.date($0)]) } ?? "")
        }
        outOfScope = record.outOfScope.map { Item(description: $0.description, detail: context.text("accessibility.exemption.\($0.reason.rawValue)")) }
        email = record.contact.email
        phone = record.contact.phone
        address = record.contact.address
        contactPage = record.contact.page
        answerSentence = record.contact.answer.map { answer in
            context.text(answer.working ? "accessibility.answerWithinWorkingDays" : "accessibility.answerWithin", ["days": String(answer.days)])
        }
        enforcementSentence = context.text("accessibility.enforcement.\(record.enforcement.rawValue)")
        var prepared: [String] = []
        if let date = record.prepared { prepared.append(context.text("accessibility.prepared", ["date": context.date(date)])) }
        if let date = record.reviewed { prepared.append(context.text("accessibility.reviewed", ["date": context.date(date)])) }
        preparedSentence = prepared.isEmpty ? nil : prepared.joined(separator: " ")
        testedSentence = record.tested.date.map { date in
            record.tested.by.map { context.text("accessibility.testedBy", ["date": context.date(date), "by": $0]) }
                ?? context.text("accessibility.tested", ["date": context.date(date)])
        }
        testMethod = record.tested.method
    }

    static let fields = TemplateFields<Self>([
        .flag("isScope") { $0.part == .scope },
        .flag("isCommitment") { $0.part == .commitment },
        .flag("isStatus") { $0.part == .status },
        .flag("isProblems") { $0.part == .problems },
        .flag("isBurdens") { $0.part == .burdens },
        .flag("isOutOfScope") { $0.part == .outOfScope },
        .flag("isContact") { $0.part == .contact },
        .flag("isEnforcement") { $0.part == .enforcement },
        .flag("isPreparation") { $0.part == .preparation },
        .text("scopeSentence") { $0.scopeSentence },
        .flag("hasWebsites") { !$0.websites.isEmpty },
        .list("websites") { $0.websites.map(Website.init) },
        .text("runBySentence") { $0.runBySentence },
        .text("commitmentSentence") { $0.commitmentSentence },
        .text("statusSentence") { $0.statusSentence },
        .list("problems") { $0.problems },
        .flag("hasProblems") { !$0.problems.isEmpty },
        .flag("hasBurdens") { !$0.burdens.isEmpty },
        .flag("hasOutOfScope") { !$0.outOfScope.isEmpty },
        .list("burdens") { $0.burdens },
        .list("outOfScope") { $0.outOfScope },
        .textOrFalse("email") { $0.email },
        .textOrFalse("phone") { $0.phone },
        .textOrFalse("address") { $0.address },
        .textOrFalse("contactPage") { $0.contactPage },
        .textOrFalse("answerSentence") { $0.answerSentence },
        .text("enforcementSentence") { $0.enforcementSentence },
        .textOrFalse("preparedSentence") { $0.preparedSentence },
        .textOrFalse("testedSentence") { $0.testedSentence },
        .textOrFalse("testMethod") { $0.testMethod },
    ])
}
