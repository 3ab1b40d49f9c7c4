public import Foundation

/// `notice import`: a published cookie page (saved HTML, or a CSV of its table) turned into a Notice
/// site's files: the registry with every name, purpose and duration as published, the policy page with
/// its prose in Markdown and each table replaced by its directive, and the site settings.
///
/// Reading only: it writes nothing itself; what it guessed (a category from a heading, a service from a
/// provider column) and what it could not place are diagnostics at the source's line.
public struct SiteImporter {
    public enum SourceKind: Sendable { case html, csv }

    public var source: SourceFile
    public var kind: SourceKind
    /// The page's language when it does not say (`--language`), else its `lang`.
    public var language: String?
    /// The address the page was fetched from, when it was (the site's `baseURL` comes from it).
    public var address: URL?

    /// Whether `--language` names a language as site.yaml would take it.
    public static func isLanguageTag(_ tag: String) -> Bool { SiteConfigReader.isLanguageTag(tag) }

    public init(source: SourceFile, kind: SourceKind, language: String? = nil) {
        self.source = source
        self.kind = kind
        self.language = language
    }

    /// What the import makes: files by path inside the new site folder, and what it has to say.
    public struct Result {
        public var files: [(path: String, text: String)]
        public var diagnostics: [Diagnostic]
        public var tableCount: Int
        public var rowCount: Int
    }

    /// One category or service as the page names it, with the cookies gathered under it.
    struct Service {
        var id: String
        var name: String
        var categoryID: String
        var rows: [CookieTableReader.Row] = []
    }

    struct Category {
        var id: String
        var title: String
        var necessary: Bool
        /// The paragraph the page puts under the category's heading, as published.
        var description: String?
    }

    /// A kind of cookie is titled "Analytics cookies", "Analytics cookies (optional)", "Cookies that
    /// measure website use" (GOV.UK's words) or "Cwcis dadansoddi".
    static func namesAKindOfCookie(_ heading: String) -> Bool {
        var words = heading.lowercased()
        if words.hasSuffix(")"), let open = words.lastIndex(of: "(") { words = String(words[..<open]) }
        words = words.trimmingCharacters(in: CharacterSetLite.punctuationAround)
        return words.hasSuffix("cookies") || words.hasSuffix("cookie") || words.hasPrefix("cookies that ") || words.hasPrefix("cookies which ")
            || words.hasPrefix("cwcis") || words.hasPrefix("cwci ")
    }

    /// "Cookies used by Google Analytics", "Cookies set by YouTube", "Cwcis a ddefnyddir gan …": a heading
    /// or caption that names the service whose cookies the table lists.
    static func serviceNamed(in heading: String) -> String? {
        let lowered = heading.lowercased()
        for prefix in ["cookies used by ", "cookies set by ", "cookies placed by ", "cookies from ", "cwcis a ddefnyddir gan ", "cwcis a osodir gan "]
        where lowered.hasPrefix(prefix) {
            let name = String(heading.dropFirst(prefix.count)).trimmingCharacters(in: CharacterSetLite.punctuationAround)
            return name.isEmpty ? nil : name
        }
        return nil
    }

    static let cookieWords = ["cookie", "cwci", "cwcis"]
    static let necessaryWords = ["necessary", "essential", "strictly", "required", "hanfodol", "angenrheidiol"]

