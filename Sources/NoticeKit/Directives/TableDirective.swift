import Foundation

/// ```` ```table caption="How long we keep records" ````: a table an editor writes in the familiar pipe
/// syntax, with inline Markdown in its cells, rendered as an accessible table (a caption, column headings
/// with their scope, the first column as row headings unless `row-headings=no`, and the theme's layout
/// that stacks each row at 320 px).
///
/// CommonMark has no tables, so a pipe table written straight in a page would print as text; inside this
/// block it stays readable as plain text in any other viewer.
struct TableDirective: DirectiveHandler {
    let name = "table"
    let argumentNames = ["caption", "row-headings"]
    let takesBody = true

    enum Alignment: String { case left, center, right }

    func render(_ directive: Directive, in context: RenderContext, log: inout DiagnosticLog) -> String? {
        guard rejectUnknownArguments(of: directive, log: &log) else { return nil }
        guard let caption = directive["caption"], !caption.trimmingSpaces.isEmpty else {
            log.error(.pageTableCaptionMissing, "a table needs a caption that says what it shows, such as caption=\"How long we keep records\"; screen-reader users hear it first", at: directive.location)
            return nil
        }
        var rowHeadings = true
        switch directive["row-headings"] {
        case nil, "yes"?: break
        case "no"?: rowHeadings = false
        case let other?:
            log.error(.pageTableArgumentInvalid, "row-headings can be yes (the first column names each row, the default) or no, not '\(other)'", at: directive.location)
            return nil
        }
        // Rows are numbered from the line after the opening fence.
        let lines = directive.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { (line: directive.location.line + 1 + $0.offset, text: $0.element.trimmingTrailingSpace) }
            .filter { !$0.text.trimmingSpaces.isEmpty }
        func at(_ line: Int) -> SourceLocation { SourceLocation(path: directive.location.path, line: line, column: 1) }
        guard lines.count >= 2 else {
            log.error(.pageTableEmpty, "write the table between the fences: a line of headings, a line such as |---|---|, then one line per row, cells separated by |", at: directive.location)
            return nil
        }
        let headings = Self.cells(of: lines[0].text)
        let delimiters = Self.cells(of: lines[1].text)
        let alignments = delimiters.map(Self.alignment)
        guard alignments.allSatisfy({ $0 != nil }) else {
            log.error(.pageTableDelimiterMissing, "the second line of a table says where the headings end: write |---|---| with one --- for each column (:--- aligns left, ---: right, :---: centre)", at: at(lines[1].line))
            return nil
        }
        guard delimiters.count == headings.count else {
            log.error(.pageTableColumnsMismatch, "the table has \(headings.count) headings but \(delimiters.count) columns in its |---| line; give each column one", at: at(lines[1].line))
            return nil
        }
        var valid = true
        func cell(_ text: String, line: Int) -> (html: String, plain: String) {
            InlineMarkdown.render(text, describedAs: "this table", at: at(line), log: &log)
        }
        let renderedHeadings = headings.map { cell($0, line: lines[0].line) }
        var rows: [TableView.Row] = []
        for row in lines.dropFirst(2) {
            let texts = Self.cells(of: row.text)
            guard texts.count == headings.count else {
                log.error(.pageTableColumnsMismatch, "this row has \(English.count(texts.count, "cell")) but the table has \(headings.count) columns; add the missing cells (an empty one is | |) or remove the extra ones", at: at(row.line))
                valid = false
                continue
            }
            let cells = texts.enumerated().map { index, text in
                TableView.Cell(
                    html: cell(text, line: row.line).html, label: renderedHeadings[index].plain,
                    isRowHeading: rowHeadings && index == 0, align: Self.shownAlignment(alignments[index]))
            }
            rows.append(TableView.Row(cells: cells))
        }
        guard valid else { return nil }
        guard !rows.isEmpty else {
            log.error(.pageTableRowsMissing, "the table has headings but no rows; add one line per row under the |---| line", at: directive.location)
            return nil
        }
        let columns = renderedHeadings.enumerated().map { index, heading in
            TableView.Heading(html: heading.html, align: Self.shownAlignment(alignments[index]))
        }
        return context.renderTemplate("table", TableView(caption: caption, headings: columns, rows: rows), for: directive, log: &log)
    }

    /// `center` or `right`; nil for left, the default.
    private static func shownAlignment(_ alignment: Alignment?) -> String? {
        guard let alignment, alignment != .left else { return nil }
        return alignment.rawValue
    }

    /// A row's cells: the outer pipes are optional, `\|` is a pipe inside a cell.
    static func cells(of line: Substring) -> [String] {
        var text = line.trimmingSpaces[...]
        if text.hasPrefix("|") { text = text.dropFirst() }
        if text.hasSuffix("|"), !text.hasSuffix("\\|") { text = text.dropLast() }
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in text {
            if escaped {
                current.append(character == "|" ? "|" : "\\")
                if character != "|" { current.append(character) }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(current.trimmingSpaces)
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaped { current.append("\\") }
        cells.append(current.trimmingSpaces)
        return cells
    }

    /// `---` left, `:---:` centre, `---:` right; `nil` for anything else.
    static func alignment(_ cell: String) -> Alignment? {
        let dashes = cell.trimmingCharacters(in: CharacterSet(charactersIn: ":"))
        guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
        switch (cell.hasPrefix(":"), cell.hasSuffix(":")) {
        case (true, true): return .center
        case (false, true): return .right
        default: return .left
        }
    }
}
