/// What the `table` template gets: a ```` ```table ```` block's caption, column headings and rows.
struct TableView: TypedTemplateView {
    let caption: String
    let headings: [Heading]
    let rows: [Row]

    static let fields = TemplateFields<Self>([
        .text("caption") { $0.caption },
        .list("headings") { $0.headings },
        .list("rows") { $0.rows },
    ])

    /// A column heading: escaped HTML of its inline Markdown, and `center` or `right` (nil for left).
    struct Heading: TypedTemplateView {
        let html: String
        let align: String?

        static let fields = TemplateFields<Self>([
            .text("html") { $0.html },
            .text("align") { $0.align },
        ])
    }

    struct Row: TypedTemplateView {
        let cells: [Cell]

        static let fields = TemplateFields<Self>([
            .list("cells") { $0.cells }
        ])
    }

    /// A cell: its HTML, its column heading as plain text (for narrow screens), and whether it names the row.
    struct Cell: TypedTemplateView {
        let html: String
        let label: String
        let isRowHeading: Bool
        let align: String?

        static let fields = TemplateFields<Self>([
            .text("html") { $0.html },
            .text("label") { $0.label },
            .flag("isRowHeading") { $0.isRowHeading },
            .text("align") { $0.align },
        ])
    }
}
