/// What the `table` template gets: a ```` ```table ```` block's caption, column headings and rows.
struct TableView: TemplateView {
    let caption: String
    let headings: [Heading]
    let rows: [Row]

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "caption": .text(caption)
        case "headings": .list(headings)
        case "rows": .list(rows)
        default: nil
        }
    }

    /// A column heading: escaped HTML of its inline Markdown, and `center` or `right` (nil for left).
    struct Heading: TemplateView {
        let html: String
        let align: String?

        func value(named name: String) -> TemplateValue? {
            switch name {
            case "html": .text(html)
            case "align": align.map { .text($0) }
            default: nil
            }
        }
    }

    struct Row: TemplateView {
        let cells: [Cell]

        func value(named name: String) -> TemplateValue? {
            name == "cells" ? .list(cells) : nil
        }
    }

    /// A cell: its HTML, its column heading as plain text (for narrow screens), and whether it names the row.
    struct Cell: TemplateView {
        let html: String
        let label: String
        let isRowHeading: Bool
        let align: String?

        func value(named name: String) -> TemplateValue? {
            switch name {
            case "html": .text(html)
            case "label": .text(label)
            case "isRowHeading": .flag(isRowHeading)
            case "align": align.map { .text($0) }
            default: nil
            }
        }
    }
}
