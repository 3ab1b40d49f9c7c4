import CCmark

/// A page's lines by number, found with one pass over its bytes and cut out only when asked for (the
/// checks below look at a line or two of some blocks, and pages can be long).
struct PageLines {
    private let bytes: [UInt8]
    /// The UTF-8 offset where each line starts.
    private let starts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for offset in bytes.indices where bytes[offset] == UInt8(ascii: "\n") { starts.append(offset + 1) }
        self.starts = starts
    }

    var count: Int { starts.count }

    /// Line `number` (from 1), without its line break.
    subscript(number: Int) -> Substring {
        Substring(String(decoding: bytes[range(of: number)], as: UTF8.self))
    }

    /// Whether line `number` holds this byte, looked for without making the line a string.
    func line(_ number: Int, contains byte: UInt8) -> Bool {
        bytes[range(of: number)].contains(byte)
    }

    private func range(of number: Int) -> Range<Int> {
        starts[number - 1]..<(number < starts.count ? starts[number] - 1 : bytes.count)
    }
}

/// What the page's own lines say about a block, where cmark's tree is silent.
enum FenceCheck {
    /// Whether a fenced code block ends with its closing fence: cmark runs an unclosed one to the end of
    /// its container, taking everything after it with it.
    static func isClosed(_ node: MarkdownDocument.Node, in lines: PageLines) -> Bool {
        let start = node.startLine
        let end = Int(cmark_node_get_end_line(node))
        guard end > start, end <= lines.count else { return false }
        let opening = content(of: lines[start])
        guard let fence = opening.first, fence == "`" || fence == "~" else { return true }
        let length = opening.prefix { $0 == fence }.count
        let closing = content(of: lines[end]).trimmingTrailingSpace
        return closing.count >= length && closing.allSatisfy { $0 == fence }
    }

    /// A paragraph whose first two lines read as a pipe table's heading and `|---|---|` line.
    static func looksLikePipeTable(_ node: MarkdownDocument.Node, in lines: PageLines) -> Bool {
        let start = node.startLine
        guard start + 1 <= lines.count else { return false }
        // Most paragraphs have no `|` on their first line: decide that on bytes, before anything else.
        guard lines.line(start, contains: UInt8(ascii: "|")) else { return false }
        let delimiter = content(of: lines[start + 1]).trimmingTrailingSpace
        let cells = delimiter.split(separator: "|", omittingEmptySubsequences: true).map { $0.drop { $0 == " " }.trimmingTrailingSpace }
        return !cells.isEmpty
            && cells.allSatisfy { cell in
                cell.contains("-") && cell.allSatisfy { $0 == "-" || $0 == ":" }
            }
    }

    /// A line without its indentation and block-quote markers.
    private static func content(of line: Substring) -> Substring {
        line.drop { $0 == " " || $0 == "\t" || $0 == ">" }
    }
}