    public func run() throws(BuildFailure) -> Result {
        var log = DiagnosticLog()
        let at = { (line: Int) in SourceLocation(path: source.path, line: line, column: 1) }
        let document = kind == .html ? HTMLDocument.parse(source.text) : nil
        let tables: [CookieTableReader.Table]
        if let document {
            tables = CookieTableReader.tables(in: document)
        } else {
            tables = CookieTableReader.table(fromCSV: source.text).map { [$0] } ?? []
        }
        guard !tables.isEmpty else {
            let words = "a header row naming the cookie (Name, Cookie, Enw) and its purpose or expiry (Purpose, Expires, Diben, Dod i ben)"
            if address != nil, let document, !document.descendants(named: ["script"]).isEmpty {
                throw BuildFailure(
                    .error(
                        .importTableScriptFilled, "no cookie table was found on this page as it is served; its table is probably filled in by a script, which notice import does not run: open the page in a browser, save it once it shows the table (File, Save page as) and import that file",
                        at: SourceLocation(path: source.path)))
            }
            throw BuildFailure(
                .error(
                    .importTableMissing,
                    kind == .html
                        ? "no cookie table was found on this page: notice import looks for tables (or lists) with \(words); if the page shows its table only with JavaScript, save the page from the browser after it has loaded (File, Save page as) and import that file"
                        : "this CSV file has no header row notice import can read: it needs \(words)", at: SourceLocation(path: source.path)))
        }

        // Categories and services, in page order, from the columns and headings.
        var categories: [Category] = []
        var services: [Service] = []
        var directives: [ObjectIdentifier: [String]] = [:]
        var ids = UniqueIDs()
        func uniqueID(_ title: String) -> String { ids.claim(Self.slug(title).isEmpty ? "item" : Self.slug(title)) }
        func category(titled title: String, line: Int, guessed: String?, description: String?) -> String {
            if let found = categories.first(where: { $0.title == title }) { return found.id }
            let necessary = Self.necessaryWords.contains { title.lowercased().contains($0) }
            let id = uniqueID(title)
            categories.append(Category(id: id, title: title, necessary: necessary, description: description))
            if description != nil { log.note(.importGuessDescription, "the description of '\(title)' is the paragraph under its heading", at: at(line)) }
            if let guessed { log.note(.importGuessCategory, guessed, at: at(line)) }
            if necessary { log.note(.importGuessNecessary, "the category '\(title)' was marked strictly necessary (necessary: true) because its title says so; check it is", at: at(line)) }
            return id
        }
        func service(named name: String, in categoryID: String, line: Int, guessed: String?) -> Int {
            if let index = services.firstIndex(where: { $0.name == name && $0.categoryID == categoryID }) { return index }
            services.append(Service(id: uniqueID(name), name: name, categoryID: categoryID))
            if let guessed { log.note(.importGuessCategory, guessed, at: at(line)) }
            return services.count - 1
        }

        var rowCount = 0
        for table in tables {
            // The service: a caption or heading that names it ("Cookies used by Hotjar"), or the innermost
            // heading when it does not speak of cookies ("Hotjar"). The category: the innermost heading
            // that speaks of cookies ("Analytics cookies") and names no service.
            let speaksOfCookies = Self.namesAKindOfCookie
            let namedService = table.headings.last.flatMap(Self.serviceNamed)
            let tableService = namedService ?? table.headings.last.flatMap { speaksOfCookies($0) ? nil : $0 }
            let tableCategory = table.headings.reversed().first { speaksOfCookies($0) && Self.serviceNamed(in: $0) == nil }
            let heading = table.headings.last
            var used: [String] = []
            for row in table.rows {
                guard row.cells[.name] != nil else {
                    let words = row.cells.values.sorted().first.map { " ('\($0.prefix(60))')" } ?? ""
                    log.warning(.importRowNameMissing, "a row of this table has no cookie name\(words), so it was not imported; if it describes a cookie, add it to registry.yaml with the name your site sets", at: at(row.line))
                    continue
                }
                rowCount += 1
                let categoryTitle: String
                var categoryGuess: String?
                if let named = row.cells[.category] {
                    categoryTitle = named
                } else if let tableCategory {
                    categoryTitle = tableCategory
                    categoryGuess = "the category '\(tableCategory)' was taken from the heading above the table"
                } else if let heading, namedService == nil {
                    categoryTitle = heading
                    categoryGuess = "the category '\(heading)' was taken from the heading above the table, which does not say it is about cookies; if it names a service rather than a kind of cookie, move its cookies to the right category"
                } else {
                    categoryTitle = "Cookies"
                    categoryGuess = "nothing on the page says which category these cookies are in, so they are in one category titled 'Cookies'; give it your policy's title, or split it as your policy does"
                }
                let categoryID = category(titled: categoryTitle, line: table.line, guessed: categoryGuess, description: table.paragraphs[categoryTitle])
                let serviceName: String
                var serviceGuess: String?
                if let provider = row.cells[.provider] {
                    serviceName = provider
                    serviceGuess = "the service '\(provider)' was taken from the table's provider column"
                } else if let tableService, tableService != categoryTitle {
                    serviceName = tableService
                    serviceGuess = "the service '\(tableService)' was taken from the heading above the table"
                } else {
                    serviceName = categoryTitle
                    serviceGuess = "the page names no service for the cookies in '\(categoryTitle)', so they are in one service of that name; split them by who sets them"
                }
                let index = service(named: serviceName, in: categoryID, line: row.line, guessed: serviceGuess)
                services[index].rows.append(row)
                let directive =
                    row.cells[.provider] == nil && tableService != nil && tableService != categoryTitle
                    ? "service=\(services[index].id)" : "category=\(categoryID)"
                if !used.contains(directive) { used.append(directive) }
                if row.cells[.purpose] == nil {
                    log.warning(.importRowPurposeMissing, "the row for '\(row.cells[.name] ?? "")' has no purpose on the page; the registry leaves it empty: write the purpose your policy should publish", at: at(row.line))
                }
            }
            if let node = table.node { directives[ObjectIdentifier(node)] = used }
        }
        if !categories.contains(where: \.necessary) {
            log.warning(.importNecessaryMissing, "no category on the page is strictly necessary, so Notice's own consent cookies have nowhere to go; add a category with necessary: true to registry.yaml", at: at(1))
        }
        log.note(.importResultSummary, "found \(English.count(tables.count, "cookie table")) with \(English.count(rowCount, "row")): \(categories.count) \(categories.count == 1 ? "category" : "categories") and \(English.count(services.count, "service"))", at: at(tables[0].line))

        let language = self.language ?? document.flatMap(Self.pageLanguage) ?? "en-GB"
        let pageTitle = document.flatMap(Self.pageTitle) ?? "Cookies"
        let siteTitle = document.flatMap(Self.siteTitle) ?? pageTitle
        var page = "---\ntitle: \(Self.yaml(pageTitle))\n"
        if let description = document.flatMap(Self.metaDescription) { page += "description: \(Self.yaml(description))\n" }
        page += "---\n"
        if let document {
            var converter = MarkdownFromHTML(directives: directives)
            page += converter.convert(Self.content(of: document))
            if !converter.placedSettings {
                page += "\n```consent-settings\n```\n"
                log.note(.importSettingsAdded, "the page had no cookie settings form, so the settings (```consent-settings```) were put at its end; move them where your policy offers the choice", at: at(1))
            }
        } else {
            for directive in directives.values.first ?? [] { page += "\n```cookie-table \(directive)\n```\n" }
            page += categories.map { "\n```cookie-table category=\($0.id)\n```\n" }.joined() + "\n```consent-settings\n```\n"
        }

        let baseURL = address.flatMap { url in url.scheme.flatMap { scheme in url.host.map { "\(scheme)://\($0)" } } }
        let site = """
            # Imported by notice import from \(source.path): check the title\(baseURL == nil ? " and add baseURL" : "").
            title: \(Self.yaml(siteTitle))
            \(baseURL.map { "baseURL: \($0)" } ?? "# baseURL: https://www.example.gov.uk")
            language: \(language)
            policyPage: cookies
            consent:
              lifetime: 90 days

            """
        return Result(
            files: [
                ("site.yaml", site), ("registry.yaml", registry(categories: categories, services: services)),
                ("pages/cookies.md", page), (".gitignore", "/output/\n"),
            ],
            diagnostics: log.sorted, tableCount: tables.count, rowCount: rowCount)
    }

