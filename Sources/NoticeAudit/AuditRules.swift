public import NoticeKit

/// Compares what a browser really did with what the registry declares, finding by finding.
///
/// Every cookie and storage key is matched through the registry's own name patterns (the matcher the
/// consent script's expressions are made from); positions point at the registry entry concerned, or at
/// the registry file when nothing there declares it.
public struct AuditRules: Sendable {
    public let registry: CookieRegistry
    /// Where findings with no registry entry point: the registry file.
    public let registryFile: SourceLocation
    /// How much longer than declared a cookie may live before it is a finding: a tenth, and an hour.
    static let lifetimeTolerance = (factor: 1.1, seconds: 3_600.0)

    public init(registry: CookieRegistry, registryFile: SourceLocation) {
        self.registry = registry
        self.registryFile = registryFile
    }

    /// A declared cookie or storage item, with its service and category.
    struct Declared {
        var cookie: Cookie
        var name: String
        var service: CookieService
        var category: CookieCategory?
    }

    /// Every finding of the evidence, sorted; a problem seen in several states is one finding that
    /// names the first state and page it was seen in, and the other states.
    public func findings(for evidence: AuditEvidence) -> [Diagnostic] {
        var perState: [(state: AuditState, diagnostics: [Diagnostic])] = []
        for state in evidence.states {
            var log = DiagnosticLog()
            check(state, siteHost: evidence.siteHost, log: &log)
            for skipped in evidence.skipped where skipped.state == state.state { log.append(notAudited(skipped)) }
            perState.append((state.state, log.diagnostics))
        }
        // A page given up before its state's evidence began (the state was never recorded) is still said.
        for skipped in evidence.skipped where !evidence.states.contains(where: { $0.state == skipped.state }) {
            perState.append((skipped.state, [notAudited(skipped)]))
        }
        var log = DiagnosticLog()
        for note in evidence.notes { log.append(Self.with(["kind": "audit"], .warning(.auditEvidenceLimited, note, at: registryFile))) }
        noteUnseen(in: evidence, log: &log)
        return (Self.merge(perState) + log.diagnostics).sorted()
    }

    private func notAudited(_ skipped: SkippedPage) -> Diagnostic {
        Self.with(
            Self.details(state: skipped.state, page: skipped.page, name: nil, kind: "page", host: nil, declared: nil, setBy: nil),
            .warning(.auditPageSkipped, "the page \(Self.clip(skipped.page)) could not be audited \(skipped.state.phrase): \(skipped.reason)", at: registryFile))
    }

    /// One diagnostic per problem: the same message in several states (its state phrase aside) becomes
    /// the first one, with "(also after Accept, …)" added.
    static func merge(_ perState: [(state: AuditState, diagnostics: [Diagnostic])]) -> [Diagnostic] {
        var order: [String] = []
        var first: [String: Diagnostic] = [:]
        var others: [String: [AuditState]] = [:]
        for (state, diagnostics) in perState {
            for diagnostic in diagnostics {
                let key = mergeKey(diagnostic, state: state)
                if first[key] == nil {
                    first[key] = diagnostic
                    order.append(key)
                } else if !(others[key] ?? []).contains(state) {
                    others[key, default: []].append(state)
                }
            }
        }
        return order.compactMap { key in
            guard var diagnostic = first[key] else { return nil }
            if let also = others[key], !also.isEmpty {
                diagnostic.message += " (also \(also.map(\.phrase).joined(separator: ", ")))"
            }
            if let state = diagnostic.details["state"]?.text {
                diagnostic.details["states"] = .list([state] + (others[key] ?? []).map(\.rawValue))
            }
            return diagnostic
        }
    }

