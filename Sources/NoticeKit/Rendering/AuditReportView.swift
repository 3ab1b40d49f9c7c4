/// What the `audit-report` template gets (`notice audit` fills it in; it is here, with the other views,
/// so that the theme loader checks that template too): the totals, the findings and what each consent state stored
/// and requested.
public struct AuditReportView: TypedTemplateView {
    public let totals: [Total]
    public let findings: [Finding]
    public let states: [State]
    public let usesConsentScript: Bool

    public init(totals: [Total], findings: [Finding], states: [State], usesConsentScript: Bool) {
        self.totals = totals
        self.findings = findings
        self.states = states
        self.usesConsentScript = usesConsentScript
    }

    public static let fields = TemplateFields<Self>([
        .list("totals") { $0.totals },
        .list("findings") { $0.findings },
        .flag("hasFindings") { !$0.findings.isEmpty },
        .list("states") { $0.states },
        .flag("usesConsentScript") { $0.usesConsentScript },
    ])

    public struct Total: TypedTemplateView {
        public let label: String
        public let value: String

        public init(label: String, value: String) {
            self.label = label
            self.value = value
        }

        public static let fields = TemplateFields<Self>([
            .text("label") { $0.label },
            .text("value") { $0.value },
        ])
    }

    public struct Finding: TypedTemplateView {
        /// `error`, `warning` or `note`, for the theme's styles; `severity` is the word shown.
        public let level: String
        public let severity: String
        /// What it concerns, as the registry titles it (service · category · cookie).
        public let subject: String
        public let message: String

        public init(level: String, severity: String, subject: String, message: String) {
            self.level = level
            self.severity = severity
            self.subject = subject
            self.message = message
        }

        public static let fields = TemplateFields<Self>([
            .text("level") { $0.level },
            .text("severity") { $0.severity },
            .text("subject") { $0.subject },
            .text("message") { $0.message },
        ])
    }

    /// One consent state (before any choice, after accepting, …) and what the browser held in it.
    public struct State: TypedTemplateView {
        public let title: String
        public let pages: String
        /// The first page's screenshot, by file name beside the report, and its text alternative.
        public let screenshot: String?
        public let screenshotAlt: String
        public let cookies: [Cookie]
        public let storage: [Storage]
        public let requests: [Request]

        public init(
            title: String, pages: String, screenshot: String?, screenshotAlt: String, cookies: [Cookie], storage: [Storage],
            requests: [Request]
        ) {
            self.cookies = cookies
            self.storage = storage
            self.requests = requests
            self.title = title
            self.pages = pages
            self.screenshot = screenshot
            self.screenshotAlt = screenshotAlt
        }

        public static let fields = TemplateFields<Self>([
            .text("title") { $0.title },
            .text("pages") { $0.pages },
            .text("screenshot") { $0.screenshot },
            .text("screenshotAlt") { $0.screenshotAlt },
            .list("cookies") { $0.cookies },
            .flag("hasCookies") { !$0.cookies.isEmpty },
            .list("storage") { $0.storage },
            .flag("hasStorage") { !$0.storage.isEmpty },
            .list("requests") { $0.requests },
            .flag("hasRequests") { !$0.requests.isEmpty },
        ])
    }

    /// A cookie as the browser held it, beside what the registry declares of it.
    public struct Cookie: TypedTemplateView {
        public let name, domain, page, declared, lifetime, expires, party, partitioned, setBy, flags: String

        public init(name: String, domain: String, page: String, declared: String, lifetime: String, expires: String, party: String, partitioned: String, setBy: String, flags: String) {
            self.name = name
            self.domain = domain
            self.page = page
            self.declared = declared
            self.lifetime = lifetime
            self.expires = expires
            self.party = party
            self.partitioned = partitioned
            self.setBy = setBy
            self.flags = flags
        }

        public static let fields = TemplateFields<Self>([
            .text("name") { $0.name },
            .text("domain") { $0.domain },
            .text("page") { $0.page },
            .text("declared") { $0.declared },
            .text("lifetime") { $0.lifetime },
            .text("expires") { $0.expires },
            .text("party") { $0.party },
            .text("partitioned") { $0.partitioned },
            .text("setBy") { $0.setBy },
            .text("flags") { $0.flags },
        ])
    }

    /// A `localStorage` or `sessionStorage` entry, or an IndexedDB database.
    public struct Storage: TypedTemplateView {
        public let name, area, declared, setBy, page: String

        public init(name: String, area: String, declared: String, setBy: String, page: String) {
            self.name = name
            self.area = area
            self.declared = declared
            self.setBy = setBy
            self.page = page
        }

        public static let fields = TemplateFields<Self>([
            .text("name") { $0.name },
            .text("area") { $0.area },
            .text("declared") { $0.declared },
            .text("setBy") { $0.setBy },
            .text("page") { $0.page },
        ])
    }

    /// A request to another site.
    public struct Request: TypedTemplateView {
        public let host, page, declared: String

        public init(host: String, page: String, declared: String) {
            self.host = host
            self.page = page
            self.declared = declared
        }

        public static let fields = TemplateFields<Self>([
            .text("host") { $0.host },
            .text("declared") { $0.declared },
            .text("page") { $0.page },
        ])
    }
}
