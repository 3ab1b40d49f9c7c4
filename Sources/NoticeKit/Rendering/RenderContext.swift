import Foundation

/// Everything a page or directive needs to render: settings, registry, theme and texts.
struct RenderContext: Sendable {
    let config: SiteConfig
    let registry: CookieRegistry
    let theme: Theme
    /// The theme's texts with the site's overrides applied.
    let strings: Strings
    let directives: DirectiveSet
    /// False when the registry had errors: what it lacks then is the registry's problem, not the page's.
    var registryIsComplete = true
    /// The accessibility statement's record (`accessibility.yaml`), when the site keeps one.
    var accessibility: AccessibilityRecord?
    /// The privacy notice's record (`processing.yaml`), when the site keeps one.
    var processing: ProcessingRecord?
    /// The policy's change history (`changes.yaml`), when the site keeps one.
    var changes: ChangeHistory?
    /// What is the same for every page, worked out once per build.
    let shared: SharedRendering

    init(config: SiteConfig, registry: CookieRegistry, theme: Theme, strings: Strings, directives: DirectiveSet) {
        self.config = config
        self.registry = registry
        self.theme = theme
        self.strings = strings
        self.directives = directives
        shared = SharedRendering(globals: TemplateGlobals(config: config, strings: strings))
    }

    /// A text by key, with `{name}` placeholders filled in; the key itself if the theme lacks it.
    func text(_ key: String, _ values: [String: String] = [:]) -> String {
        Placeholders.fill(strings[key] ?? key, values)
    }

    /// `7 January 2025` (or the theme's own date format and month names).
    func date(_ date: CalendarDate) -> String {
        let months = strings.list("date.months") ?? []
        let month = months.indices.contains(date.month - 1) ? months[date.month - 1] : String(date.month)
        return text("date.format", ["day": String(date.day), "month": month, "year": String(date.year)])
    }

    /// A directive's HTML through a theme template, or an error when the theme lacks it.
    func renderTemplate(_ template: String, _ view: some TemplateView, for directive: Directive, log: inout DiagnosticLog) -> String? {
        guard theme.templateNames.contains(template) else {
            log.error(.themeTemplateMissing, "the theme '\(theme.name)' has no template '\(template).mustache', which the \(directive.name) directive needs", at: directive.location)
            return nil
        }
        guard let html = theme.render(template, view, globals: shared.globals) else {
            log.error(
                .themeTemplateRecursive, "the theme's template '\(template).mustache' could not be rendered: its partials include each other more than \(TemplateLibrary.maximumDepth) deep; check for a partial that includes itself",
                at: directive.location)
            return nil
        }
        return html
    }
}

/// Work shared by all pages of a build: the texts as template values, and directive output that does
/// not depend on the page (the same cookie table appears on many pages). Safe to use from many threads.
final class SharedRendering: @unchecked Sendable {
    /// What every template gets (the texts as template values, the site, the layout), built once rather
    /// than for every page.
    let globals: TemplateValue
    private let lock = NSLock()
    private var directiveHTML: [String: String] = [:]

    init(globals: TemplateGlobals) {
        self.globals = .view(globals)
    }

    /// The directive's HTML from an earlier page, or `make()`'s, kept when it rendered without any
    /// diagnostic (diagnostics carry the page's position, so those are never reused).
    func html(for directive: Directive, log: inout DiagnosticLog, make: (inout DiagnosticLog) -> String?) -> String? {
        let key =
            directive.name + "\u{0}" + directive.arguments.map { "\($0.key)=\($0.value)" }.joined(separator: "\u{0}")
            + "\u{0}" + directive.body + "\u{0}" + directive.givenAnchors.joined(separator: " ")
        lock.lock()
        let cached = directiveHTML[key]
        lock.unlock()
        if let cached { return cached }
        var local = DiagnosticLog()
        let html = make(&local)
        log.append(contentsOf: local.diagnostics)
        if let html, local.diagnostics.isEmpty {
            lock.lock()
            directiveHTML[key] = html
            lock.unlock()
        }
        return html
    }
}
