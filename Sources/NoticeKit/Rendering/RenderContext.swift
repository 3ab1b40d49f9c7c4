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
}


