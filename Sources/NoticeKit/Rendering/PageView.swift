/// What the `page` template (and its partials) gets besides ``TemplateGlobals``: the page, the ways to
/// other pages, and the assets to link. docs/themes.md lists every value for theme authors.
struct PageView: TypedTemplateView {
    let page: Page
    /// The way from this page to the site root: `../` on `cookies/`, empty on the home page.
    let root: String
    let homeHref: String
    let navigation: [NavigationItem]
    /// The site's privacy notice and accessibility statement (pages named `privacy` and `accessibility`),
    /// for the footer, where visitors look for them.
    let footerLinks: [NavigationItem]
    let stylesheets: [Asset]
    /// Empty without `policyPage`.
    let policyHref: String
    let settingsHref: String
    /// Nil when the theme has no consent script.
    let consent: Consent?
    /// The page in each language that has it (this one included); empty on a site in one language.
    let languages: [LanguageVersion]
    /// The organisation's own header, footer and stylesheets (`wrapper:` in site.yaml).
    var wrapper = Wrapper()

    static let fields = TemplateFields<Self>([
        .view("page") { $0.page },
        .text("root") { $0.root },
        .text("homeHref") { $0.homeHref },
        .list("navigation") { $0.navigation },
        .flag("hasNavigation") { !$0.navigation.isEmpty },
        .list("footerLinks") { $0.footerLinks },
        .flag("hasFooterLinks") { !$0.footerLinks.isEmpty },
        .list("stylesheets") { $0.stylesheets },
        .text("policyHref") { $0.policyHref },
        .text("settingsHref") { $0.settingsHref },
        .viewOrFalse("consent") { $0.consent },
        .list("languages") { $0.languages },
        .list("otherLanguages") { $0.languages.filter { !$0.isCurrent } },
        .flag("hasOtherLanguages") { $0.languages.contains { !$0.isCurrent } },
        .view("defaultLanguage") { $0.languages.first { $0.isDefault } },
        .view("wrapper") { $0.wrapper },
    ])

    /// `wrapper`: the site's own header and footer as its files give them (checked when the site
    /// loads), for `{{{wrapper.header}}}`, and its stylesheets' addresses.
    struct Wrapper: TypedTemplateView {
        var header: String?
        var footer: String?
        var stylesheets: [Asset] = []

        static let fields = TemplateFields<Self>([
            .text("header") { $0.header },
            .text("footer") { $0.footer },
            .list("stylesheets") { $0.stylesheets },
            .flag("hasStylesheets") { !$0.stylesheets.isEmpty },
        ])
    }

    /// `page`: the page itself.
    struct Page: TypedTemplateView {
        let title: String
        let description: String?
        /// Relative to the site root: `cookies/`, empty for the home page.
        let url: String
        /// The page's content as escaped HTML, for `{{{page.content}}}`.
        let content: String
        let isHome: Bool
        let updated: Updated?
        let canonicalURL: String?
        /// The `##` sections, for the list of sections.
        let contents: [Section]
        let hasContents: Bool

        static let fields = TemplateFields<Self>([
            .text("title") { $0.title },
            .text("description") { $0.description },
            .text("url") { $0.url },
            .text("content") { $0.content },
            .flag("isHome") { $0.isHome },
            .view("updated") { $0.updated },
            .text("canonicalURL") { $0.canonicalURL },
            .list("contents") { $0.contents },
            .flag("hasContents") { $0.hasContents },
        ])
    }

    /// `page.updated`: the date as `2025-01-07` and as the theme's date format shows it.
    struct Updated: TypedTemplateView {
        let iso: String
        let text: String

        static let fields = TemplateFields<Self>([
            .text("iso") { $0.iso },
            .text("text") { $0.text },
        ])
    }

    /// One of `page.contents`: a `##` heading's id and text.
    struct Section: TypedTemplateView {
        let id: String
        let text: String

        static let fields = TemplateFields<Self>([
            .text("id") { $0.id },
            .text("text") { $0.text },
        ])
    }

    /// One of `navigation`.
    struct NavigationItem: TypedTemplateView {
        let title: String
        let href: String
        /// True on the page the link leads to.
        let current: Bool

        static let fields = TemplateFields<Self>([
            .text("title") { $0.title },
            .text("href") { $0.href },
            .flag("current") { $0.current },
        ])
    }

    /// One of `stylesheets`: an address and its integrity value (false in `--no-integrity` builds).
    struct Asset: TypedTemplateView {
        let href: String
        let integrity: String?

        static let fields = TemplateFields<Self>([
            .text("href") { $0.href },
            .textOrFalse("integrity") { $0.integrity },
        ])
    }

    /// One of `languages`: the page in one language.
    struct LanguageVersion: TypedTemplateView {
        /// The language tag, for `hreflang` and `lang`.
        let code: String
        /// The language's name in itself: Cymraeg.
        let name: String
        /// The page's title in that language.
        let title: String
        /// From this page: relative within one published folder, a full address to another.
        let href: String
        /// A full address when the site has one (for `<link rel="alternate">`), else `href`.
        let absoluteHref: String
        let isCurrent: Bool
        let isDefault: Bool

        static let fields = TemplateFields<Self>([
            .text("code") { $0.code },
            .text("name") { $0.name },
            .text("title") { $0.title },
            .text("href") { $0.href },
            .text("absoluteHref") { $0.absoluteHref },
            .flag("current") { $0.isCurrent },
            .flag("isDefault") { $0.isDefault },
        ])
    }

    /// `consent`: the consent script and stylesheet to load.
    struct Consent: TypedTemplateView {
        let script: String
        let scriptIntegrity: String?
        let stylesheet: String?
        let stylesheetIntegrity: String?

        static let fields = TemplateFields<Self>([
            .text("script") { $0.script },
            .textOrFalse("scriptIntegrity") { $0.scriptIntegrity },
            .text("stylesheet") { $0.stylesheet },
            .init(name: "stylesheetIntegrity", kind: .text) { consent in
                consent.stylesheet == nil ? nil : consent.stylesheetIntegrity.map { .text($0) } ?? .flag(false)
            },
        ])
    }
}
