public import Foundation
public import NoticeKit

/// `notice audit --report DIR`: the audit as a page a data-protection officer can read (a summary, the
/// findings, and what each state stored and requested), laid out by the theme's `audit-report`
/// template with its texts, beside the theme's stylesheet.
public struct AuditReport: Sendable {
    /// What a data-protection officer needs to file the report: when, what, and with which tools.
    public struct Context: Sendable {
        public var started: Date
        /// What was audited: the published address, the recordings, or the site built from its folder.
        public var audited: String
        public var noticeVersion: String

        public init(started: Date, audited: String, noticeVersion: String) {
            self.started = started
            self.audited = audited
            self.noticeVersion = noticeVersion
        }
    }

    public var evidence: AuditEvidence
    public var findings: [Diagnostic]
    public var site: Site
    public var context: Context?

    public init(evidence: AuditEvidence, findings: [Diagnostic], site: Site, context: Context? = nil) {
        self.evidence = evidence
        self.findings = findings
        self.site = site
        self.context = context
    }

    /// The report's files, `index.html` and the theme's stylesheet `notice.css`, for an ``OutputWriter`` of
    /// kind `.auditReport` to put in place (so a report never replaces files it did not write).
    public func files() throws -> [OutputFile] {
        guard let html = html() else {
            throw WebDriver.Failure(description: "the theme '\(site.theme.name)' has no audit-report template")
        }
        var files = [OutputFile.text("index.html", html)]
        for state in evidence.states {
            if let screenshot = state.screenshot { files.append(OutputFile(path: Self.screenshotName(state.state), contents: .data(screenshot))) }
        }
        if let stylesheet = site.theme.assets.first(where: { $0.key.hasSuffix("notice.css") })?.value {
            files.append(OutputFile(path: "notice.css", contents: .copy(stylesheet)))
        }
        return files
    }

    /// `state-accepted.png`, beside the report.
    static func screenshotName(_ state: AuditState) -> String {
        "state-\(state.rawValue).png"
    }

    /// What a finding concerns, as the registry titles it (service · category · name), or the name and
    /// "not in the registry", or the state and page, so a reader needs no registry file to follow it.
    func subject(of finding: Diagnostic, text: (String) -> String) -> String {
        let details = finding.details
        let name = details["name"]?.text.map(AuditRules.clip)
        if let service = details["service"]?.text {
            return [service, details["category"]?.text, name ?? details["host"]?.text.map(AuditRules.clip)].compactMap { $0 }.joined(separator: " · ")
        }
        if let what = name ?? details["host"]?.text.map(AuditRules.clip) { return text("audit.notDeclared") + " · " + what }
        if let state = details["state"]?.text {
            return [text("audit.states.\(state)"), details["page"]?.text.map(AuditRules.clip)].compactMap { $0 }.joined(separator: " · ")
        }
        return text("audit.theAudit")
    }

    /// The registry's entry for what was seen: service · category · the duration as published.
    func declaredAs(_ declared: AuditRules.Declared?, text: (String) -> String) -> String {
        guard let declared else { return text("audit.notDeclared") }
        return [declared.service.name, declared.category?.title, declared.cookie.duration].compactMap { $0 }.joined(separator: " · ")
    }

    /// A lifetime in the report's language: `400 days`, `3 hours`, `45 minutes`, or until the browser closes.
    func lifetime(_ seconds: Double?, text: (String) -> String) -> String {
        guard let seconds else { return text("audit.session") }
        let day = 86_400.0
        let (key, count): (String, Double) =
            seconds >= 2 * day
            ? ("days", seconds / day)
            : seconds >= 2 * 3_600 ? ("hours", seconds / 3_600) : seconds >= 120 ? ("minutes", seconds / 60) : ("underTwoMinutes", 0)
        return Placeholders.fill(text("audit.lifetime.\(key)"), ["count": String(Int(count.rounded()))])
    }

