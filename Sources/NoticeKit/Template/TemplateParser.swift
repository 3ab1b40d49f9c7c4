/// Reads Mustache source into ``TemplateNode``s, following the Mustache specification: tags alone on
/// their line (sections, comments, partials, delimiter changes) take the whole line with them, and
/// `{{=<% %>=}}` changes the delimiters.
///
/// Lambdas, template inheritance and pragmas are not part of Notice's themes; they are reported as
/// mistakes rather than shown as text.
struct TemplateParser {
    private let source: [UInt8]
    private var position = 0
    private var line = 1
    private var lineStart = 0
    private var open = Array("{{".utf8)
    private var close = Array("}}".utf8)

    init(_ source: String) {
        self.source = Array(source.utf8)
    }

    /// A piece of one line, before the line is known to be standalone or not.
    private enum Piece {
        case text(ArraySlice<UInt8>)
        case newline
        case tag(Tag)
    }

    private struct Tag {
        enum Kind {
            case value(escaped: Bool)
            case section, inverted, close, comment, partial, delimiters
        }
        var kind: Kind
        var name: String
        var line: Int
        var column: Int
        var canStandAlone: Bool {
            if case .value = kind { return false }
            return true
        }
    }

    /// An open section while its content is read.
    private struct OpenSection {
        var tag: Tag
        var inverted: Bool
        var nodes: [TemplateNode] = []
    }

    mutating func parse() throws(TemplateSyntaxError) -> [TemplateNode] {
        var sections = [OpenSection(tag: Tag(kind: .section, name: "", line: 0, column: 0), inverted: false)]
        var pieces: [Piece] = []
        while position < source.count || !pieces.isEmpty {
            let endOfLine = try readLine(into: &pieces)
            try emit(pieces, into: &sections)
            pieces.removeAll(keepingCapacity: true)
            if !endOfLine { break }
        }
        guard sections.count == 1, let root = sections.first else {
            let unclosed = sections[sections.count - 1].tag
            throw TemplateSyntaxError(
                "the section {{#\(unclosed.name)}} is never closed; add {{/\(unclosed.name)}} where it ends",
                line: unclosed.line, column: unclosed.column)
        }
        return root.nodes
    }

    /// Reads up to and including the next newline; false when the source ended first.
    private mutating func readLine(into pieces: inout [Piece]) throws(TemplateSyntaxError) -> Bool {
        while position < source.count {
            if starts(with: open, at: position) {
                if let tag = try readTag() { pieces.append(.tag(tag)) }
                continue
            }
            let start = position
            while position < source.count, source[position] != UInt8(ascii: "\n"), !starts(with: open, at: position) {
                position += 1
            }
            if position > start { pieces.append(.text(source[start..<position])) }
            if position < source.count, source[position] == UInt8(ascii: "\n") {
                position += 1
                newLine(at: position)
                pieces.append(.newline)
                return true
            }
        }
        return false
    }

    /// Adds one line's pieces to the open section; a standalone tag's line gives only the tag.
    private func emit(_ pieces: [Piece], into sections: inout [OpenSection]) throws(TemplateSyntaxError) {
        var tags: [Tag] = []
        var onlySpace = true
        var indentation = ""
        for piece in pieces {
            switch piece {
            case .tag(let tag): tags.append(tag)
            case .text(let bytes):
                if bytes.allSatisfy(Self.isSpace) {
                    if tags.isEmpty { indentation += String(decoding: bytes, as: UTF8.self) }
                } else {
                    onlySpace = false
                }
            case .newline: break
            }
        }
        if onlySpace, tags.count == 1, tags[0].canStandAlone {
            try add(tags[0], indentation: indentation, to: &sections)
            return
        }
        for piece in pieces {
            switch piece {
            case .text(let bytes): Self.append(.text(String(decoding: bytes, as: UTF8.self)), to: &sections[sections.count - 1].nodes)
            case .newline: Self.append(.text("\n"), to: &sections[sections.count - 1].nodes)
            case .tag(let tag): try add(tag, indentation: "", to: &sections)
            }
        }
    }

    private func add(_ tag: Tag, indentation: String, to sections: inout [OpenSection]) throws(TemplateSyntaxError) {
        switch tag.kind {
        case .value(let escaped):
            sections[sections.count - 1].nodes.append(.value(try Self.name(tag), escaped: escaped))
        case .section, .inverted:
            _ = try Self.name(tag)
            sections.append(OpenSection(tag: tag, inverted: { if case .inverted = tag.kind { true } else { false } }()))
        case .close:
            let open = sections[sections.count - 1]
            guard sections.count > 1 else {
                throw TemplateSyntaxError(
                    "{{/\(tag.name)}} closes a section that was never opened; remove it or add {{#\(tag.name)}} before it",
                    line: tag.line, column: tag.column)
            }
            guard open.tag.name == tag.name else {
                throw TemplateSyntaxError(
                    "{{/\(tag.name)}} closes '\(tag.name)', but the section open here is '\(open.tag.name)' (line \(open.tag.line)); close it first with {{/\(open.tag.name)}}",
                    line: tag.line, column: tag.column)
            }
            sections.removeLast()
            sections[sections.count - 1].nodes.append(.section(try Self.name(open.tag), inverted: open.inverted, open.nodes))
        case .partial:
            guard !tag.name.isEmpty else {
                throw TemplateSyntaxError("{{> }} needs the name of the template to include, such as {{> footer}}", line: tag.line, column: tag.column)
            }
            sections[sections.count - 1].nodes.append(.partial(tag.name, indentation: indentation, line: tag.line, column: tag.column))
        case .comment, .delimiters:
            break
        }
    }

