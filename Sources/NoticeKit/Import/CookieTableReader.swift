/// Finds the cookie tables of a published page and reads their rows exactly as published: HTML
/// `<table>`s whose header row names cookies (with or without `<thead>`, `<th>` or `<td>` headers,
/// merged cells repeated), tables and definition lists that label each value on its own row, and CSV.
public enum CookieTableReader {
    /// What a column holds.
    public enum Role: String, Sendable, CaseIterable {
        case name, purpose, duration, provider, category, domain, party, storage
    }

    /// One published cookie: the cells as written (whitespace made single spaces), by role; purposes keep
    /// their links as Markdown.
    public struct Row: Sendable, Equatable {
        public var cells: [Role: String]
        public var line: Int
    }

    /// A table found on the page, with the heading above it and the rows it holds.
    public struct Table {
        public var rows: [Row]
        /// The headings it is under, outermost first, then its caption if it has one.
        public var headings: [String]
        /// The first paragraph after each heading before the table, by heading (a category's description).
        public var paragraphs: [String: String] = [:]
        public var line: Int
        /// The element that held it, to be replaced by a directive in the page.
        var node: HTMLNode?
    }

    /// The words a header cell uses for each role, in English and Welsh, lower case. A header matches
    /// when it is one of them, or starts with one followed by a space.
    static let headerWords: [(Role, [String])] = [
        (.category, ["category", "cookie category", "type", "cookie type", "type of cookie", "categori", "math", "math o gwci"]),
        (.name, ["name", "cookie name", "name of cookie", "cookie", "cookies", "cookie(s)", "enw", "enw'r cwci", "enw’r cwci", "enw cwci", "cwci", "cwcis"]),
        (
            .purpose,
            [
                "purpose", "purposes", "description", "what it does", "what they do", "what it's used for", "what it is used for",
                "why we use it", "why we use them", "what we use it for", "what we use them for", "what it's for", "what it is for",
                "what it’s for", "used for", "used to", "use", "details", "function", "information", "diben", "pwrpas", "disgrifiad",
                "beth mae'n ei wneud", "beth mae’n ei wneud", "defnydd", "at beth",
            ]
        ),
        (
            .duration,
            [
                "expiry", "expires", "expiration", "expiration date", "duration", "how long", "how long it lasts", "lifetime",
                "lifespan", "retention", "retention period", "storage period", "lasts", "lasts for", "expires after", "dod i ben", "yn dod i ben", "hyd",
                "am ba hyd", "cyfnod", "pryd mae'n dod i ben", "pryd mae’n dod i ben",
            ]
        ),
        (
            .provider,
            [
                "provider", "set by", "used by", "service", "owner", "source", "supplier", "placed by", "company", "who sets it", "darparwr",
                "gosodwyd gan", "gwasanaeth", "perchennog",
            ]
        ),
        (.domain, ["domain", "host", "parth"]),
        (.party, ["party", "first or third party", "first/third party", "parti"]),
    ]

    /// The role a header cell's words name, if any.
    static func role(of header: String) -> Role? {
        let words = header.lowercased().trimmingCharacters(in: CharacterSetLite.punctuationAround)
        guard !words.isEmpty, words.count <= 40 else { return nil }
        for (role, phrases) in headerWords where phrases.contains(words) { return role }
        for (role, phrases) in headerWords where phrases.contains(where: { words.hasPrefix($0 + " ") }) { return role }
        return nil
    }

    /// Every cookie table of the page, in page order.
    public static func tables(in document: HTMLNode) -> [Table] {
        var found: [Table] = []
        var headings: [(level: Int, text: String)] = []
        var paragraphs: [String: String] = [:]
        var awaitingParagraph: String?
        walk(document) { node in
            guard let name = node.name else { return true }
            if let level = ["h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6][name] {
                let text = node.text
                if !text.isEmpty {
                    headings.removeAll { $0.level >= level }
                    headings.append((level, text))
                    awaitingParagraph = text
                }
                return false
            }
            if name == "p", let heading = awaitingParagraph {
                let text = InlineCell.markdown(of: node)
                if !text.isEmpty {
                    paragraphs[heading] = text
                    awaitingParagraph = nil
                }
                return false
            }
            if name == "table" || name == "dl" { awaitingParagraph = nil }
            if name == "table" {
                let caption = node.children.first { $0.name == "caption" }?.text
                let titles = headings.map(\.text) + (caption.map { $0.isEmpty ? [] : [$0] } ?? [])
                if let rows = gridRows(of: node) ?? labelledRows(of: node), !rows.isEmpty {
                    found.append(Table(rows: rows, headings: titles, paragraphs: paragraphs, line: node.line, node: node))
                }
                return false
            }
            if name == "dl", let rows = definitionRows(of: node), !rows.isEmpty {
                found.append(Table(rows: rows, headings: headings.map(\.text), paragraphs: paragraphs, line: node.line, node: node))
                return false
            }
            return true
        }
        return found
    }

