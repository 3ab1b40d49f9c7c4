/// Renders one kind of directive into HTML.
protocol DirectiveHandler: Sendable {
    /// The name written after the fence, e.g. `cookie-table`.
    var name: String { get }
    /// The arguments it takes, for messages and "did you mean".
    var argumentNames: [String] { get }
    /// Escaped HTML for the directive, or `nil` with errors logged.
    func render(_ directive: Directive, in context: RenderContext, log: inout DiagnosticLog) -> String?
    /// The ids of the registry services whose cookies the directive shows, for the completeness check.
    func servicesShown(by directive: Directive, in registry: CookieRegistry) -> [String]
    /// The parts of a statement or notice the directive shows (`accessibility-statement:contact`), so that
    /// a page that shows some of them can be checked for the rest.
    func partsShown(by directive: Directive) -> [String]
    /// The ids the directive's HTML gives elements, which links may point at (`cookies/#cookie-settings`).
    var anchors: [String] { get }
    /// Ids the directive's HTML would give its elements where the page has no element with that id
    /// already (a category's table takes the id of the category's section when no heading has it, so
    /// that the consent settings' "More about …" links land on it). The page decides which it gets
    /// (``Directive/givenAnchors``).
    func sectionAnchors(for directive: Directive, in registry: CookieRegistry) -> [String]
    /// Whether text between the fences means something (a table's rows); for the others, text there is
    /// a sign that the closing fence is missing.
    var takesBody: Bool { get }
}

extension DirectiveHandler {
    func servicesShown(by directive: Directive, in registry: CookieRegistry) -> [String] { [] }
    func partsShown(by directive: Directive) -> [String] { [] }
    var anchors: [String] { [] }
    func sectionAnchors(for directive: Directive, in registry: CookieRegistry) -> [String] { [] }
    var takesBody: Bool { false }
}

extension DirectiveHandler {
    /// Logs each argument this directive does not take.
    func rejectUnknownArguments(of directive: Directive, log: inout DiagnosticLog) -> Bool {
        var valid = true
        for (key, _) in directive.arguments where !argumentNames.contains(key) {
            var message = "the \(name) directive has no argument '\(key)'"
            message += Spelling.suggestion(for: key, in: argumentNames, otherwise: "; it takes \(argumentNames.map { "'\($0)'" }.joined(separator: ", "))")
            log.error(.pageDirectiveArgumentUnknown, message, at: directive.location)
            valid = false
        }
        return valid
    }
}

/// The directives Notice knows, by name.
struct DirectiveSet: Sendable {
    let handlers: [String: any DirectiveHandler]

    init(_ handlers: [any DirectiveHandler]) {
        self.handlers = Dictionary(uniqueKeysWithValues: handlers.map { ($0.name, $0) })
    }

    var names: [String] { handlers.keys.sorted() }

    /// Whether an info string's first word is a misspelling of a directive's name.
    ///
    /// Only a directive's name, or a near miss of one, makes a fence a directive: code blocks in other
    /// languages stay code, whatever follows the language (```python title="a.py"```, ```js linenums```).
    func isNearMiss(_ name: String) -> Bool {
        Spelling.nearest(to: name, in: names) != nil
    }
}
