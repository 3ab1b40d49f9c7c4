import CCmark
import Foundation

/// A page's Markdown turned into HTML, with the headings and links found in it.
struct RenderedContent: Sendable {
    var html: String
    var headings: [Heading]
    var links: [PageLink] = []
    /// The registry services whose cookies the page's tables show.
    var shownServices: Set<String> = []
    var shownParts: Set<String> = []
    /// Ids that directives gave elements, besides the headings'.
    var directiveAnchors: Set<String> = []
}

/// A link written in a page, for checking that it leads somewhere.
public struct PageLink: Sendable, Equatable {
    public var url: String
    public var location: SourceLocation
}

/// Renders a page's Markdown: parse with cmark, walk and collect, then rewrite directives and headings.
struct PageContentRenderer {
    let context: RenderContext

    func render(_ page: PageSource, log: inout DiagnosticLog) -> RenderedContent {
        let document = MarkdownDocument(markdown: page.body)
        func location(_ node: MarkdownDocument.Node) -> SourceLocation {
            SourceLocation(path: page.path, line: node.startLine + page.bodyLineOffset, column: node.startColumn)
        }

        // The page's lines, for what cmark's tree does not say (whether a fence was closed).
        let lines = PageLines(page.body)
        // Walk once and collect; the tree is only changed after the walk.
        var headings: [MarkdownDocument.Node] = []
        var links: [PageLink] = []
        var directives: [(node: MarkdownDocument.Node, directive: Directive, handler: any DirectiveHandler)] = []
        var rawHTMLLines = Set<Int>()
        for node in document.nodes() {
            switch node.type {
            case CMARK_NODE_HEADING:
                headings.append(node)
            case CMARK_NODE_CODE_BLOCK:
                let found = directive(in: node, at: location(node), log: &log)
                if fenceIsSound(node, directive: found, lines: lines, at: location(node), log: &log), let found {
                    directives.append((node, found.0, found.1))
                }
            case CMARK_NODE_PARAGRAPH:
                if FenceCheck.looksLikePipeTable(node, in: lines) {
                    log.warning(.pageTablePipeText, "this looks like a table written with | characters, which pages do not turn into a table; put it in a ```table caption=\"…\" block (see docs/content.md, Tables)", at: location(node))
                }
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                // One warning a line: `<b>word</b>` is two pieces of raw HTML but one mistake.
                let here = location(node)
                if rawHTMLLines.insert(here.line).inserted {
                    log.warning(.pageHtmlRefused, "raw HTML is not allowed in pages and was left out; write it in Markdown instead", at: here)
                }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = node.url ?? ""
                if !url.isEmpty { links.append(PageLink(url: url, location: location(node))) }
                if !URLPolicy.allows(url) {
                    log.error(.pageUrlRefused, URLPolicy.refusal(url, of: node.type == CMARK_NODE_IMAGE ? "this image" : "this link"), at: location(node))
                }
                if node.type == CMARK_NODE_IMAGE, node.plainText.trimmingSpaces.isEmpty {
                    log.warning(.pageImageAltMissing, "this image has no description; write one between the square brackets, ![like this](image.png), for people who cannot see it", at: location(node))
                }
            default:
                break
            }
        }

        // Headings first: a directive's section ids go only where no heading has the id already.
        var ids = HeadingIDs(reserved: PageLayout.reservedIDs)
        var collected: [Heading] = []
        var previousLevel = 1
        for node in headings {
            let level = node.headingLevel
            let text = node.plainText.trimmingSpaces
            if level == 1 {
                log.warning(.pageHeadingH1, "the page title from the front matter is already the page's main heading; start sections with ## instead of #", at: location(node))
            } else if level > previousLevel + 1 {
                log.warning(.pageHeadingSkipped, "this heading skips from level \(previousLevel) to level \(level); use \(String(repeating: "#", count: previousLevel + 1)) so screen-reader users can follow the outline", at: location(node))
            }
            previousLevel = level
            let id = ids.id(for: text)
            collected.append(Heading(level: level, text: text, id: id))
            // cmark has escaped the heading's content; only the opening tag gains the id.
            let html = MarkdownDocument.renderHTML(node)
            let opening = "<h\(level)>"
            if html.hasPrefix(opening) {
                document.replace(node, withHTML: "<h\(level) id=\"\(id)\">" + html.dropFirst(opening.count))
            }
        }

        var shownServices = Set<String>()
        var shownParts = Set<String>()
        var directiveAnchors = Set<String>()
        var taken = Set(collected.map(\.id)).union(PageLayout.reservedIDs)
        for (node, var directive, handler) in directives {
            shownServices.formUnion(handler.servicesShown(by: directive, in: context.registry))
            shownParts.formUnion(handler.partsShown(by: directive))
            directiveAnchors.formUnion(handler.anchors)
            directive.givenAnchors = handler.sectionAnchors(for: directive, in: context.registry).filter { taken.insert($0).inserted }
            directiveAnchors.formUnion(directive.givenAnchors)
            if let html = context.shared.html(for: directive, log: &log, make: { handler.render(directive, in: context, log: &$0) }) {
                document.replace(node, withHTML: html)
            }
        }
        return RenderedContent(
            html: document.renderHTML(), headings: collected, links: links, shownServices: shownServices, shownParts: shownParts,
            directiveAnchors: directiveAnchors)
    }

    /// Whether a fenced block ends where the editor meant it to. A directive with no closing fence (it would
    /// run to the end of the page) or with text it does not take (it swallowed the next block) is an
    /// error; a plain code block with no closing fence, a warning.
    private func fenceIsSound(
        _ node: MarkdownDocument.Node, directive found: (Directive, any DirectiveHandler)?, lines: PageLines,
        at location: SourceLocation, log: inout DiagnosticLog
    ) -> Bool {
        if node.fenceInfo != nil, !FenceCheck.isClosed(node, in: lines) {
            guard let (directive, _) = found else {
                log.warning(.pageFenceUnclosed, "this code block has no closing fence, so the rest of the page shows as code; add a line ``` where the code ends", at: location)
                return true
            }
            log.error(.pageDirectiveUnclosed, "the \(directive.name) block that starts here has no closing fence, so it would swallow the rest of the page; add a line ``` after it", at: location)
            return false
        }
        guard let (directive, handler) = found, !handler.takesBody,
            !directive.body.trimmingSpacesAndNewlines.isEmpty
        else { return true }
        let swallowed = directive.body.split(separator: "\n").contains { line in
            let start = line.drop { $0 == " " }
            return start.hasPrefix("```") || start.hasPrefix("~~~")
        }
        log.error(
            .pageDirectiveSwallowed,
            swallowed
                ? "the \(directive.name) block that starts here has no closing fence before the next block, which it swallowed; add a line ``` right after this one"
                : "the \(directive.name) block takes nothing between its fences; remove the text, or close the block with ``` on the next line",
            at: location)
        return false
    }

    /// The directive a code block asks for, if its info string names one; errors for mistaken ones.
    private func directive(in node: MarkdownDocument.Node, at location: SourceLocation, log: inout DiagnosticLog) -> (Directive, any DirectiveHandler)? {
        guard let info = node.fenceInfo?.trimmingSpaces, !info.isEmpty else { return nil }
        let firstWord = String(info.prefix { $0 != " " && $0 != "\t" })
        let known = context.directives.handlers[firstWord]
        switch DirectiveSyntax.parse(info: info) {
        case .failure(let error):
            if known != nil || context.directives.isNearMiss(firstWord) {
                log.error(.pageDirectiveUnreadable, "the \(firstWord) directive cannot be read: \(error.message)", at: location)
            }
            return nil
        case .success(let parsed):
            if let known {
                return (Directive(name: parsed.name, arguments: parsed.arguments, body: node.literal ?? "", location: location), known)
            }
            if context.directives.isNearMiss(parsed.name) {
                var message = "there is no directive called '\(parsed.name)'"
                message += Spelling.suggestion(for: parsed.name, in: context.directives.names, otherwise: "; the directives are \(context.directives.names.joined(separator: ", "))")
                log.error(.pageDirectiveUnknown, message, at: location)
            }
            return nil
        }
    }
}
