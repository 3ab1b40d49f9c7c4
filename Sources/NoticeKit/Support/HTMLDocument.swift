/// A published web page read as a tree, for `notice import` and the site's own header and footer
/// fragments (`wrapper:`): enough of HTML's parsing rules for what
/// content management systems write (implied end tags for paragraphs, list items and table cells, void
/// elements, character references, raw-text `script` and `style` skipped), each element with the line it
/// starts on. Linear in the page's size; never fails: malformed markup gives the tree a browser would
/// roughly build.
public final class HTMLNode {
    public enum Kind {
        case element(String)
        case text(String)
    }

    public let kind: Kind
    public var attributes: [String: String]
    public var children: [HTMLNode] = []
    public weak var parent: HTMLNode?
    /// The source line where it starts (1-based).
    public let line: Int

    init(_ kind: Kind, attributes: [String: String] = [:], line: Int) {
        self.kind = kind
        self.attributes = attributes
        self.line = line
    }

    /// The element's name in lower case, or nil for text.
    public var name: String? {
        if case .element(let name) = kind { return name }
        return nil
    }

    /// Every descendant element named so, in document order, not looking inside the elements named in
    /// `stop` (a table's own rows, not a nested table's).
    public func descendants(named wanted: Set<String>, stoppingAt stop: Set<String> = []) -> [HTMLNode] {
        var found: [HTMLNode] = []
        var stack = Array(children.reversed())
        while let node = stack.popLast() {
            if let name = node.name, wanted.contains(name) { found.append(node) }
            if let name = node.name, stop.contains(name) { continue }
            stack.append(contentsOf: node.children.reversed())
        }
        return found
    }

    /// The text it shows, whitespace runs made one space and trimmed (`<br>` and block ends are spaces).
    /// Walked with a stack, so however deep a page nests, this cannot exhaust the call stack.
    public var text: String {
        var output = ""
        var stack: [(node: HTMLNode, closing: Bool)] = [(self, false)]
        while let (node, closing) = stack.popLast() {
            if closing {
                output += " "
                continue
            }
            switch node.kind {
            case .text(let value): output += value
            case .element(let name):
                if name == "br" { output += " " }
                if HTMLDocument.blockElements.contains(name) { stack.append((node, true)) }
                for child in node.children.reversed() { stack.append((child, false)) }
            }
        }
        return Self.normalised(output)
    }

