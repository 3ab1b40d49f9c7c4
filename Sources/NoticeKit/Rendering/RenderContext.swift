import Foundation

/// Everything a page or directive needs to render: settings, registry, theme and texts.
struct RenderContext: Sendable {
    let config: SiteConfig
    let registry: CookieRegistry
    let theme: Theme
    /// The theme's texts with the site's overrides applied.
    let strings: Strings
    let directives: DirectiveSet

    /// A text by key, with `{name}` placeholders filled in; the key itself if the theme lacks it.
    func text(_ key: String, _ values: [String: String] = [:]) -> String {
        var text = strings[key] ?? key
        for (name, value) in values {
            text = text.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return text
    }

    /// A directive's HTML through a theme template, or an error when the theme lacks it.
    func renderTemplate(_ template: String, _ values: [String: Any], for directive: Directive, log: inout DiagnosticLog) -> String? {
        guard theme.templateNames.contains(template), let html = theme.render(template, values) else {
            log.error("the theme '\(theme.name)' has no template '\(template).mustache', which the \(directive.name) directive needs", at: directive.location)
            return nil
        }
        return html
    }
}
