public import Foundation

/// A theme: Mustache templates (compiled once), assets copied to `output/assets/`, and the texts its templates show.
public struct Theme: Sendable {
    public var name: String
    let library: TemplateLibrary
    /// Template names (file names without `.mustache`).
    public var templateNames: Set<String>
    /// Files copied into the output, by their path under `assets/`.
    public var assets: [String: URL]
    public var strings: Strings
    /// The consent script's source (minified where the theme has it) and stylesheet, from `consent/`.
    public var consentScript: URL?
    /// What the consent script fetches when it is needed: the settings form and the cookies to delete.
    public var consentSettingsScript: URL?
    public var consentStylesheet: URL?
    /// The settings form's stylesheet, fetched with the settings script.
    public var consentSettingsStylesheet: URL?

    /// The templates every theme must have.
    static let requiredTemplates = ["page", "cookie-table"]

    init(name: String, library: TemplateLibrary, templateNames: Set<String>, assets: [String: URL], strings: Strings,
         consentScript: URL? = nil, consentSettingsScript: URL? = nil, consentStylesheet: URL? = nil,
         consentSettingsStylesheet: URL? = nil) {
        self.name = name
        self.library = library
        self.templateNames = templateNames
        self.assets = assets
        self.strings = strings
        self.consentScript = consentScript
        self.consentSettingsScript = consentSettingsScript
        self.consentStylesheet = consentStylesheet
        self.consentSettingsStylesheet = consentSettingsStylesheet
    }

    /// Renders a template with `view`'s values, looking further in `globals` (what every template gets);
    /// every `{{value}}` is HTML-escaped, only `{{{value}}}` is written as it is.
    func render(_ template: String, _ view: some TemplateView, globals: TemplateValue) -> String? {
        library.render(template, [globals, .view(view)])
    }
}