    /// Whitespace runs (spaces, tabs, line breaks, no-break spaces) as one space, trimmed.
    static func normalised(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in text {
            if character.isWhitespace || character == "\u{A0}" {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }
}

public enum HTMLDocument {
    static let maximumDepth = 256
    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
    static let rawTextElements: Set<String> = ["script", "style", "template", "noscript", "textarea", "title", "svg"]
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "details", "div", "dl", "dd", "dt", "fieldset", "figcaption", "figure", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody",
        "td", "tfoot", "th", "thead", "tr", "ul", "caption", "summary",
    ]
    /// Elements an opening tag closes when open (HTML's implied end tags, as far as tables, lists and
    /// paragraphs need them).
    static let closedBy: [String: Set<String>] = [
        "li": ["li"], "dt": ["dt", "dd"], "dd": ["dt", "dd"], "tr": ["tr", "td", "th"], "td": ["td", "th"], "th": ["td", "th"],
        "thead": ["tbody", "thead", "tfoot", "tr", "td", "th"], "tbody": ["tbody", "thead", "tfoot", "tr", "td", "th"],
        "tfoot": ["tbody", "thead", "tfoot", "tr", "td", "th"], "option": ["option"],
    ]
    /// What stops the search for an element to close implicitly: a list item never closes one of an
    /// outer list, a cell never one of an outer table.
    static let scopes: [String: Set<String>] = [
        "li": ["ul", "ol"], "dt": ["dl"], "dd": ["dl"], "tr": ["table"], "td": ["table", "tr"], "th": ["table", "tr"],
        "thead": ["table"], "tbody": ["table"], "tfoot": ["table"], "option": ["select"],
    ]

    /// The page as a tree under a root element named `#document`.
    public static func parse(_ source: String) -> HTMLNode {
        parseNoting(source).root
    }

    /// Elements whose end tag may be left out (HTML implies it).
    static let endTagOptional: Set<String> = ["p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "colgroup", "caption"]

    /// The tree, with what a checker of hand-written fragments wants to know: elements never closed
    /// (whose end tag HTML does not imply) and end tags that close nothing.
    static func parseNoting(_ source: String) -> (root: HTMLNode, unclosed: [HTMLNode], stray: [(name: String, line: Int)]) {
        var unclosed: [HTMLNode] = []
        var stray: [(name: String, line: Int)] = []
        let root = HTMLNode(.element("#document"), line: 1)
        var open: [HTMLNode] = [root]
        var text = ""
        var textLine = 1
        let bytes = Array(source.utf8)
        var index = 0
        var line = 1

        func flushText() {
            guard !text.isEmpty else { return }
            let node = HTMLNode(.text(decodeReferences(text)), line: textLine)
            node.parent = open.last
            open.last?.children.append(node)
            text = ""
        }
        func closeImplied(by name: String) {
            if blockElements.contains(name), name != "li", name != "dd", name != "dt", name != "td", name != "th", name != "tr" {
                // A block closes an open paragraph.
                if let last = open.last, last.name == "p" { open.removeLast() }
            }
            guard let closes = closedBy[name] else { return }
            let scope = scopes[name] ?? []
            for position in stride(from: open.count - 1, to: 0, by: -1) {
                guard let current = open[position].name else { continue }
                if scope.contains(current) { break }
                if closes.contains(current) {
                    open.removeSubrange(position...)
                    break
                }
            }
        }

        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<"), index + 1 < bytes.count {
                let next = bytes[index + 1]
                if next == UInt8(ascii: "!") {
                    // A comment, or a declaration such as <!DOCTYPE html>.
                    flushText()
                    let isComment = index + 3 < bytes.count && bytes[index + 2] == UInt8(ascii: "-") && bytes[index + 3] == UInt8(ascii: "-")
                    let end = isComment ? find(Array("-->".utf8), in: bytes, from: index + 4) : find([UInt8(ascii: ">")], in: bytes, from: index)
                    let stop = end.map { $0 + (isComment ? 3 : 1) } ?? bytes.count
                    line += bytes[index..<stop].count { $0 == 10 }
                    index = stop
                    continue
                }
                if next == UInt8(ascii: "/") || isLetter(next) {
                    guard let tag = readTag(bytes, from: index) else {
                        text.append("<")
                        index += 1
                        continue
                    }
                    flushText()
                    let tagLine = line
                    line += bytes[index..<tag.end].count { $0 == 10 }
                    index = tag.end
                    if tag.isEnd {
                        // An end tag closes its element and what is still open inside it; a stray one is ignored.
                        if let position = open.lastIndex(where: { $0.name == tag.name }), position > 0 {
                            unclosed += open[(position + 1)...].filter { !endTagOptional.contains($0.name ?? "") }
                            open.removeSubrange(position...)
                        } else if !voidElements.contains(tag.name) {
                            stray.append((tag.name, tagLine))
                        }
                        continue
                    }
                    closeImplied(by: tag.name)
                    if rawTextElements.contains(tag.name) {
                        // Its content is not markup: skipped to its end tag (a page's title is read apart).
                        let closing = Array("</\(tag.name)".utf8)
                        let end = findIgnoringCase(closing, in: bytes, from: index) ?? bytes.count
                        let node = HTMLNode(.element(tag.name), attributes: tag.attributes, line: tagLine)
                        if tag.name == "title" || tag.name == "textarea" {
                            let inner = HTMLNode(.text(decodeReferences(String(decoding: bytes[index..<end], as: UTF8.self))), line: line)
                            inner.parent = node
                            node.children.append(inner)
                        }
                        node.parent = open.last
                        open.last?.children.append(node)
                        line += bytes[index..<end].count { $0 == 10 }
                        index = find([UInt8(ascii: ">")], in: bytes, from: end).map { $0 + 1 } ?? bytes.count
                        continue
                    }
                    let node = HTMLNode(.element(tag.name), attributes: tag.attributes, line: tagLine)
                    node.parent = open.last
                    open.last?.children.append(node)
                    // Nesting stops at a depth no page needs (browsers cap it too): deeper elements are
                    // kept as siblings, so no tree is deep enough to exhaust the stack when it is freed.
                    let structural = closedBy[tag.name] != nil || ["table", "ul", "ol", "dl", "a"].contains(tag.name)
                    if !voidElements.contains(tag.name), !tag.selfClosing, open.count < (structural ? 2 * maximumDepth : maximumDepth) {
                        open.append(node)
                    }
                    continue
                }
            }
            if text.isEmpty { textLine = line }
            // A run of text (or a '<' that opens no tag), decoded as UTF-8 at once.
            let start = index
            repeat {
                if bytes[index] == 10 { line += 1 }
                index += 1
            } while index < bytes.count && bytes[index] != UInt8(ascii: "<")
            text += String(decoding: bytes[start..<index], as: UTF8.self)
        }
        flushText()
        unclosed += open.dropFirst().filter { !endTagOptional.contains($0.name ?? "") }
        return (root, unclosed, stray)
    }

