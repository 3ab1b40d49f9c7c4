/// Codes of `notice audit`'s findings (docs/diagnostics.md, docs/audit.md).
extension DiagnosticCode {
    public static let auditEvidenceLimited = DiagnosticCode.warning("audit.evidence.limited", "what the audit could not see (a sanitised HAR, a state it could not reach)")
    public static let auditPageSkipped = DiagnosticCode.warning("audit.page.skipped", "a page that could not be audited in a consent state")
    public static let auditCookieUndeclared = DiagnosticCode.error("audit.cookie.undeclared", "a cookie the site sets that the registry does not declare")
    public static let auditCookieBeforeConsent = DiagnosticCode.error("audit.cookie.before-consent", "an optional cookie present before consent or after refusal")
    public static let auditStorageUndeclared = DiagnosticCode.error("audit.storage.undeclared", "a storage key or database the registry does not declare")
    public static let auditStorageBeforeConsent = DiagnosticCode.error("audit.storage.before-consent", "optional storage present before consent or after refusal")
    public static let auditHostUndeclared = DiagnosticCode.warning("audit.host.undeclared", "a request to another site no service lists")
    public static let auditRequestBeforeConsent = DiagnosticCode.error("audit.request.before-consent", "an optional service contacted before consent or after refusal")
    public static let auditLifetimeNotSession = DiagnosticCode.warning("audit.lifetime.not-session", "a cookie declared as a session cookie that persists")
    public static let auditLifetimeSession = DiagnosticCode.warning("audit.lifetime.session", "a cookie declared to last that is a session cookie")
    public static let auditLifetimeLonger = DiagnosticCode.warning("audit.lifetime.longer", "a cookie set to last longer than declared")
    public static let auditRequestUnchecked = DiagnosticCode.note("audit.request.unchecked", "a declared beacon or request whose service lists no hosts to watch")
    public static let auditServiceUnseen = DiagnosticCode.note("audit.service.unseen", "a declared beacon or request no page made")
    public static let auditCookieUnseen = DiagnosticCode.note("audit.cookie.unseen", "a declared cookie or storage key never seen")

    public static let auditCodes: [DiagnosticCode] = [
        auditEvidenceLimited, auditPageSkipped, auditCookieUndeclared, auditCookieBeforeConsent, auditStorageUndeclared,
        auditStorageBeforeConsent, auditHostUndeclared, auditRequestBeforeConsent, auditLifetimeNotSession, auditLifetimeSession,
        auditLifetimeLonger, auditRequestUnchecked, auditServiceUnseen, auditCookieUnseen,
    ]
}