    /// registry.yaml: every cell as published (double-quoted YAML, so nothing in the words is syntax).
    func registry(categories: [Category], services: [Service]) -> String {
        var lines = [
            "# Imported by notice import from \(source.path). Every name, purpose and duration is as published;",
            "# 'label' keeps a name cell that says more than the names a browser sets.", "categories:",
        ]
        for category in categories {
            lines += ["  - id: \(category.id)", "    title: \(Self.yaml(category.title))"]
            if let description = category.description { lines.append("    description: \(Self.yaml(description))") }
            if category.necessary { lines.append("    necessary: true") }
        }
        lines.append("services:")
        for service in services {
            lines += ["  - id: \(service.id)", "    name: \(Self.yaml(service.name))", "    category: \(service.categoryID)", "    cookies:"]
            for row in service.rows {
                var cell = row.cells[.name] ?? ""
                // "_hjRecordingLastActivity (session storage)": where it is kept, said in the cell.
                var storage: String?
                for (words, kind) in Self.storageWords where cell.lowercased().hasSuffix(" (\(words))") {
                    cell = String(cell.dropLast(words.count + 3))
                    storage = kind
                    break
                }
                let names = PublishedNameCell.names(in: cell)
                if names.count == 1, names[0] == cell {
                    lines.append("      - name: \(Self.yaml(cell))")
                } else {
                    lines.append("      - label: \(Self.yaml(cell))")
                    lines.append(names.count == 1 ? "        name: \(Self.yaml(names[0]))" : "        names: [\(names.map(Self.yaml).joined(separator: ", "))]")
                }
                if let storage { lines.append("        storage: \(storage)") }
                if let purpose = row.cells[.purpose] { lines.append("        purpose: \(Self.yaml(purpose))") }
                if let duration = row.cells[.duration] { lines.append("        duration: \(Self.yaml(duration))") }
                if let domain = row.cells[.domain] { lines.append("        # domain as published: \(domain)") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// How a name cell says where an item is kept, in English and Welsh (Notice's own tables write it so).
    static let storageWords: [(String, String)] = [
        ("session storage", "session-storage"), ("local storage", "local-storage"), ("indexeddb database", "indexed-db"),
        ("web beacon", "pixel"), ("network request only", "none"), ("storfa sesiwn", "session-storage"), ("storfa leol", "local-storage"),
    ]

    /// A YAML double-quoted scalar: the words exactly, nothing in them read as YAML.
    static func yaml(_ text: String) -> String {
        YAMLQuoting.quoted(text)
    }

    /// `Analytics cookies` → `analytics-cookies`.
    static func slug(_ text: String) -> String {
        var slug = ""
        var dash = false
        for character in text.lowercased().folding(options: .diacriticInsensitive, locale: nil) {
            if character.isASCII, character.isLetter || character.isNumber {
                if dash, !slug.isEmpty { slug.append("-") }
                slug.append(character)
                dash = false
            } else {
                dash = true
            }
            if slug.count >= 40 { break }
        }
        return slug
    }

    static func content(of document: HTMLNode) -> HTMLNode {
        for name in ["main", "article"] {
            if let found = document.descendants(named: [name]).first { return found }
        }
        return document.descendants(named: ["body"]).first ?? document
    }

    static func pageLanguage(_ document: HTMLNode) -> String? {
        document.descendants(named: ["html"]).first?.attributes["lang"].flatMap { SiteConfigReader.isLanguageTag($0) ? $0 : nil }
    }

    static func pageTitle(_ document: HTMLNode) -> String? {
        if let heading = content(of: document).descendants(named: ["h1"]).first?.text, !heading.isEmpty { return heading }
        return document.descendants(named: ["title"]).first?.text
    }

    /// The organisation, from a title such as "Cookies | Kent County Council" (the part after the last
    /// separator), else the whole title.
    static func siteTitle(_ document: HTMLNode) -> String? {
        guard let title = document.descendants(named: ["title"]).first?.text, !title.isEmpty else { return nil }
        for separator in [" | ", " – ", " — ", " - ", " :: "] where title.contains(separator) {
            return title.components(separatedBy: separator).last.map(HTMLNode.normalised)
        }
        return title
    }

    static func metaDescription(_ document: HTMLNode) -> String? {
        document.descendants(named: ["meta"]).first { $0.attributes["name"]?.lowercased() == "description" }?.attributes["content"]
            .map(HTMLNode.normalised).flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// The page's prose as CommonMark: headings, paragraphs, lists, links and emphasis; each cookie table
/// replaced by its directive, a settings form by ```consent-settings```; navigation and scripts left out.
struct MarkdownFromHTML {
    let directives: [ObjectIdentifier: [String]]
    var placedSettings = false
    /// The last heading's words, a caption for a table that has none.
    var lastHeading: String?
    static let skipped: Set<String> = ["nav", "header", "footer", "aside", "script", "style", "noscript", "template", "svg", "button", "h1"]

    init(directives: [ObjectIdentifier: [String]]) {
        self.directives = directives
    }

    mutating func convert(_ node: HTMLNode) -> String {
        var blocks: [String] = []
        block(node, depth: 0, into: &blocks)
        return blocks.isEmpty ? "" : "\n" + blocks.joined(separator: "\n\n") + "\n"
    }

    private mutating func block(_ node: HTMLNode, depth: Int, into blocks: inout [String]) {
        var inline = ""
        func flush() {
            let text = HTMLNode.normalised(inline)
            if !text.isEmpty { blocks.append(Self.paragraph(text)) }
            inline = ""
        }
        for child in node.children {
            guard let name = child.name else {
                if case .text(let text) = child.kind { inline += Self.escaped(text) }
                continue
            }
            if let directive = directives[ObjectIdentifier(child)] {
                flush()
                blocks += directive.map { "```cookie-table \($0)\n```" }
                continue
            }
            switch name {
            case _ where Self.skipped.contains(name):
                continue
            case "form":
                flush()
                if !placedSettings {
                    blocks.append("```consent-settings\n```")
                    placedSettings = true
                }
            case "h2", "h3", "h4", "h5", "h6":
                flush()
                let level = Int(String(name.last!)) ?? 2
                let text = Self.inline(child)
                if !text.isEmpty { blocks.append(String(repeating: "#", count: level) + " " + text) }
                lastHeading = child.text
            case "p", "caption", "figcaption", "blockquote", "dt", "dd":
                flush()
                let text = Self.inline(child)
                if !text.isEmpty { blocks.append(Self.paragraph(text)) }
                // A link to the page's cookie settings (a consent platform's own page): the settings go here.
                if !placedSettings, child.descendants(named: ["a", "button"]).contains(where: { Self.opensSettings($0.text) }) {
                    blocks.append("```consent-settings\n```")
                    placedSettings = true
                }
            case "ul", "ol":
                flush()
                let items = child.children.filter { $0.name == "li" }.enumerated().map { index, item in
                    (name == "ol" ? "\(index + 1). " : "- ") + Self.inline(item)
                }.filter { !$0.hasSuffix(" ") }
                if !items.isEmpty { blocks.append(items.joined(separator: "\n")) }
            case "table":
                // A table that lists no cookies: a ```table block (its caption, or the heading above it).
                flush()
                if let table = Self.tableBlock(child, heading: lastHeading) { blocks.append(table) }
            case "div", "section", "article", "main", "body", "html", "details", "summary", "fieldset", "dl", "figure", "span", "center", "font":
                if depth < 100, HTMLDocument.blockElements.contains(name) || name == "body" || name == "html" || name == "main" {
                    flush()
                    block(child, depth: depth + 1, into: &blocks)
                } else {
                    inline += Self.inline(child) + " "
                }
            default:
                inline += Self.inline(child)
            }
        }
        flush()
    }

    /// A paragraph's content (the element's children): text escaped for Markdown, links as
    /// `[text](address)`, `strong`/`b` as `**…**`, `em`/`i` as `*…*`. Nesting deeper than a page ever
    /// needs is read as plain text, so no page can exhaust the stack.
    static func inline(_ node: HTMLNode, depth: Int = 0) -> String {
        var output = ""
        for child in node.children { append(child, depth: depth + 1, to: &output) }
        return HTMLNode.normalised(output)
    }

    private static func append(_ node: HTMLNode, depth: Int, to output: inout String) {
        switch node.kind {
        case .text(let text): output += escaped(text)
        case .element(let name):
            guard depth < 100 else {
                output += escaped(node.text)
                return
            }
            switch name {
            case "a":
                let text = inline(node, depth: depth)
                if let href = node.attributes["href"], URLPolicy.allows(href), !text.isEmpty {
                    output += "[\(text)](<\(href.replacingOccurrences(of: ">", with: "%3E"))>)"
                } else {
                    output += text
                }
            case "strong", "b":
                let text = inline(node, depth: depth)
                if !text.isEmpty { output += "**\(text)**" }
            case "em", "i":
                let text = inline(node, depth: depth)
                if !text.isEmpty { output += "*\(text)*" }
            case "br": output += " "
            case _ where skipped.contains(name): break
            default:
                for child in node.children { append(child, depth: depth + 1, to: &output) }
                if HTMLDocument.blockElements.contains(name) { output += " " }
            }
        }
    }

    /// Words of a link or button that opens cookie settings ("Change your cookie settings", "Cookie
    /// preferences", "Gosodiadau cwcis").
    static func opensSettings(_ words: String) -> Bool {
        let lowered = words.lowercased()
        return [
            "cookie settings", "cookie preferences", "manage cookies", "change your cookie", "manage your cookie", "gosodiadau cwcis",
            "newid eich gosodiadau cwci",
        ].contains { lowered.contains($0) }
    }

    /// A table of the page that lists no cookies, as Notice's ```table block: the first row as headings,
    /// every cell's words kept (merged cells repeated; `|` comes escaped from `inline`). Nothing when it
    /// has no rows.
    static func tableBlock(_ table: HTMLNode, heading: String?) -> String? {
        let grid = CookieTableReader.grid(of: table).map { $0.cells.map { cell in inline(cell) } }
        let width = grid.map(\.count).max() ?? 0
        guard grid.count >= 2, width > 0 else { return nil }
        let rows = grid.map { $0 + Array(repeating: "", count: width - $0.count) }
        let caption = table.children.first { $0.name == "caption" }?.text ?? heading ?? rows[0].joined(separator: ", ")
        // The caption as written, in whichever quotes it does not hold (a fence cannot escape them).
        let quoted = !caption.contains("\"") ? "\"\(caption)\"" : !caption.contains("'") ? "'\(caption)'" : "\"\(caption.replacingOccurrences(of: "\"", with: "”"))\""
        var lines = ["```table caption=\(quoted)"]
        lines.append("| " + rows[0].joined(separator: " | ") + " |")
        lines.append("|" + Array(repeating: "---|", count: width).joined())
        lines += rows.dropFirst().map { "| " + $0.joined(separator: " | ") + " |" }
        return lines.joined(separator: "\n") + "\n```"
    }

    /// A paragraph that would start a list or a quote ("- ", "+ ", "1. ", "2) ") keeps its first
    /// character as text.
    static func paragraph(_ text: String) -> String {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let afterDigits = text.dropFirst(digits.count)
        if text.hasPrefix("- ") || text.hasPrefix("+ ") || (!digits.isEmpty && (afterDigits.hasPrefix(". ") || afterDigits.hasPrefix(") "))) {
            return digits.isEmpty ? "\\" + text : digits + "\\" + afterDigits
        }
        return text
    }

    /// Markdown's punctuation backslash-escaped, so the words show as written (what can start syntax
    /// inside a paragraph; full stops and dashes are left readable).
    static func escaped(_ text: String) -> String {
        SiteStarter.markdownEscaped(text, characters: "\\`*_{}[]<>#|~")
    }
}
