import Foundation

extension Site {
    /// A theme template rendered with `values` and the site's texts as `strings` (every value
    /// HTML-escaped by Mustache), for tools that write pages of their own, such as `notice audit`'s report;
    /// `nil` when the theme has no such template.
    public func renderTemplate(_ name: String, values: [String: any Sendable]) -> String? {
        guard theme.templateNames.contains(name) else { return nil }
        var context: [String: Any] = values
        context["strings"] = strings.templateContext
        context["site"] = ["title": config.title, "language": config.language]
        context["layout"] = PageLayout.templateValues
        return theme.render(name, context)
    }
}