    /// Visits elements in document order; `visit` returns whether to look inside.
    static func walk(_ node: HTMLNode, _ visit: (HTMLNode) -> Bool) {
        var stack: [HTMLNode] = [node]
        while let current = stack.popLast() {
            guard current === node || visit(current) else { continue }
            stack.append(contentsOf: current.children.reversed())
        }
    }

    /// A table's cells as a grid: a cell spanning rows or columns repeats in each.
    static func grid(of table: HTMLNode) -> [(cells: [HTMLNode], isHeader: [Bool], line: Int, inHead: Bool)] {
        let rows = table.descendants(named: ["tr"], stoppingAt: ["table"])
        var spans: [Int: (node: HTMLNode, isHeader: Bool, left: Int)] = [:]
        var grid: [(cells: [HTMLNode], isHeader: [Bool], line: Int, inHead: Bool)] = []
        for row in rows {
            var cells: [HTMLNode] = []
            var headers: [Bool] = []
            var column = 0
            func fillSpans() {
                while let span = spans[column] {
                    cells.append(span.node)
                    headers.append(span.isHeader)
                    spans[column] = span.left > 1 ? (span.node, span.isHeader, span.left - 1) : nil
                    column += 1
                }
            }
            for cell in row.children where cell.name == "td" || cell.name == "th" {
                fillSpans()
                let rowSpan = min(max(Int(cell.attributes["rowspan"] ?? "") ?? 1, 1), 1_000)
                let columnSpan = min(max(Int(cell.attributes["colspan"] ?? "") ?? 1, 1), 50)
                for _ in 0..<columnSpan {
                    cells.append(cell)
                    headers.append(cell.name == "th")
                    if rowSpan > 1 { spans[column] = (cell, cell.name == "th", rowSpan - 1) }
                    column += 1
                }
            }
            fillSpans()
            let inHead = row.parent?.name == "thead"
            grid.append((cells, headers, row.line, inHead))
        }
        return grid
    }

    /// Rows under a header row that names cookies (the last row of `<thead>`, else the first row whose
    /// cells name at least a name column and one other).
    static func gridRows(of table: HTMLNode) -> [Row]? {
        let grid = grid(of: table)
        let headIndex =
            grid.lastIndex { $0.inHead }
            ?? grid.prefix(3).firstIndex { row in
                let roles = row.cells.compactMap { role(of: $0.text) }
                return roles.contains(.name) && Set(roles).count >= 2
            }
        guard let headIndex else { return nil }
        var columns: [Int: Role] = [:]
        for (index, cell) in grid[headIndex].cells.enumerated() {
            if let role = role(of: cell.text), !columns.values.contains(role) { columns[index] = role }
        }
        guard columns.values.contains(.name), columns.count >= 2 else { return nil }
        var rows: [Row] = []
        for row in grid[(headIndex + 1)...] {
            var cells: [Role: String] = [:]
            for (index, role) in columns where index < row.cells.count {
                let value = role == .purpose ? InlineCell.markdown(of: row.cells[index]) : row.cells[index].text
                if !value.isEmpty { cells[role] = value }
            }
            // A row that only repeats the header is not a cookie; one with words but no name is kept, for
            // the import to say it could not place it.
            if let name = cells[.name], role(of: name) == .name { continue }
            if !cells.isEmpty { rows.append(Row(cells: cells, line: row.line)) }
        }
        return rows
    }

    /// A table whose first column labels each value ("Name", "Purpose", "Expires"): a cookie starts at
    /// each name label.
    static func labelledRows(of table: HTMLNode) -> [Row]? {
        let pairs = grid(of: table).compactMap { row -> (Role, HTMLNode, Int)? in
            guard row.cells.count >= 2, let role = role(of: row.cells[0].text) else { return nil }
            return (role, row.cells[1], row.line)
        }
        return rows(fromLabelled: pairs)
    }

