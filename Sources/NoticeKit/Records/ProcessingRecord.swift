/// The record a privacy notice is made from (`processing.yaml`): who the controller and its data
/// protection officer are, and each processing activity as the Article 30 record keeps it, so the
/// notice gives what UK GDPR Articles 13 and 14 ask for. Words are kept as written; the lawful bases
/// are Article 6(1)'s, as machine values the rights are worked out from.
public struct ProcessingRecord: Sendable {
    /// Article 6(1)'s lawful bases, by the words a record writes them with.
    public enum LawfulBasis: String, Sendable, CaseIterable {
        case consent
        case contract
        case legalObligation = "legal-obligation"
        case vitalInterests = "vital-interests"
        case publicTask = "public-task"
        case legitimateInterests = "legitimate-interests"

        /// Its point of Article 6(1), for messages and the page ("6(1)(e)").
        public var point: String {
            switch self {
            case .consent: "6(1)(a)"
            case .contract: "6(1)(b)"
            case .legalObligation: "6(1)(c)"
            case .vitalInterests: "6(1)(d)"
            case .publicTask: "6(1)(e)"
            case .legitimateInterests: "6(1)(f)"
            }
        }
    }

    /// The rights of Articles 7(3) and 15 to 22 and 77 a notice tells people of.
    public enum Right: String, Sendable, CaseIterable {
        case access, rectification, erasure, restriction, portability, objection
        case withdrawConsent = "withdraw-consent"
        case automatedDecisions = "automated-decisions"
        case complaint

        /// Whether the right applies to an activity: by its basis, or for automated decisions, by whether
        /// it makes any.
        func applies(to activity: Activity) -> Bool {
            self == .automatedDecisions ? activity.decidesAutomatically : activity.basis.map(applies) ?? false
        }

        /// Whether the right applies to processing on this basis (Articles 17(3)(b), 20(1), 21(1) and
        /// 7(3)); the rights of access, rectification, restriction and complaint apply to all.
        func applies(to basis: LawfulBasis) -> Bool {
            switch self {
            case .erasure: basis != .legalObligation && basis != .publicTask
            case .portability: basis == .consent || basis == .contract
            case .objection: basis == .publicTask || basis == .legitimateInterests
            case .withdrawConsent: basis == .consent
            case .automatedDecisions: false
            case .access, .rectification, .restriction, .complaint: true
            }
        }
    }

    /// Who the controller is and how to reach it.
    public struct Party: Sendable {
        public var name: String?
        public var email: String?
        public var phone: String?
        public var address: String?
    }

    /// A transfer outside the UK and the safeguard it relies on (Article 13(1)(f)).
    public struct Transfer: Sendable {
        public var destination: String
        public var safeguard: String?
    }

    /// One processing activity, as the Article 30 record keeps it.
    public struct Activity: Sendable {
        public var id: String
        public var name: String
        /// What the data is used for: one text, or a list as the notice gives it.
        public var purposes: [String]
        public var basis: LawfulBasis?
        /// The law that sets the public task or legal obligation, as written.
        public var law: String?
        /// The legitimate interest pursued, where the basis is legitimate interests (Article 13(1)(d)).
        public var interest: String?
        /// The special category data it uses (Article 9), and the condition relied on for it, as written.
        public var specialData: [String]
        public var specialCondition: String?
        public var data: [String]
        /// Where the data comes from, when not from the person (Article 14(2)(f)).
        public var source: String?
        public var recipients: [String]
        /// Nil when the record does not say; empty when it says there are none.
        public var transfers: [Transfer]?
        /// How long the data is kept: one period, or several as the notice gives them; empty when the
        /// record does not say.
        public var retention: [String]
        /// Automated decisions with their logic and effect, as written; empty text when there are none,
        /// nil when the record does not say.
        public var automatedDecisions: String?
        /// Whether giving the data is a statutory or contractual requirement, and what follows if not
        /// (Article 13(2)(e)).
        public var requirement: String?
        public var location: SourceLocation

        /// Whether automated decisions are made.
        public var decidesAutomatically: Bool { !(automatedDecisions ?? "").isEmpty }
    }

    public var controller: Party
    /// The registration number in the ICO's register of fee payers, when given.
    public var icoRegistration: String?
    public var dpo: Party?
    public var activities: [Activity]
    public var locations: [String: SourceLocation]
    public var file: SourceLocation

    public func activity(id: String) -> Activity? {
        activities.first { $0.id == id }
    }

    /// The rights that apply to these activities, in the order a notice gives them.
    public func rights(of activities: [Activity]) -> [Right] {
        Right.allCases.filter { right in activities.contains(where: right.applies(to:)) }
    }
}
