/// A value a theme template can show (`{{name}}`), test or repeat (`{{#name}}…{{/name}}`).
///
/// Templates get typed views (``TemplateView``) rather than dictionaries of `Any`: a name is looked up by a
/// `switch` in the view that has it, and rendering never casts.
public enum TemplateValue: Sendable {
    /// Text, HTML-escaped by `{{name}}` and written as it is by `{{{name}}}`. A section shows once for it.
    case text(String)
    /// A section shows for `true`; `{{^name}}` for `false`.
    case flag(Bool)
    /// A section repeats for each item; `{{^name}}` shows for an empty list.
    case list([TemplateValue])
    /// Named values: a section shows once, looking names up in the view first.
    case view(any TemplateView)

    /// A list of views.
    public static func list(_ views: [some TemplateView]) -> TemplateValue {
        .list(views.map { .view($0) })
    }

    /// Whether a section `{{#name}}` shows for this value (an inverted section shows when it does not).
    var isTruthy: Bool {
        switch self {
        case .flag(let flag): return flag
        case .list(let items): return !items.isEmpty
        case .text, .view: return true
        }
    }
}

/// Values a template looks up by name: what one template, or one item of a list, is given.
///
/// Each view is a small struct listing its values in `value(named:)`; docs/themes.md lists them for theme
/// authors. `nil` means the view has no such value, and the template looks in the views around it.
public protocol TemplateView: Sendable {
    func value(named name: String) -> TemplateValue?
}

/// Values by name from a dictionary, for values whose names are data: the theme's texts, say.
public struct TemplateDictionary: TemplateView {
    public var values: [String: TemplateValue]

    public init(_ values: [String: TemplateValue] = [:]) {
        self.values = values
    }

    public func value(named name: String) -> TemplateValue? {
        values[name]
    }
}
