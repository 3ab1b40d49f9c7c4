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
                if !URLPolicy.allows(url) { log.error(.pageUrlRefused, URLPolicy.refusal(url, of: "a link in \(what)"), at: location) }
            case CMARK_NODE_HTML_INLINE where !warnedAboutHTML, CMARK_NODE_HTML_BLOCK where !warnedAboutHTML:
                warnedAboutHTML = true
                log.warning(.pageHtmlRefused, "raw HTML is not allowed in \(what) and was left out; write it in Markdown instead", at: location)
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

    /// Published words (a purpose, a note) as HTML: escaped exactly as written, unless they hold a link
    /// (`[text](https://…)`) or code (`` `name` ``), which are then rendered under the same rules as a
    /// description. Everything else is the characters themselves: `<` and `&` are never HTML or an
    /// entity, and `_` and `*` never emphasis (real tables write `_ga_[ID]` and `__utma, __utmb`). Words
    /// that cmark would read back unchanged as plain text are never passed through it.
    static func publishedHTML(_ text: String, describedAs what: String, at location: SourceLocation, log: inout DiagnosticLog) -> String {
        guard text.utf8.contains(where: { markdownBytes.contains($0) }) else { return HTMLText.escape(text) }
        // Backticks pair up into code spans; a last one without a partner is a character like any other.
        var backticksLeft = text.count { $0 == "`" }
        var source = ""
        var inCode = false
        for character in text {
            switch character {
            case "`" where inCode || backticksLeft >= 2:
                inCode.toggle()
                backticksLeft -= 1
                source.append(character)
            case "`":
                source += "\\`"
            case "&": source += inCode ? "&" : "&amp;"
            case "<": source += inCode ? "<" : "&lt;"
            case "*", "_": source += inCode ? String(character) : "\\" + String(character)
            default: source.append(character)
            }
        }
        guard !readsAsPlainText(source, original: text) else { return HTMLText.escape(text) }
        return html(source, describedAs: what, at: location, log: &log)
    }

    /// Whether cmark reads the text as one paragraph of plain text that is the published words themselves.
    private static func readsAsPlainText(_ source: String, original: String) -> Bool {
        let document = MarkdownDocument(markdown: source)
        var literal = ""
        for node in document.nodes() {
            switch node.type {
            case CMARK_NODE_DOCUMENT, CMARK_NODE_PARAGRAPH: continue
            case CMARK_NODE_TEXT: literal += node.literal ?? ""
            default: return false
            }
        }
        return literal == original
    }

    /// Bytes that can start a link, code or a line break in CommonMark.
    private static let markdownBytes: Set<UInt8> = Set("`[]\\\n\r".utf8)
}
