extension DirectiveSet {
    /// The directives every site has: cookie tables, the consent settings form, videos, tables and the
    /// accessibility statement's parts.
    static let standard = DirectiveSet([
        CookieTableDirective(), ConsentSettingsDirective(), VideoDirective(), TableDirective(), AccessibilityStatementDirective(),
        ProcessingTableDirective(), PrivacyRightsDirective(), PrivacyContactDirective(), PolicyChangesDirective(),
    ])
}
