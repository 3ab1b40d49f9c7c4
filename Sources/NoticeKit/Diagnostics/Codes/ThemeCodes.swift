/// Codes of themes: templates, texts and consent files (docs/diagnostics.md).
extension DiagnosticCode {
    public static let themeStylesheetUnreadable = DiagnosticCode.error("theme.stylesheet.unreadable", "a theme stylesheet that cannot be read")
    public static let themeConsentFilesMissing = DiagnosticCode.error("theme.consent-files.missing", "a theme without the consent files on a site with optional categories")
    public static let themeConsentStylesheetUnreadable = DiagnosticCode.error("theme.consent-stylesheet.unreadable", "a consent stylesheet that cannot be read")
    public static let themeConsentSettingsIncomplete = DiagnosticCode.error("theme.consent-settings.incomplete", "a theme with only one of the consent settings files")
    public static let themeConsentScriptUnreadable = DiagnosticCode.error("theme.consent-script.unreadable", "a consent script that cannot be read")
    public static let themeConsentScriptPlaceholder = DiagnosticCode.error("theme.consent-script.placeholder", "a consent script without its settings placeholder exactly once")
    public static let themeTemplateRecursive = DiagnosticCode.error("theme.template.recursive", "partials that include each other too deeply")
    public static let themeTemplateMissing = DiagnosticCode.error("theme.template.missing", "a template a directive needs that the theme lacks")
    public static let themeStringsKeyInvalid = DiagnosticCode.error("theme.strings.key-invalid", "a text name that is not one word")
    public static let themeStringsValueInvalid = DiagnosticCode.error("theme.strings.value-invalid", "a text that is not a single text or a list of texts")
    public static let themeTemplateNameUnknown = DiagnosticCode.error("theme.template.name-unknown", "a template name no view gives")
    public static let themeTemplateUnused = DiagnosticCode.warning("theme.template.unused", "a site template nothing renders or includes")
    public static let themeFileUnreadable = DiagnosticCode.error("theme.file.unreadable", "a theme file that cannot be read as UTF-8")
    public static let themeTemplateSyntax = DiagnosticCode.error("theme.template.syntax", "a Mustache mistake in a template")
    public static let themeTemplatePartialMissing = DiagnosticCode.error("theme.template.partial-missing", "a partial the theme does not have")
    public static let themeTemplateRequiredMissing = DiagnosticCode.error("theme.template.required-missing", "a template every theme must have")
    public static let themeConsentTemplateMissing = DiagnosticCode.error("theme.consent-template.missing", "a consent template the theme lacks, on a site with optional categories")
    public static let themeConsentTemplateStructure = DiagnosticCode.error("theme.consent-template.structure", "a consent template that is not one whole element of the kind the script needs")
    public static let themeConsentTemplateAction = DiagnosticCode.error("theme.consent-template.action", "a consent template without an action the script needs, or with one it does not know")
    public static let themeConsentTemplateCondition = DiagnosticCode.error("theme.consent-template.condition", "a consent template without a part the script chooses, or with a condition it does not know")
    public static let themeConsentTemplateScript = DiagnosticCode.error("theme.consent-template.script", "script in a consent template")
    public static let themeConsentTemplateStyle = DiagnosticCode.warning("theme.consent-template.style", "an inline style in a consent template, which the pages' Content-Security-Policy blocks")
    public static let themeConsentTemplateAddress = DiagnosticCode.error("theme.consent-template.address", "an address in a consent template that the URL policy refuses")

    public static let themeCodes: [DiagnosticCode] = [
        themeStylesheetUnreadable, themeConsentFilesMissing, themeConsentStylesheetUnreadable, themeConsentSettingsIncomplete,
        themeConsentScriptUnreadable, themeConsentScriptPlaceholder, themeTemplateRecursive, themeTemplateMissing,
        themeStringsKeyInvalid, themeStringsValueInvalid, themeTemplateNameUnknown, themeTemplateUnused, themeFileUnreadable,
        themeTemplateSyntax, themeTemplatePartialMissing, themeTemplateRequiredMissing, themeConsentTemplateMissing,
        themeConsentTemplateStructure, themeConsentTemplateAction, themeConsentTemplateCondition, themeConsentTemplateScript,
        themeConsentTemplateStyle, themeConsentTemplateAddress,
    ]
}
