/// Codes of the whole build: completeness, consent settings, output files (docs/diagnostics.md).
extension DiagnosticCode {
    public static let buildStaticClash = DiagnosticCode.error("build.static.clash", "a static file with the same output path as a page or a file Notice writes")
    public static let buildSettingsLinkMissing = DiagnosticCode.error("build.settings-link.missing", "'settingsButton: false' without the site's own settings control on every page")
    public static let buildSettingsFormMissing = DiagnosticCode.warning("build.settings-form.missing", "a cookie policy without a settings form")
    public static let buildCategorySectionMissing = DiagnosticCode.warning("build.category-section.missing", "a category with no section of its title on the cookie policy")
    public static let buildServiceUnpublished = DiagnosticCode.warning("build.service.unpublished", "a registry service in no cookie table on any page")
    public static let outputDeclarationFailed = DiagnosticCode.error("output.declaration.failed", "cookies.json that could not be written")
    public static let consentCategorySummaryMissing = DiagnosticCode.warning("consent.category.summary-missing", "a category the banner cannot describe (no summary or description)")
    public static let consentSettingsUnencodable = DiagnosticCode.error("consent.settings.unencodable", "the consent settings that could not be encoded")

    public static let buildCodes: [DiagnosticCode] = [
        buildStaticClash, buildSettingsLinkMissing, buildSettingsFormMissing, buildCategorySectionMissing,
        buildServiceUnpublished, outputDeclarationFailed, consentCategorySummaryMissing, consentSettingsUnencodable,
    ]
}
