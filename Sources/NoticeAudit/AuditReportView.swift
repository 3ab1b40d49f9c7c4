public import NoticeKit

/// What the `audit-report` template gets: the totals, the findings and what each consent state stored
/// and requested.
struct AuditReportView: TemplateView {
    let totals: [Total]
    let findings: [Finding]
    let states: [State]
    let usesConsentScript: Bool

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "totals": .list(totals)
        case "findings": .list(findings)
        case "hasFindings": .flag(!findings.isEmpty)
        case "states": .list(states)
        case "usesConsentScript": .flag(usesConsentScript)
        default: nil
        }
    }

    struct Total: TemplateView {
        let label: String
        let value: String

        func value(named name: String) -> TemplateValue? {
            switch name {
            case "label": .text(label)
            case "value": .text(value)
            default: nil
            }
        }
    }

    struct Finding: TemplateView {
        /// `error`, `warning` or `note`, for the theme's styles; `severity` is the word shown.
        let level: String
        let severity: String
        /// What it concerns, as the registry titles it (service · category · cookie).
        let subject: String
        let message: String

        func value(named name: String) -> TemplateValue? {
            switch name {
            case "level": .text(level)
            case "severity": .text(severity)
            case "subject": .text(subject)
            case "message": .text(message)
            default: nil
            }
        }
    }

    /// One consent state (before any choice, after accepting, …) and what the browser held in it.
    struct State: TemplateView {
        let title: String
        let pages: String
        /// The first page's screenshot, by file name beside the report, and its text alternative.
        let screenshot: String?
        let screenshotAlt: String
        let cookies: [Cookie]
        let storage: [Storage]
        let requests: [Request]

        func value(named name: String) -> TemplateValue? {
            switch name {
            case "title": .text(title)
            case "pages": .text(pages)
            case "screenshot": screenshot.map { .text($0) }
            case "screenshotAlt": .text(screenshotAlt)
            case "cookies": .list(cookies)
            case "hasCookies": .flag(!cookies.isEmpty)
            case "storage": .list(storage)
            case "hasStorage": .flag(!storage.isEmpty)
            case "requests": .list(requests)
            case "hasRequests": .flag(!requests.isEmpty)
            default: nil
            }
        }
    }

    /// A cookie as the browser held it, beside what the registry declares of it.
    struct Cookie: TemplateView {
        let name, domain, page, declared, lifetime, expires, party, partitioned, setBy, flags: String

        func value(named key: String) -> TemplateValue? {
            switch key {
            case "name": .text(name)
            case "domain": .text(domain)
            case "page": .text(page)
            case "declared": .text(declared)
            case "lifetime": .text(lifetime)
            case "expires": .text(expires)
            case "party": .text(party)
            case "partitioned": .text(partitioned)
            case "setBy": .text(setBy)
            case "flags": .text(flags)
            default: nil
            }
        }
    }

    /// A `localStorage` or `sessionStorage` entry, or an IndexedDB database.
    struct Storage: TemplateView {
        let name, area, declared, setBy, page: String

        func value(named key: String) -> TemplateValue? {
            switch key {
            case "name": .text(name)
            case "area": .text(area)
            case "declared": .text(declared)
            case "setBy": .text(setBy)
            case "page": .text(page)
            default: nil
            }
        }
    }

    /// A request to another site.
    struct Request: TemplateView {
        let host, page, declared: String

        func value(named key: String) -> TemplateValue? {
            switch key {
            case "host": .text(host)
            case "declared": .text(declared)
            case "page": .text(page)
            default: nil
            }
        }
    }
}
