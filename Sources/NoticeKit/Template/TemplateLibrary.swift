/// A theme's compiled templates by name, which include each other as partials.
public struct TemplateLibrary: Sendable {
    /// The templates, and the indented copies of partials that stand on an indented line of their own
    /// (keyed by name and indentation), as the Mustache specification indents each line of them.
    private var templates: [String: Template] = [:]
    private var sources: [String: String] = [:]
    /// How deep partials may include partials: a template that includes itself stops here.
    static let maximumDepth = 64

    public init() {}

    public var names: Set<String> { Set(sources.keys) }

    /// Compiles and adds a template, or throws its first mistake.
    public mutating func add(_ source: String, named name: String) throws(TemplateSyntaxError) {
        templates[name] = try Template(source)
        sources[name] = source
    }

    /// The partials that templates include but the library lacks, with where: call after adding them all.
    /// Prepares the indented copies of partials too.
    public mutating func missingPartials() -> [(template: String, partial: String, line: Int, column: Int)] {
        var missing: [(String, String, Int, Int)] = []
        for name in sources.keys.sorted() {
            for partial in templates[name]?.partials ?? [] where sources[partial.name] == nil {
                missing.append((name, partial.name, partial.line, partial.column))
            }
        }
        // Indented copies, including those that indented copies need, up to a limit for partials that
        // include themselves at growing indentation.
        var pending = templates.values.flatMap(\.partials).filter { !$0.indentation.isEmpty }
        while let partial = pending.popLast(), templates.count < 1_000 {
            let key = Self.key(partial.name, partial.indentation)
            guard templates[key] == nil, let source = sources[partial.name],
                let indented = try? Template(Self.indent(source, by: partial.indentation))
            else { continue }
            templates[key] = indented
            pending += indented.partials.filter { !$0.indentation.isEmpty }
        }
        return missing
    }

    /// The template `name` rendered with `values` (the innermost last), or nil when there is no such
    /// template or partials include each other too deeply.
    public func render(_ name: String, _ values: [TemplateValue]) -> String? {
        guard let template = templates[name] else { return nil }
        var renderer = TemplateRenderer(library: self, stack: values)
        renderer.render(template.nodes)
        return renderer.failed ? nil : renderer.output
    }

    /// Whether any template uses a name whose first part is `first` (`wrapper` for `{{{wrapper.header}}}`).
    func usesName(startingWith first: String) -> Bool {
        func uses(_ nodes: [TemplateNode]) -> Bool {
            nodes.contains { node in
                switch node {
                case .value(let name, _): name.parts.first == first
                case .section(let name, _, let children): name.parts.first == first || uses(children)
                case .text, .partial: false
                }
            }
        }
        return sources.keys.contains { templates[$0].map { uses($0.nodes) } ?? false }
    }

    /// A template's source, as written.
    func source(of name: String) -> String? {
        sources[name]
    }

    /// A template by name, as written (not an indented copy).
    func template(_ name: String) -> Template? {
        sources[name] == nil ? nil : templates[name]
    }

    func partial(_ name: String, indentation: String) -> Template? {
        indentation.isEmpty ? templates[name] : templates[Self.key(name, indentation)] ?? templates[name]
    }

    private static func key(_ name: String, _ indentation: String) -> String {
        name + "\u{0}" + indentation
    }

    /// Each line of `source` indented, but not the end after a final newline.
    static func indent(_ source: String, by indentation: String) -> String {
        var result = indentation
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let endsWithNewline = lines.last == ""
        if endsWithNewline { lines.removeLast() }
        result += lines.joined(separator: "\n" + indentation)
        if endsWithNewline { result += "\n" }
        return result
    }
}

/// Renders compiled nodes against a stack of values, appending to one string.
struct TemplateRenderer {
    let library: TemplateLibrary
    var stack: [TemplateValue]
    var output = ""
    var depth = 0
    var failed = false

    init(library: TemplateLibrary, stack: [TemplateValue]) {
        self.library = library
        self.stack = stack
        output.reserveCapacity(16_384)
    }

    mutating func render(_ nodes: [TemplateNode]) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .value(let name, let escaped):
                switch lookUp(name) {
                case .text(let text)?: escaped ? HTMLText.append(text, to: &output) : (output += text)
                case .flag(let flag)?: output += flag ? "true" : "false"
                case .list?, .view?, nil: break
                }
            case .section(let name, let inverted, let children):
                let value = lookUp(name)
                if inverted {
                    if value?.isTruthy != true { render(children) }
                    continue
                }
                switch value {
                case .flag(true)?: render(children)
                case .list(let items)?:
                    for item in items { renderPushing(item, children) }
                case .text?, .view?: renderPushing(value!, children)
                case .flag(false)?, nil: break
                }
            case .partial(let name, let indentation, _, _):
                guard let template = library.partial(name, indentation: indentation) else { continue }
                guard depth < TemplateLibrary.maximumDepth else {
                    failed = true
                    return
                }
                depth += 1
                render(template.nodes)
                depth -= 1
            }
            if failed { return }
        }
    }

    private mutating func renderPushing(_ value: TemplateValue, _ nodes: [TemplateNode]) {
        stack.append(value)
        render(nodes)
        stack.removeLast()
    }

    /// The value for a name: its first part from the innermost view that has it, the rest inside that.
    func lookUp(_ name: TemplateName) -> TemplateValue? {
        guard let first = name.parts.first else { return stack.last }
        var found: TemplateValue?
        for value in stack.reversed() {
            if case .view(let view) = value, let child = view.value(named: first) {
                found = child
                break
            }
        }
        guard var value = found else { return nil }
        for part in name.parts.dropFirst() {
            guard case .view(let view) = value, let child = view.value(named: part) else { return nil }
            value = child
        }
        return value
    }
}
