import CCmark

/// What the page's own lines say about a block, where cmark's tree is silent.
enum FenceCheck {
    /// Whether a fenced code block ends with its closing fence: cmark runs an unclosed one to the end of
    /// its container, taking everything after it with it.
    static func isClosed(_ node: MarkdownDocument.Node, in lines: [Substring]) -> Bool {
        let start = node.startLine, end = Int(cmark_node_get_end_line(node))
        guard end > start, end <= lines.count else { return false }
        let opening = content(of: lines[start - 1])
        guard let fence = opening.first, fence == "`" || fence == "~" else { return true }
        let length = opening.prefix { $0 == fence }.count
        let closing = content(of: lines[end - 1]).trimmingTrailingSpace
        return closing.count >= length && closing.allSatisfy { $0 == fence }
    }

    /// A paragraph whose first two lines read as a pipe table's heading and `|---|---|` line.
    static func looksLikePipeTable(_ node: MarkdownDocument.Node, in lines: [Substring]) -> Bool {
        let start = node.startLine
        guard start + 1 <= lines.count else { return false }
        let heading = content(of: lines[start - 1]).trimmingTrailingSpace
        let delimiter = content(of: lines[start]).trimmingTrailingSpace
        guard heading.contains("|"), delimiter.contains("|") || delimiter.contains("-") else { return false }
        let cells = delimiter.split(separator: "|", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }
        return !cells.isEmpty && cells.allSatisfy { cell in
            cell.contains("-") && cell.allSatisfy { $0 == "-" || $0 == ":" }
        }
    }

    /// A line without its indentation and block-quote markers.
    private static func content(of line: Substring) -> Substring {
        line.drop { $0 == " " || $0 == "\t" || $0 == ">" }
    }
}