    /// What makes two findings one problem: the same code at the same place about the same thing (its
    /// details, less where and when it was seen). Findings without such details fall back on their words.
    static func mergeKey(_ diagnostic: Diagnostic, state: AuditState) -> String {
        let aboutWhat = diagnostic.details.filter { !Self.whereAndWhen.contains($0.key) }
        var key =
            "\(diagnostic.code.id)|\(diagnostic.location?.description ?? "")|"
            + aboutWhat.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "|")
        if aboutWhat.count <= 1 {
            key += "|" + withoutPages(diagnostic.message.replacingOccurrences(of: state.phrase, with: "\u{0}"))
        }
        return key
    }

    /// Details that say where and when a problem was seen, not what it is.
    private static let whereAndWhen: Set<String> = ["state", "states", "page", "observed"]

    /// The message without its " on PAGE" parts, so that one problem seen on several pages is one key.
    /// (A scan, not a regular expression compiled for every finding: a recording can hold 100,000.)
    static func withoutPages(_ message: String) -> String {
        var result = Substring()
        var rest = Substring(message)
        while let range = rest.range(of: " on ") {
            result += rest[..<range.lowerBound]
            rest = rest[range.upperBound...].drop { !" :;,".contains($0) }
        }
        return String(result + rest)
    }

    private func check(_ evidence: StateEvidence, siteHost: String, log: inout DiagnosticLog) {
        let state = evidence.state
        for cookie in evidence.cookies {
            let host = cookie.domain.hasPrefix(".") ? String(cookie.domain.dropFirst()) : cookie.domain
            let declared = declaration(ofCookie: cookie.name)
            var details = Self.details(
                state: state, page: cookie.page, name: cookie.name, kind: "cookie", host: host, declared: declared,
                setBy: cookie.setBy)
            details["observed"] = .text(cookie.lifetimeKnown ? Self.iso(cookie.lifetime) : "unknown")
            details["party"] = .text(Self.isSameSite(host, siteHost) ? "first" : "third")
            if cookie.partitioned { details["partitioned"] = "true" }
            if let refused = cookie.refused { details["refused"] = .text(refused) }
            // What the browser did with it: kept it, or refused it (the site still tried; another browser may keep it).
            let action =
                cookie.refused.map { "is sent \(state.phrase) on \(Self.clip(cookie.page)) (this browser refused it: \(Self.clip($0)); others may keep it)" }
                ?? "is set \(state.phrase) on \(Self.clip(cookie.page))"
            guard let declared else {
                let owner = registry.service(forHost: host)
                var message = "the cookie '\(Self.clip(cookie.name))' (domain \(Self.clip(cookie.domain))\(cookie.setBy.map { ", set by \(Self.clip($0))" } ?? "")) \(action), but the registry does not declare it"
                message += owner.map { "; add it to the service '\($0.id)', which loads from that host" } ?? "; add it to the service that sets it, with its purpose and duration"
                if let owner { details["service"] = .text(owner.name) }
                log.append(Self.with(details, .error(.auditCookieUndeclared, message, at: owner?.location ?? registryFile)))
                continue
            }
            if state.optionalMustBeOff, let category = declared.category, !category.necessary {
                let presence = cookie.refused == nil ? "is present \(state.phrase) on \(Self.clip(cookie.page))" : action
                log.append(
                    Self.with(
                        details,
                        .error(
                            .auditCookieBeforeConsent, "the cookie '\(Self.clip(cookie.name))' (\(category.title), \(declared.service.name)) \(presence): nothing optional may be stored until the visitor agrees; load what sets it only once its category is allowed",
                            at: declared.cookie.location)))
            }
            checkLifetime(of: cookie, declared: declared, details: details, log: &log)
        }
        for key in evidence.storage {
            let declared = declaration(ofStorageKey: key.name, area: key.area)
            let details = Self.details(
                state: state, page: key.page, name: key.name, kind: key.area.storage.rawValue, host: nil,
                declared: declared, setBy: key.setBy)
            guard let declared else {
                log.append(
                    Self.with(
                        details,
                        .error(
                            .auditStorageUndeclared, "the \(key.area.noun) '\(Self.clip(key.name))'\(key.setBy.map { " (set by \(Self.clip($0)))" } ?? "") is set \(state.phrase) on \(Self.clip(key.page)), but the registry does not declare it; add it with storage: \(key.area.storage.rawValue)",
                            at: registryFile)))
                continue
            }
            if state.optionalMustBeOff, let category = declared.category, !category.necessary {
                log.append(
                    Self.with(
                        details,
                        .error(
                            .auditStorageBeforeConsent, "the \(key.area.noun) '\(Self.clip(key.name))' (\(category.title), \(declared.service.name)) is present \(state.phrase) on \(Self.clip(key.page)): nothing optional may be stored until the visitor agrees",
                            at: declared.cookie.location)))
            }
        }
        for request in evidence.requests where !Self.isSameSite(request.host, siteHost) {
            let service = registry.service(forHost: request.host)
            var details = Self.details(state: state, page: request.page, name: nil, kind: "request", host: request.host, declared: nil, setBy: nil)
            details["url"] = .text(request.url)
            guard let service else {
                log.append(
                    Self.with(
                        details,
                        .warning(
                            .auditHostUndeclared, "\(Self.clip(request.page)) loads from \(Self.clip(request.host)) \(state.phrase), and no service lists that host; add it to the 'hosts' of the service it belongs to, or remove what loads it",
                            at: registryFile)))
                continue
            }
            let category = registry.category(id: service.categoryID)
            details["service"] = .text(service.name)
            if let category { details["category"] = .text(category.title) }
            if state.optionalMustBeOff, let category, !category.necessary {
                log.append(
                    Self.with(
                        details,
                        .error(
                            .auditRequestBeforeConsent, "\(Self.clip(request.page)) requests \(Self.clip(request.url)) from \(service.name) (\(category.title)) \(state.phrase): an optional service must not be contacted until the visitor agrees",
                            at: service.location)))
            }
        }
    }

    /// A finding's parts as machine values: which state and page, what (name, kind, host), and the
    /// registry's declaration of it (service, category, duration as written and as read).
    static func details(
        state: AuditState?, page: String?, name: String?, kind: String, host: String?, declared: Declared?,
        setBy: String?
    ) -> [String: DiagnosticDetail] {
        var details: [String: DiagnosticDetail] = ["kind": .text(kind)]
        if let state { details["state"] = .text(state.rawValue) }
        if let page { details["page"] = .text(page) }
        if let name { details["name"] = .text(name) }
        if let host { details["host"] = .text(host) }
        if let setBy { details["setBy"] = .text(setBy) }
        if let declared {
            details["service"] = .text(declared.service.name)
            if let category = declared.category { details["category"] = .text(category.title) }
            details["declaredName"] = .text(declared.name)
            if let duration = declared.cookie.duration { details["declared"] = .text(duration) }
            details["declaredLifetime"] = .text(declared.cookie.lifetime.isoText)
        }
        return details
    }

    static func with(_ details: [String: DiagnosticDetail], _ diagnostic: Diagnostic) -> Diagnostic {
        var diagnostic = diagnostic
        diagnostic.details = details
        return diagnostic
    }

    /// A lifetime as a machine value: `session`, or ISO 8601 seconds (`PT34560000S`).
    static func iso(_ seconds: Double?) -> String {
        seconds.map { "PT\(Int(max($0, 0).rounded()))S" } ?? "session"
    }

    /// Persistent where declared session (or the reverse), or living longer than declared.
    private func checkLifetime(of cookie: ObservedCookie, declared: Declared, details: [String: DiagnosticDetail], log: inout DiagnosticLog) {
        guard cookie.lifetimeKnown else { return }
        let written = declared.cookie.duration.map { "'\($0)'" } ?? "(no stated duration)"
        switch (declared.cookie.lifetime, cookie.lifetime) {
        case (.session, let seconds?):
            log.append(Self.with(details, .warning(.auditLifetimeNotSession, "the cookie '\(Self.clip(cookie.name))' is declared as \(written), a session cookie, but it is set to last \(Self.describe(seconds)); correct the registry's duration", at: declared.cookie.location)))
        case (.fixed, nil), (.range, nil):
            log.append(Self.with(details, .warning(.auditLifetimeSession, "the cookie '\(Self.clip(cookie.name))' is declared to last \(written), but it is a session cookie (deleted when the browser closes); correct the registry's duration", at: declared.cookie.location)))
        case (.fixed(let duration), let seconds?):
            warnIfLonger(cookie, seconds: seconds, declared: duration.approximateSeconds, written: written, at: declared.cookie.location, details: details, log: &log)
        case (.range(_, let maximum), let seconds?):
            warnIfLonger(cookie, seconds: seconds, declared: maximum.approximateSeconds, written: written, at: declared.cookie.location, details: details, log: &log)
        default:
            break
        }
    }

    private func warnIfLonger(
        _ cookie: ObservedCookie, seconds: Double, declared: Double, written: String, at location: SourceLocation,
        details: [String: DiagnosticDetail], log: inout DiagnosticLog
    ) {
        guard seconds > declared * Self.lifetimeTolerance.factor + Self.lifetimeTolerance.seconds else { return }
        log.append(
            Self.with(
                details,
                .warning(
                    .auditLifetimeLonger, "the cookie '\(Self.clip(cookie.name))' is set to last \(Self.describe(seconds)), longer than the \(written) the registry declares; correct the duration, or set the cookie to expire sooner",
                    at: location)))
    }

    /// Declared cookies no state ever showed: a note, since some need a flow the crawl cannot reach.
    private func noteUnseen(in evidence: AuditEvidence, log: inout DiagnosticLog) {
        let seenCookies = evidence.states.flatMap(\.cookies).map(\.name)
        let seenKeys = evidence.states.flatMap(\.storage).map(\.name)
        // Pixels and plain requests store nothing: they are seen as requests to their service's hosts.
        let contacted = Set(evidence.states.flatMap(\.requests).compactMap { registry.service(forHost: $0.host)?.id })
        for service in registry.services {
            for row in service.cookies {
                guard row.storage.isStored else {
                    if service.hosts.isEmpty {
                        log.append(
                            Self.with(
                                unseenDetails(row.publishedName, row, service),
                                .note(
                                    .auditRequestUnchecked, "'\(row.publishedName)' (\(service.name)) is a \(row.storage == .pixel ? "web beacon" : "network request"), which the audit can only recognise by the hosts it loads from; list them in the service's 'hosts'",
                                    at: row.location)))
                    } else if !contacted.contains(service.id) {
                        log.append(
                            Self.with(
                                unseenDetails(row.publishedName, row, service),
                                .note(
                                    .auditServiceUnseen, "'\(row.publishedName)' (\(service.name)) was not seen in any state: no page contacted \(service.hosts.joined(separator: ", ")); it may need a visit the audit cannot make (signing in, a form), or it may no longer be used",
                                    at: row.location)))
                    }
                    continue
                }
                for (name, pattern) in zip(row.names, row.patterns) {
                    let seen = row.storage == .cookie ? seenCookies : seenKeys
                    guard !seen.contains(where: pattern.matches) else { continue }
                    log.append(
                        Self.with(
                            unseenDetails(name, row, service),
                            .note(
                                .auditCookieUnseen, "'\(name)' (\(service.name)) was not seen in any state; it may need a visit the audit cannot make (signing in, a form), or it may no longer be used",
                                at: row.location)))
                }
            }
        }
    }

    private func unseenDetails(_ name: String, _ row: Cookie, _ service: CookieService) -> [String: DiagnosticDetail] {
        let declared = Declared(cookie: row, name: name, service: service, category: registry.category(id: service.categoryID))
        return Self.details(state: nil, page: nil, name: name, kind: row.storage.rawValue, host: nil, declared: declared, setBy: nil)
    }

    func declaration(ofCookie name: String) -> Declared? {
        find(name) { $0.storage == .cookie }
    }

    func declaration(ofStorageKey name: String, area: ObservedStorageKey.Area) -> Declared? {
        find(name) { $0.storage == area.storage }
    }

    private func find(_ name: String, where fits: (Cookie) -> Bool) -> Declared? {
        for service in registry.services {
            for row in service.cookies where fits(row) {
                if let index = row.patterns.firstIndex(where: { $0.matches(name) }) {
                    return Declared(cookie: row, name: row.names[index], service: service, category: registry.category(id: service.categoryID))
                }
            }
        }
        return nil
    }

    /// The site's own host or a host of the same organisation: the site's address without `www.`, and
    /// anything below it (`static.kent.gov.uk` for `www.kent.gov.uk`).
    static func isSameSite(_ host: String, _ site: String) -> Bool {
        let host = host.lowercased()
        let site = site.lowercased()
        let base = site.hasPrefix("www.") ? String(site.dropFirst(4)) : site
        return host == site || host == base || host.hasSuffix("." + base)
    }

    /// What a message echoes of what a page or recording held: at most 120 characters, control characters
    /// shown as `?`, so that a 50 MB cookie name is a line of a message, not 50 MB of it.
    static func clip(_ text: String) -> String {
        let limit = 120
        var shown = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                shown += "… (\(text.utf8.count) bytes)"
                break
            }
            shown.unicodeScalars.append(scalar.value < 0x20 || scalar.value == 0x7F ? "?" : scalar)
            count += 1
        }
        return shown
    }

    /// `2 years`, `90 days`, `3 hours`, `45 minutes`.
    static func describe(_ seconds: Double) -> String {
        func count(_ value: Double, _ unit: String) -> String {
            let rounded = Int(value.rounded())
            return English.count(rounded, unit)
        }
        let day = 86_400.0
        if seconds >= 2 * 365 * day { return count(seconds / (365 * day), "year") }
        if seconds >= 2 * day { return count(seconds / day, "day") }
        if seconds >= 2 * 3_600 { return count(seconds / 3_600, "hour") }
        return count(max(seconds, 0) / 60, "minute")
    }
}
