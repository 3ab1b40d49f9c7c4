import CCmark
import Foundation

/// One libcmark document: parsed once, walked, rewritten, rendered, then freed.
///
/// Not thread-safe by design: each page gets its own parser and tree, so pages can render in parallel
/// without sharing cmark state.
final class MarkdownDocument {
    /// A node of the tree, valid while its document lives.
    typealias Node = OpaquePointer

    let root: Node

    /// Parses Markdown with source positions and UTF-8 validation (invalid bytes become U+FFFD).
    init(markdown: String) {
        let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8)
        var text = markdown
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        root = cmark_parser_finish(parser)
        cmark_parser_free(parser)
    }

    deinit {
        cmark_node_free(root)
    }

    /// Every node in document order, entering each once; collected first so callers may rewrite after.
    func nodes() -> [Node] {
        var result: [Node] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) {
                result.append(node)
            }
        }
        return result
    }

    /// HTML in cmark's safe mode: raw HTML is omitted and `javascript:`-style links are dropped.
    func renderHTML() -> String {
        Self.renderHTML(root)
    }

    /// The HTML of one node and its children, in safe mode.
    static func renderHTML(_ node: Node) -> String {
        guard let html = cmark_render_html(node, CMARK_OPT_VALIDATE_UTF8) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// Puts `html` in place of `node`, as a custom block that cmark writes out as it is.
    ///
    /// Safe mode strips raw HTML blocks, but not custom blocks, so generated markup goes in this way;
    /// whoever builds `html` must have escaped everything in it.
    func replace(_ node: Node, withHTML html: String) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(block, html)
        cmark_node_set_on_exit(block, "")
        cmark_node_insert_before(node, block)
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
}

extension MarkdownDocument.Node {
    var type: cmark_node_type { cmark_node_get_type(self) }
    var startLine: Int { Int(cmark_node_get_start_line(self)) }
    var startColumn: Int { Int(cmark_node_get_start_column(self)) }
    var headingLevel: Int { Int(cmark_node_get_heading_level(self)) }
    var fenceInfo: String? { cmark_node_get_fence_info(self).map { String(cString: $0) } }
    var literal: String? { cmark_node_get_literal(self).map { String(cString: $0) } }
    var url: String? { cmark_node_get_url(self).map { String(cString: $0) } }
    var parent: MarkdownDocument.Node? { cmark_node_parent(self) }
    var firstChild: MarkdownDocument.Node? { cmark_node_first_child(self) }
    var next: MarkdownDocument.Node? { cmark_node_next(self) }

    /// The text of the node's inline children, as a reader would hear it.
    var plainText: String {
        var text = ""
        var child = firstChild
        while let node = child {
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += node.literal ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                text += node.plainText
            }
            child = node.next
        }
        return text
    }
}
