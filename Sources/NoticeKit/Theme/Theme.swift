public import Foundation

/// A theme: Mustache templates (compiled once), assets copied to `output/assets/`, and the texts its templates show.
public struct Theme: Sendable {
    public var name: String
    let library: TemplateLibrary
    /// Template names (file names without `.mustache`).
    public var templateNames: Set<String>
    /// Each template's file as messages show it, by name.
    var templateFiles: [String: String] = [:]
    /// The templates the site's own themes/ folder gives (the only ones an unused-template warning is
    /// about: a built-in theme may leave some of the theme it extends unused).
    var siteTemplateNames: Set<String> = []
    /// Files copied into the output, by their path under `assets/`.
    public var assets: [String: URL]
    /// The theme's texts in its own language (`strings.yaml`, British English in the default theme).
    public var strings: Strings
    /// Its texts in other languages (`strings.cy.yaml`), by lower-cased language tag.
    public var languageStrings: [String: Strings]
    /// The consent script's source (minified where the theme has it) and stylesheet, from `consent/`.
    public var consentScript: URL?
    /// What the consent script fetches when it is needed: the settings form and the cookies to delete.
    public var consentSettingsScript: URL?
    public var consentStylesheet: URL?
    /// The settings form's stylesheet, fetched with the settings script.
    public var consentSettingsStylesheet: URL?

    /// The templates every theme must have.
    static let requiredTemplates = ["page", "cookie-table"]

    init(
        name: String, library: TemplateLibrary, templateNames: Set<String>, assets: [String: URL], strings: Strings,
        languageStrings: [String: Strings] = [:],
        consentScript: URL? = nil, consentSettingsScript: URL? = nil, consentStylesheet: URL? = nil,
        consentSettingsStylesheet: URL? = nil
    ) {
        self.name = name
        self.library = library
        self.templateNames = templateNames
        self.assets = assets
        self.strings = strings
        self.languageStrings = languageStrings
        self.consentScript = consentScript
        self.consentSettingsScript = consentSettingsScript
        self.consentStylesheet = consentStylesheet
        self.consentSettingsStylesheet = consentSettingsStylesheet
    }

    /// The texts for a language: the theme's own, with its file for the language (by the whole tag, else
    /// the primary one: `cy-GB` takes `strings.cy.yaml`) laid over them; nil when it has no such file.
    public func strings(for code: String) -> Strings? {
        ownStrings(for: code).map(strings.merging)
    }

    /// The theme's file for the language alone (`strings.cy.yaml` for `cy` or `cy-GB`), without the
    /// English laid under it; nil when it has none.
    public func ownStrings(for code: String) -> Strings? {
        let code = code.lowercased()
        let primary = code.split(separator: "-").first.map(String.init) ?? code
        return languageStrings[code] ?? languageStrings[primary]
    }

    /// Checks every tag in the templates the contract names, and the partials they include, against the
    /// names each gets; a template nothing renders is a warning.
    /// `pageTemplates` are the templates pages name in their front matter (`template:`), which get what
    /// `page` gets.
    func checkTemplates(against contract: ThemeContract, strings: Strings, pageTemplates: Set<String>, log: inout DiagnosticLog) {
        guard !contract.templates.isEmpty else { return }
        var check = TemplateNameCheck(library: library)
        let globals = contract.globals(strings)
        var entries = contract.templates
        if let page = contract.templates[ThemeContract.pageTemplate] {
            for name in pageTemplates where entries[name] == nil { entries[name] = page }
        }
        for (name, root) in entries.sorted(by: { $0.key < $1.key }) {
            check.check(name, root: root, globals: globals)
        }
        for problem in check.problems {
            log.error(
                .themeTemplateNameUnknown, problem.message,
                at: SourceLocation(path: templateFiles[problem.template] ?? problem.template, line: problem.line, column: problem.column))
        }
        let rendered = entries.keys.sorted().joined(separator: ", ")
        for name in siteTemplateNames.subtracting(check.reached).sorted() {
            log.warning(
                .themeTemplateUnused, "Notice never shows this template: it renders \(rendered) and the templates they include ({{> \(name)}}); include it from one of them, or remove it",
                at: SourceLocation(path: templateFiles[name] ?? name))
        }
    }

    /// Where `text` is first written in a template or a partial it includes, for a message about what the
    /// template renders; the template's first line when no source has it as written.
    func location(of text: String, in template: String) -> SourceLocation {
        var pending = [template]
        var seen: Set<String> = []
        while !pending.isEmpty {
            let name = pending.removeFirst()
            guard seen.insert(name).inserted, let source = library.source(of: name) else { continue }
            if !text.isEmpty, let found = source.range(of: text) {
                let before = source[..<found.lowerBound]
                let line = before.count { $0 == "\n" } + 1
                let column = before.distance(from: before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex, to: before.endIndex) + 1
                return SourceLocation(path: templateFiles[name] ?? name, line: line, column: column)
            }
            pending += library.template(name)?.partials.map(\.name) ?? []
        }
        return SourceLocation(path: templateFiles[template] ?? template, line: 1, column: 1)
    }

    /// Renders a template with `view`'s values, looking further in `globals` (what every template gets);
    /// every `{{value}}` is HTML-escaped, only `{{{value}}}` is written as it is.
    func render(_ template: String, _ view: some TemplateView, globals: TemplateValue) -> String? {
        library.render(template, [globals, .view(view)])
    }
}
