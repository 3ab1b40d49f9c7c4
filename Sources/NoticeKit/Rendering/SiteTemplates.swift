import Foundation

extension Site {
    /// A theme template rendered with `view`'s values and what every template gets (the site's texts as
    /// `strings`, `site`, `layout`), for tools that write pages of their own, such as `notice audit`'s
    /// report; `nil` when the theme has no such template.
    public func renderTemplate(_ name: String, view: some TemplateView) -> String? {
        guard theme.templateNames.contains(name) else { return nil }
        return theme.render(name, view, globals: .view(TemplateGlobals(config: main.config, strings: main.strings)))
    }
}
