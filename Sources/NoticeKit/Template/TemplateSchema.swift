/// What kind of value a name gives a template, so that templates are checked against the views they
/// will get before anything renders: a name no view offers is a mistake at its line, not an empty heading.
public indirect enum TemplateKind: Sendable {
    /// Text (or nothing, for an optional value).
    case text
    case flag
    /// A list whose items are of this kind.
    case list(TemplateKind)
    case view(TemplateSchema)

    /// How a theme author would call it, for messages.
    var description: String {
        switch self {
        case .text: "text"
        case .flag: "a true-or-false value"
        case .list: "a list"
        case .view: "a group of values"
        }
    }
}

/// The names a view offers and what each gives: the view's side of the template contract.
public struct TemplateSchema: Sendable {
    public var names: [String: TemplateKind]

    public init(_ names: [String: TemplateKind]) {
        self.names = names
    }
}

/// One name a typed view offers: its kind, for checking templates, and how to get its value.
public struct TemplateField<View>: Sendable {
    let name: String
    let kind: TemplateKind
    let get: @Sendable (View) -> TemplateValue?

    public static func text(_ name: String, _ get: @escaping @Sendable (View) -> String?) -> Self {
        Self(name: name, kind: .text) { view in get(view).map { .text($0) } }
    }

    /// Text, or `false` when there is none, so that `{{#name}}` and `{{^name}}` test it.
    public static func textOrFalse(_ name: String, _ get: @escaping @Sendable (View) -> String?) -> Self {
        Self(name: name, kind: .text) { view in get(view).map { .text($0) } ?? .flag(false) }
    }

    public static func flag(_ name: String, _ get: @escaping @Sendable (View) -> Bool) -> Self {
        Self(name: name, kind: .flag) { view in .flag(get(view)) }
    }

    public static func list(_ name: String, texts get: @escaping @Sendable (View) -> [String]) -> Self {
        Self(name: name, kind: .list(.text)) { view in .list(get(view).map { .text($0) }) }
    }

    public static func list<Item: TypedTemplateView>(_ name: String, _ get: @escaping @Sendable (View) -> [Item]) -> Self {
        Self(name: name, kind: .list(.view(Item.schema))) { view in .list(get(view)) }
    }

    /// A group of values; nil gives nothing, so `{{#name}}` hides.
    public static func view<Item: TypedTemplateView>(_ name: String, _ get: @escaping @Sendable (View) -> Item?) -> Self {
        Self(name: name, kind: .view(Item.schema)) { view in get(view).map { .view($0) } }
    }

    /// A group of values, or `false` when there is none.
    public static func viewOrFalse<Item: TypedTemplateView>(_ name: String, _ get: @escaping @Sendable (View) -> Item?) -> Self {
        Self(name: name, kind: .view(Item.schema)) { view in get(view).map { .view($0) } ?? .flag(false) }
    }
}

/// A view's names in one table: what `value(named:)` looks up and what templates are checked against,
/// so the two cannot disagree.
public struct TemplateFields<View>: Sendable {
    private let getters: [String: @Sendable (View) -> TemplateValue?]
    public let schema: TemplateSchema

    public init(_ fields: [TemplateField<View>]) {
        var getters: [String: @Sendable (View) -> TemplateValue?] = [:]
        var names: [String: TemplateKind] = [:]
        for field in fields {
            precondition(getters[field.name] == nil, "two template fields are called '\(field.name)'")
            getters[field.name] = field.get
            names[field.name] = field.kind
        }
        self.getters = getters
        schema = TemplateSchema(names)
    }

    func value(of view: View, named name: String) -> TemplateValue? {
        getters[name]?(view)
    }
}

/// A view whose names are fixed and listed in one table (`static let fields`): every view the pipeline
/// gives a template is one, so that the theme loader can check each tag against it.
public protocol TypedTemplateView: TemplateView {
    static var fields: TemplateFields<Self> { get }
}

extension TypedTemplateView {
    public func value(named name: String) -> TemplateValue? {
        Self.fields.value(of: self, named: name)
    }

    public static var schema: TemplateSchema { fields.schema }
}