    /// A definition list of `dt` labels and `dd` values, read like a labelled table.
    static func definitionRows(of list: HTMLNode) -> [Row]? {
        var pairs: [(Role, HTMLNode, Int)] = []
        var current: Role?
        for child in list.descendants(named: ["dt", "dd"], stoppingAt: ["dl"]) {
            if child.name == "dt" {
                current = role(of: child.text)
            } else if let role = current {
                pairs.append((role, child, child.line))
                current = nil
            }
        }
        return rows(fromLabelled: pairs)
    }

    private static func rows(fromLabelled pairs: [(Role, HTMLNode, Int)]) -> [Row]? {
        guard pairs.contains(where: { $0.0 == .name }), Set(pairs.map(\.0)).count >= 2 else { return nil }
        var rows: [Row] = []
        for (role, cell, line) in pairs {
            if role == .name || rows.isEmpty { rows.append(Row(cells: [:], line: line)) }
            let value = role == .purpose ? InlineCell.markdown(of: cell) : cell.text
            if !value.isEmpty, rows[rows.count - 1].cells[role] == nil { rows[rows.count - 1].cells[role] = value }
        }
        return rows.filter { $0.cells[.name] != nil }
    }

    /// A CSV file with a header row, read like a table (RFC 4180 quoting).
    public static func table(fromCSV text: String) -> Table? {
        let records = CSVText.records(text)
        guard let header = records.first else { return nil }
        var columns: [Int: Role] = [:]
        for (index, cell) in header.enumerated() {
            if let role = role(of: HTMLNode.normalised(cell)), !columns.values.contains(role) { columns[index] = role }
        }
        guard columns.values.contains(.name), columns.count >= 2 else { return nil }
        var rows: [Row] = []
        for (number, record) in records.dropFirst().enumerated() {
            var cells: [Role: String] = [:]
            for (index, role) in columns where index < record.count {
                let value = HTMLNode.normalised(record[index])
                if !value.isEmpty { cells[role] = value }
            }
            if cells[.name] != nil { rows.append(Row(cells: cells, line: number + 2)) }
        }
        return Table(rows: rows, headings: [], line: 1, node: nil)
    }
}

/// Punctuation a header cell may carry around its words ("Name:", "(Expiry)").
enum CharacterSetLite {
    static let punctuationAround: Set<Character> = [" ", ":", "*", "(", ")", ".", "?", "\u{A0}"]
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}

/// A cell's content as the registry's inline Markdown: its text, with links kept as `[text](address)`.
enum InlineCell {
    static func markdown(of cell: HTMLNode) -> String {
        var output = ""
        append(cell, to: &output)
        return HTMLNode.normalised(output)
    }

    private static func append(_ node: HTMLNode, to output: inout String) {
        switch node.kind {
        case .text(let text): output += text
        case .element(let name):
            if name == "a", let href = node.attributes["href"], URLPolicy.allows(href), !href.hasPrefix("#") {
                let text = node.text
                output += text.isEmpty ? "" : "[\(text.replacingOccurrences(of: "]", with: "\\]"))](\(href.replacingOccurrences(of: ")", with: "%29").replacingOccurrences(of: " ", with: "%20")))"
                return
            }
            if name == "br" { output += " " }
            for child in node.children { append(child, to: &output) }
            if HTMLDocument.blockElements.contains(name) { output += " " }
        }
    }
}

/// RFC 4180 records: commas, double-quoted fields with doubled quotes, line breaks inside quotes.
enum CSVText {
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var afterQuote = false
        var characters = text.hasPrefix("\u{FEFF}") ? Substring(text.dropFirst()) : Substring(text)
        while let character = characters.first {
            characters = characters.dropFirst()
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.append("\"")
                        characters = characters.dropFirst()
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty && !afterQuote: quoted = true
            case ",":
                record.append(field)
                field = ""
                afterQuote = false
            case "\n", "\r\n", "\r":
                record.append(field)
                if !(record.count == 1 && record[0].isEmpty) { records.append(record) }
                record = []
                field = ""
                afterQuote = false
            default: field.append(character)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}
