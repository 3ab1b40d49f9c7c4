extension DirectiveSet {
    /// The directives every site has: cookie tables, the consent settings form, videos and tables.
    static let standard = DirectiveSet([CookieTableDirective(), ConsentSettingsDirective(), VideoDirective(), TableDirective()])
}