    func html() -> String? {
        let text = { (key: String) in site.main.strings[key] ?? key }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        let count = { (severity: Diagnostic.Severity) in String(findings.count { $0.severity == severity }) }
        var header: [AuditReportView.Total] = []
        if let context {
            let time = ISO8601DateFormatter()
            time.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate, .withSpaceBetweenDateAndTime]
            header = [
                AuditReportView.Total(label: text("audit.auditedOn"), value: time.string(from: context.started) + " UTC"),
                AuditReportView.Total(label: text("audit.audited"), value: AuditRules.clip(context.audited)),
                AuditReportView.Total(label: text("audit.registryVersion"), value: RegistryVersion.of(site.main.registry)),
                AuditReportView.Total(label: text("audit.noticeVersion"), value: context.noticeVersion),
                AuditReportView.Total(label: text("audit.browser"), value: evidence.browserVersion.map { "Chromium \($0)" } ?? text("audit.noBrowser")),
            ]
        }
        let totals =
            header + [
                AuditReportView.Total(label: text("audit.pagesAudited"), value: String(Set(evidence.states.flatMap(\.pages)).count)),
                AuditReportView.Total(label: text("audit.statesAudited"), value: String(evidence.states.count)),
                AuditReportView.Total(label: text("audit.errors"), value: count(.error)),
                AuditReportView.Total(label: text("audit.warnings"), value: count(.warning)),
                AuditReportView.Total(label: text("audit.notes"), value: count(.note)),
            ]
        // Errors first, then warnings, then notes, each in the order found.
        let rank: [Diagnostic.Severity: Int] = [.error: 0, .warning: 1, .note: 2]
        let ordered = findings.enumerated().sorted { (rank[$0.element.severity] ?? 3, $0.offset) < (rank[$1.element.severity] ?? 3, $1.offset) }.map(\.element)
        let rows = ordered.map { finding in
            AuditReportView.Finding(
                level: finding.severity.rawValue, severity: text("audit.severityNames.\(finding.severity.rawValue)"), subject: subject(of: finding, text: text),
                message: finding.printableMessage)
        }
        let rules = AuditRules(registry: site.main.registry, registryFile: SourceLocation(path: ""))
        let states = evidence.states.map { state in
            let cookies = state.cookies.map { cookie in
                var flags = [cookie.httpOnly ? "HttpOnly" : nil, cookie.secure ? "Secure" : nil, cookie.sameSite.map { "SameSite=\($0)" }]
                if let refused = cookie.refused { flags.append(Placeholders.fill(text("audit.refused"), ["reasons": refused])) }
                let host = cookie.domain.hasPrefix(".") ? String(cookie.domain.dropFirst()) : cookie.domain
                return AuditReportView.Cookie(
                    name: AuditRules.clip(cookie.name), domain: AuditRules.clip(cookie.domain), page: AuditRules.clip(cookie.page),
                    declared: declaredAs(rules.declaration(ofCookie: cookie.name), text: text),
                    lifetime: cookie.lifetimeKnown ? lifetime(cookie.lifetime, text: text) : text("audit.notKnown"),
                    expires: cookie.lifetimeKnown ? cookie.expires.map(formatter.string(from:)) ?? text("audit.session") : "",
                    party: text(AuditRules.isSameSite(host, evidence.siteHost) ? "audit.firstParty" : "audit.thirdParty"),
                    partitioned: text(cookie.partitioned ? "audit.yes" : "audit.no"),
                    setBy: cookie.setBy.map(AuditRules.clip) ?? text("audit.notKnown"),
                    flags: flags.compactMap { $0 }.joined(separator: ", "))
            }
            let storage = state.storage.map {
                AuditReportView.Storage(
                    name: AuditRules.clip($0.name), area: text("cookieTable.storage.\($0.area.storage.rawValue)"),
                    declared: declaredAs(rules.declaration(ofStorageKey: $0.name, area: $0.area), text: text),
                    setBy: $0.setBy.map(AuditRules.clip) ?? text("audit.notKnown"), page: AuditRules.clip($0.page))
            }
            let requests = state.requests.filter { !AuditRules.isSameSite($0.host, evidence.siteHost) }.map { request in
                let service = site.main.registry.service(forHost: request.host)
                let category = service.flatMap { site.main.registry.category(id: $0.categoryID) }
                return AuditReportView.Request(
                    host: AuditRules.clip(request.host), page: AuditRules.clip(request.page),
                    declared: service.map { [$0.name, category?.title].compactMap { $0 }.joined(separator: " · ") }
                        ?? text("audit.notDeclared"))
            }
            let title = text("audit.states.\(state.state.rawValue)")
            return AuditReportView.State(
                title: title, pages: state.pages.map(AuditRules.clip).joined(separator: ", "),
                screenshot: state.screenshot == nil ? nil : Self.screenshotName(state.state),
                screenshotAlt: Placeholders.fill(text("audit.screenshotAlt"), ["state": title]),
                cookies: cookies, storage: storage, requests: requests)
        }
        return site.renderTemplate(
            "audit-report",
            view: AuditReportView(
                totals: totals, findings: rows, states: states,
                usesConsentScript: evidence.usesConsentScript || evidence.states.contains { $0.state == .recorded }))
    }
}
