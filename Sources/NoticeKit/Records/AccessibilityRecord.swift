/// The record an accessibility statement is made from (`accessibility.yaml`), following the GOV.UK model
/// statement that the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility
/// Regulations 2018 ask for: what the statement covers, how compliant it is and with what, what is not
/// accessible and why, how to ask for another format or report a problem, who enforces the regulations,
/// and when the site was tested and the statement prepared and reviewed. Words are kept as written.
public struct AccessibilityRecord: Sendable {
    /// How far the website meets the standard, in the regulations' three words.
    public enum Status: String, Sendable, CaseIterable {
        case fullyCompliant = "fully-compliant"
        case partiallyCompliant = "partially-compliant"
        case notCompliant = "not-compliant"
    }

    /// Who enforces the regulations: the Equality and Human Rights Commission (England, Scotland and
    /// Wales) or the Equality Commission for Northern Ireland.
    public enum Enforcement: String, Sendable, CaseIterable {
        case ehrc, ecni
    }

    /// Why content is outside the regulations' scope (regulation 4), in the regulations' classes.
    public enum Exemption: String, Sendable, CaseIterable {
        case officeFilesBefore2018 = "office-files-before-2018"
        case mediaBefore2020 = "media-before-2020"
        case liveMedia = "live-media"
        case maps
        case thirdParty = "third-party"
        case heritage
        case archive
        case intranetBefore2019 = "intranet-before-2019"
    }

    /// One known accessibility problem: what it is, the WCAG success criteria it fails, and when it
    /// will be fixed.
    public struct Problem: Sendable {
        /// A short name for the problem, when the statement gives one ("Image alt text").
        public var title: String?
        public var description: String
        public var criteria: [String]
        public var fixBy: CalendarDate?
        public var location: SourceLocation
    }

    /// Content whose fixing the organisation has assessed as a disproportionate burden.
    public struct Burden: Sendable {
        public var description: String
        public var assessed: CalendarDate?
        public var location: SourceLocation
    }

    /// Content outside the regulations' scope, and the class it is in.
    public struct OutOfScope: Sendable {
        public var description: String
        public var reason: Exemption
        public var location: SourceLocation
    }

    /// How to ask for another format or report a problem, and how soon an answer comes.
    public struct Contact: Sendable {
        public var email: String?
        public var phone: String?
        public var address: String?
        /// The organisation's own contact page, when the statement points there.
        public var page: String?
        /// How many days an answer takes, as the statement counts them.
        public var answer: AnswerTime?
    }

    /// How soon an answer comes: in days, or in working days, as the statement says.
    public struct AnswerTime: Sendable, Equatable {
        public var days: Int
        public var working: Bool
    }

    /// How the website was tested, when, and by whom.
    public struct Testing: Sendable {
        public var date: CalendarDate?
        public var by: String?
        public var method: String?
    }

    public var organisation: String
    /// The websites the statement covers, as written.
    public var websites: [String]
    /// What the statement applies to, in its own words when the websites' addresses do not say it
    /// ("content published on connectedkingston.uk").
    public var scope: String?
    /// The standard, as the statement names it (`WCAG 2.2 AA`).
    public var standard: String
    public var status: Status?
    public var problems: [Problem]
    public var burdens: [Burden]
    public var outOfScope: [OutOfScope]
    public var contact: Contact
    public var enforcement: Enforcement
    public var tested: Testing
    public var prepared: CalendarDate?
    public var reviewed: CalendarDate?
    /// Where each part is, for messages.
    public var locations: [String: SourceLocation]
    public var file: SourceLocation
}
