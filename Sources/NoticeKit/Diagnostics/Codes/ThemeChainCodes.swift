/// Codes of a theme's chain: the theme a site names and the themes it extends (docs/themes.md).
extension DiagnosticCode {
    public static let themeNameUnknown = DiagnosticCode.error("theme.name.unknown", "a theme that does not exist")
    public static let themeExtendsUnknown = DiagnosticCode.error("theme.extends.unknown", "a theme extends one that does not exist")
    public static let themeExtendsCycle = DiagnosticCode.error("theme.extends.cycle", "themes that extend each other in a circle")
    public static let themeSettingsUnreadable = DiagnosticCode.error("theme.settings.unreadable", "a theme.yaml that cannot be read")

    public static let themeChainCodes: [DiagnosticCode] = [themeNameUnknown, themeExtendsUnknown, themeExtendsCycle, themeSettingsUnreadable]
}
