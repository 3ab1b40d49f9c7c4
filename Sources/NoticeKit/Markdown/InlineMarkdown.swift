import CCmark
import Foundation

/// A short text from the registry (a service's description) as inline Markdown: emphasis, code and
/// links, rendered by cmark in safe mode without the paragraph around it.
enum InlineMarkdown {
    /// Escaped HTML; a link that breaks the URL policy is an error at `location` (the registry entry).
    static func html(_ text: String, describedAs what: String, at location: SourceLocation, log: inout DiagnosticLog) -> String {
        render(text, describedAs: what, at: location, log: &log).html
    }

    /// The HTML and the plain text a screen reader would read (for labels).
    static func render(_ text: String, describedAs what: String, at location: SourceLocation, log: inout DiagnosticLog) -> (html: String, plain: String) {
        let document = MarkdownDocument(markdown: text)
        var warnedAboutHTML = false
        for node in document.nodes() {
            switch node.type {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = node.url ?? ""
                if !URLPolicy.allows(url) { log.error(URLPolicy.refusal(url, of: "a link in \(what)"), at: location) }
            case CMARK_NODE_HTML_INLINE where !warnedAboutHTML, CMARK_NODE_HTML_BLOCK where !warnedAboutHTML:
                warnedAboutHTML = true
                log.warning("raw HTML is not allowed in \(what) and was left out; write it in Markdown instead", at: location)
            default:
                break
            }
        }
        var html = document.renderHTML().trimmingSpacesAndNewlines
        // One paragraph is what a description is: keep its content only, so it can sit inside a sentence.
        if html.hasPrefix("<p>"), html.hasSuffix("</p>"), html.components(separatedBy: "<p>").count == 2 {
            html = String(html.dropFirst(3).dropLast(4))
        }
        return (html, document.root.firstChild?.plainText ?? "")
    }
}
