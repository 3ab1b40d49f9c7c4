/// A Mustache template compiled once: text, values, sections and partials, ready to render many times.
public struct Template: Sendable {
    let nodes: [TemplateNode]

    /// Compiles `source`, or throws the first mistake with its line and column.
    public init(_ source: String) throws(TemplateSyntaxError) {
        var parser = TemplateParser(source)
        nodes = try parser.parse()
    }

    /// Every partial the template includes (`{{> name}}`), with where, for checking that the theme has them.
    var partials: [(name: String, indentation: String, line: Int, column: Int)] {
        var found: [(String, String, Int, Int)] = []
        func collect(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .section(_, _, let children): collect(children)
                case .partial(let name, let indentation, let line, let column): found.append((name, indentation, line, column))
                case .text, .value: break
                }
            }
        }
        collect(nodes)
        return found
    }
}

/// One piece of a compiled template.
indirect enum TemplateNode: Sendable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (as it is).
    case value(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplateName, inverted: Bool, [TemplateNode])
    /// `{{> name}}`; a partial on a line of its own is indented as the tag is.
    case partial(String, indentation: String, line: Int, column: Int)
}

/// A name in a tag: `title`, the dotted `page.title`, or `.` for the current item, and where its tag is.
struct TemplateName: Sendable, Equatable {
    /// Empty for `.`.
    let parts: [String]
    var line = 0
    var column = 0

    var description: String { parts.isEmpty ? "." : parts.joined(separator: ".") }

    static func == (lhs: TemplateName, rhs: TemplateName) -> Bool { lhs.parts == rhs.parts }
}
