/// What the pipeline asks of a theme, known above this layer (`SiteBuilder.themeContract`): the texts its
/// code shows, and each template it renders with the names that template gets. The site loader checks a
/// theme against it, so a misspelt name in a template is an error at its line, not an empty heading.
public struct ThemeContract: Sendable {
    /// Keys the code looks up in the theme's texts.
    public var requiredTexts: [String]
    /// The templates the pipeline renders by name, with what each gets besides the globals.
    public var templates: [String: TemplateSchema]
    /// What every template gets (`strings`, `site`, `layout`), given the texts' keys.
    public var globals: @Sendable (Strings) -> TemplateSchema

    public init(
        requiredTexts: [String], templates: [String: TemplateSchema],
        globals: @escaping @Sendable (Strings) -> TemplateSchema
    ) {
        self.requiredTexts = requiredTexts
        self.templates = templates
        self.globals = globals
    }

    /// The template pages are rendered with, unless their front matter names another (which then gets
    /// the same names).
    public static let pageTemplate = "page"

    /// No texts and no templates asked for: for reading a site's registry alone.
    public static let none = ThemeContract(requiredTexts: [], templates: [:]) { _ in TemplateSchema([:]) }
}

/// Checks every tag of every template the pipeline renders (and every partial they include, in the place
/// it is included) against the names the views give, the way rendering looks them up.
struct TemplateNameCheck {
    struct Problem {
        let template: String
        let line: Int
        let column: Int
        let message: String
    }

    let library: TemplateLibrary
    private(set) var problems: [Problem] = []
    /// Templates reached from one the pipeline renders.
    private(set) var reached: Set<String> = []
    private var reported: Set<String> = []

    init(library: TemplateLibrary) {
        self.library = library
    }

    mutating func check(_ name: String, root: TemplateSchema, globals: TemplateSchema) {
        guard let template = library.template(name) else { return }
        reached.insert(name)
        check(template.nodes, in: name, stack: [.view(globals), .view(root)], including: [name])
    }

    private mutating func check(_ nodes: [TemplateNode], in template: String, stack: [TemplateKind], including: [String]) {
        for node in nodes {
            switch node {
            case .text:
                break
            case .value(let name, _):
                guard let kind = resolve(name, in: template, stack: stack) else { continue }
                switch kind {
                case .list, .view:
                    report(template, name, "'{{\(name.description)}}' is \(kind.description), which shows nothing between {{ }}; go through it with {{#\(name.description)}}…{{/\(name.description)}}")
                case .text, .flag:
                    break
                }
            case .section(let name, let inverted, let children):
                let kind = resolve(name, in: template, stack: stack)
                // An unknown name's children are still checked, against what is around it.
                var inner = stack
                if !inverted, let kind {
                    switch kind {
                    case .list(let item): inner.append(item)
                    case .view, .text: inner.append(kind)
                    case .flag: break
                    }
                }
                check(children, in: template, stack: inner, including: including)
            case .partial(let partial, _, _, _):
                guard !including.contains(partial), let included = library.template(partial) else { continue }
                reached.insert(partial)
                check(included.nodes, in: partial, stack: stack, including: including + [partial])
            }
        }
    }

    /// The kind of value a name gives where it stands, or nil (reported) when no view there has it.
    private mutating func resolve(_ name: TemplateName, in template: String, stack: [TemplateKind]) -> TemplateKind? {
        guard let first = name.parts.first else { return stack.last }
        var found: TemplateKind?
        for case .view(let schema) in stack.reversed() {
            if let kind = schema.names[first] {
                found = kind
                break
            }
        }
        guard var kind = found else {
            report(template, name, "'{{\(name.description)}}' is not a value this template gets" + suggestion(forFirst: first, in: stack))
            return nil
        }
        var path = first
        for part in name.parts.dropFirst() {
            guard case .view(let schema) = kind else {
                report(template, name, "'{{\(name.description)}}': '\(path)' is \(kind.description), so it has no '\(part)'; write '{{\(path)}}' alone")
                return nil
            }
            guard let child = schema.names[part] else {
                let nearest = Spelling.nearest(to: part, in: schema.names.keys)
                report(
                    template, name,
                    "'{{\(name.description)}}': '\(path)' has no value '\(part)'"
                        + Spelling.suggestion(nearest.map { "\(path).\($0)" }, otherwise: "; its values are \(Self.list(schema))"))
                return nil
            }
            kind = child
            path += "." + part
        }
        return kind
    }

    /// "did you mean" for a first name: a near one in the views around it, else where the name is
    /// given: inside a list's section (`{{href}}` is each navigation link's) or one level in (`{{title}}`
    /// where `page.title` is meant).
    private func suggestion(forFirst first: String, in stack: [TemplateKind]) -> String {
        var names: [String] = []
        var lists: [String] = []
        var nested: [String] = []
        for case .view(let schema) in stack {
            names += schema.names.keys
            for (outer, kind) in schema.names {
                switch kind {
                case .list(.view(let item)) where item.names[first] != nil: lists.append(outer)
                case .view(let inner) where inner.names[first] != nil: nested.append("\(outer).\(first)")
                default: break
                }
            }
        }
        if let nearest = Spelling.nearest(to: first, in: names) { return Spelling.suggestion(nearest) }
        // The shortest outer name is the likeliest (`page.title` before `defaultLanguage.title`).
        let candidates = lists.map { (outer: $0, isList: true) } + nested.map { (outer: String($0.dropLast(first.count + 1)), isList: false) }
        guard let best = candidates.min(by: { ($0.outer.count, $0.outer) < ($1.outer.count, $1.outer) }) else {
            return "; docs/themes.md lists what each template gets"
        }
        if best.isList { return "; each of '\(best.outer)' has it: use it inside {{#\(best.outer)}}…{{/\(best.outer)}}" }
        return Spelling.suggestion("\(best.outer).\(first)")
    }

    private static func list(_ schema: TemplateSchema) -> String {
        let names = schema.names.keys.sorted()
        return names.prefix(8).map { "'\($0)'" }.joined(separator: ", ") + (names.count > 8 ? ", …" : "")
    }

    /// One problem per tag: a partial included twice is reported once.
    private mutating func report(_ template: String, _ name: TemplateName, _ message: String) {
        guard reported.insert("\(template):\(name.line):\(name.column)").inserted else { return }
        problems.append(Problem(template: template, line: name.line, column: name.column, message: message))
    }
}