    /// Adjacent texts become one, so rendering appends fewer pieces.
    private static func append(_ node: TemplateNode, to nodes: inout [TemplateNode]) {
        if case .text(let text) = node, case .text(let previous)? = nodes.last {
            nodes[nodes.count - 1] = .text(previous + text)
        } else {
            nodes.append(node)
        }
    }

    private static func name(_ tag: Tag) throws(TemplateSyntaxError) -> TemplateName {
        if tag.name == "." { return TemplateName(parts: [], line: tag.line, column: tag.column) }
        let parts = tag.name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !tag.name.isEmpty, parts.allSatisfy({ !$0.isEmpty }), !tag.name.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" }) else {
            let shown = tag.name.isEmpty ? "a tag with no name" : "'\(tag.name)' is not a name"
            throw TemplateSyntaxError("\(shown); write a value's name between the braces, such as {{page.title}}", line: tag.line, column: tag.column)
        }
        return TemplateName(parts: parts, line: tag.line, column: tag.column)
    }

    /// Reads the tag at `position`; nil for a comment's or delimiter change's tag that leaves nothing.
    private mutating func readTag() throws(TemplateSyntaxError) -> Tag? {
        let tagLine = line
        let tagColumn = column(of: position)
        func mistake(_ message: String) -> TemplateSyntaxError { TemplateSyntaxError(message, line: tagLine, column: tagColumn) }
        let openText = String(decoding: open, as: UTF8.self)
        let closeText = String(decoding: close, as: UTF8.self)
        position += open.count
        var closing = close
        let triple = open == Array("{{".utf8) && position < source.count && source[position] == UInt8(ascii: "{")
        if triple {
            position += 1
            closing = Array("}".utf8) + close
        }
        guard let end = find(closing, from: position) else {
            throw mistake("a tag opened with \(triple ? "{{{" : openText) is not closed; end it with \(String(decoding: closing, as: UTF8.self))")
        }
        let content = source[position..<end]
        for index in position..<end where source[index] == UInt8(ascii: "\n") { newLine(at: index + 1) }
        position = end + closing.count
        var body = String(decoding: content, as: UTF8.self).trimmingSpace
        if triple { return Tag(kind: .value(escaped: false), name: body, line: tagLine, column: tagColumn) }
        let sigil = body.first
        if let sigil, "#^/!>&=<$%".contains(sigil) { body = String(body.dropFirst()).trimmingSpace }
        switch sigil {
        case "#": return Tag(kind: .section, name: body, line: tagLine, column: tagColumn)
        case "^": return Tag(kind: .inverted, name: body, line: tagLine, column: tagColumn)
        case "/": return Tag(kind: .close, name: body, line: tagLine, column: tagColumn)
        case "!": return Tag(kind: .comment, name: "", line: tagLine, column: tagColumn)
        case ">": return Tag(kind: .partial, name: body, line: tagLine, column: tagColumn)
        case "&": return Tag(kind: .value(escaped: false), name: body, line: tagLine, column: tagColumn)
        case "=":
            guard body.hasSuffix("=") else { throw mistake("a delimiter change is written {{=<% %>=}}: new opening and closing delimiters between = signs") }
            let delimiters = body.dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard delimiters.count == 2, !delimiters.contains(where: { $0.contains("=") }) else {
                throw mistake("a delimiter change is written {{=<% %>=}}: new opening and closing delimiters between = signs")
            }
            open = Array(delimiters[0].utf8)
            close = Array(delimiters[1].utf8)
            return Tag(kind: .delimiters, name: "", line: tagLine, column: tagColumn)
        case "<", "$": throw mistake("template inheritance (\(openText)<…\(closeText), \(openText)$…\(closeText)) is not supported; include shared parts with \(openText)> name\(closeText)")
        case "%": throw mistake("pragmas (\(openText)%…\(closeText)) are not supported; remove this tag")
        default: return Tag(kind: .value(escaped: true), name: body, line: tagLine, column: tagColumn)
        }
    }

    private mutating func newLine(at start: Int) {
        line += 1
        lineStart = start
    }

    /// The column in characters (Unicode scalars), from 1.
    private func column(of index: Int) -> Int {
        1 + source[lineStart..<index].count { $0 & 0xC0 != 0x80 }
    }

    private func starts(with delimiter: [UInt8], at index: Int) -> Bool {
        guard index + delimiter.count <= source.count else { return false }
        for offset in delimiter.indices where source[index + offset] != delimiter[offset] { return false }
        return true
    }

    private func find(_ delimiter: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + delimiter.count <= source.count {
            if starts(with: delimiter, at: index) { return index }
            index += 1
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }
}

extension String {
    fileprivate var trimmingSpace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