    private struct Tag {
        var name: String
        var attributes: [String: String]
        var isEnd: Bool
        var selfClosing: Bool
        var end: Int
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }

    /// A start or end tag from `<`, with its attributes (names in lower case, values decoded).
    private static func readTag(_ bytes: [UInt8], from start: Int) -> Tag? {
        var index = start + 1
        let isEnd = bytes[index] == UInt8(ascii: "/")
        if isEnd { index += 1 }
        let nameStart = index
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") { index += 1 }
        guard index > nameStart else { return nil }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
        var attributes: [String: String] = [:]
        var selfClosing = false
        while index < bytes.count {
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count else { break }
            if bytes[index] == UInt8(ascii: ">") { return Tag(name: name, attributes: attributes, isEnd: isEnd, selfClosing: selfClosing, end: index + 1) }
            if bytes[index] == UInt8(ascii: "/") {
                selfClosing = true
                index += 1
                continue
            }
            let attributeStart = index
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ">") { index += 1 }
            let attribute = String(decoding: bytes[attributeStart..<index], as: UTF8.self).lowercased()
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            var value = ""
            if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    let valueStart = index + 1
                    index = valueStart
                    while index < bytes.count, bytes[index] != quote { index += 1 }
                    value = String(decoding: bytes[valueStart..<min(index, bytes.count)], as: UTF8.self)
                    index += 1
                } else {
                    let valueStart = index
                    while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                }
            }
            if !attribute.isEmpty, attributes[attribute] == nil { attributes[attribute] = decodeReferences(value) }
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 12
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, start < bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], Array(bytes[index..<index + needle.count]) == needle { return index }
            index += 1
        }
        return nil
    }

    private static func findIgnoringCase(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        let lowered = needle.map(lower)
        var index = start
        while index + needle.count <= bytes.count {
            if lower(bytes[index]) == lowered[0] {
                var matches = true
                for offset in 1..<needle.count where lower(bytes[index + offset]) != lowered[offset] {
                    matches = false
                    break
                }
                if matches { return index }
            }
            index += 1
        }
        return nil
    }

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }

    /// `&amp;`, `&#8217;`, `&#x2019;` and the named references CMS pages use, decoded; an unknown one
    /// stays as written.
    static func decodeReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let after = rest[rest.index(after: ampersand)...]
            let candidate = after.prefix(12)
            if let semicolon = candidate.firstIndex(of: ";") {
                let reference = String(candidate[..<semicolon])
                if let decoded = decode(reference) {
                    result += decoded
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            result += "&"
            rest = after
        }
        return result + rest
    }

    private static func decode(_ reference: String) -> String? {
        if reference.hasPrefix("#x") || reference.hasPrefix("#X") {
            return UInt32(reference.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
        if reference.hasPrefix("#") {
            return UInt32(reference.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
        return namedReferences[reference]
    }

    static let namedReferences: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "copy": "©", "reg": "®", "trade": "™",
        "hellip": "…", "mdash": "—", "ndash": "–", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "pound": "£",
        "euro": "€", "middot": "·", "bull": "•", "times": "×", "shy": "\u{AD}", "zwsp": "\u{200B}", "ccedil": "ç",
        "acirc": "â", "ecirc": "ê", "icirc": "î", "ocirc": "ô", "ucirc": "û", "wcirc": "ŵ", "ycirc": "ŷ", "Acirc": "Â",
        "Ecirc": "Ê", "Icirc": "Î", "Ocirc": "Ô", "Ucirc": "Û", "Wcirc": "Ŵ", "Ycirc": "Ŷ", "aacute": "á", "eacute": "é",
        "iacute": "í", "oacute": "ó", "uacute": "ú", "agrave": "à", "egrave": "è", "auml": "ä", "euml": "ë", "iuml": "ï",
        "ouml": "ö", "uuml": "ü", "yuml": "ÿ",
    ]
}
