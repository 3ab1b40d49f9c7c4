/// What the `page` template (and its partials) gets besides ``TemplateGlobals``: the page, the ways to
/// other pages, and the assets to link. docs/themes.md lists every value for theme authors.
struct PageView: TemplateView {
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

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "page": .view(page)
        case "root": .text(root)
        case "homeHref": .text(homeHref)
        case "navigation": .list(navigation)
        case "hasNavigation": .flag(!navigation.isEmpty)
        case "footerLinks": .list(footerLinks)
        case "hasFooterLinks": .flag(!footerLinks.isEmpty)
        case "stylesheets": .list(stylesheets)
        case "policyHref": .text(policyHref)
        case "settingsHref": .text(settingsHref)
        case "consent": consent.map { .view($0) } ?? .flag(false)
        case "languages": .list(languages)
        case "otherLanguages": .list(languages.filter { !$0.isCurrent })
        case "hasOtherLanguages": .flag(languages.contains { !$0.isCurrent })
        case "defaultLanguage": languages.first { $0.isDefault }.map { .view($0) }
        default: nil
        }
    }

    /// `page`: the page itself.
    struct Page: TemplateView {
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

        func value(named name: String) -> TemplateValue? {
            switch name {
            case "title": .text(title)
            case "description": description.map { .text($0) }
            case "url": .text(url)
            case "content": .text(content)
            case "isHome": .flag(isHome)
            case "updated": updated.map { .view($0) }
            case "canonicalURL": canonicalURL.map { .text($0) }
            case "contents": .list(contents)
            case "hasContents": .flag(hasContents)
            default: nil
            }
        }
    }

    /// `page.updated`: the date as `2025-01-07` and as the theme's date format shows it.
    struct Updated: TemplateView {
        let iso: String
        let text: String

        func value(named name: String) -> TemplateValue? {
            switch name {
            case "iso": .text(iso)
            case "text": .text(text)
            default: nil
            }
        }
    }

    /// One of `page.contents`: a `##` heading's id and text.
    struct Section: TemplateView {
        let id: String
        let text: String

        func value(named name: String) -> TemplateValue? {
            switch name {
            case "id": .text(id)
            case "text": .text(text)
            default: nil
            }
        }
    }

    /// One of `navigation`.
    struct NavigationItem: TemplateView {
        let title: String
        let href: String
        /// True on the page the link leads to.
        let current: Bool

        func value(named name: String) -> TemplateValue? {
            switch name {
            case "title": .text(title)
            case "href": .text(href)
            case "current": .flag(current)
            default: nil
            }
        }
    }

    /// One of `stylesheets`: an address and its integrity value (false in `--no-integrity` builds).
    struct Asset: TemplateView {
        let href: String
        let integrity: String?

        func value(named name: String) -> TemplateValue? {
            switch name {
            case "href": .text(href)
            case "integrity": integrity.map { .text($0) } ?? .flag(false)
            default: nil
            }
        }
    }

    /// One of `languages`: the page in one language.
    struct LanguageVersion: TemplateView {
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

        func value(named key: String) -> TemplateValue? {
            switch key {
            case "code": .text(code)
            case "name": .text(name)
            case "title": .text(title)
            case "href": .text(href)
            case "absoluteHref": .text(absoluteHref)
            case "current": .flag(isCurrent)
            case "isDefault": .flag(isDefault)
            default: nil
            }
        }
    }

    /// `consent`: the consent script and stylesheet to load.
    struct Consent: TemplateView {
        let script: String
        let scriptIntegrity: String?
        let stylesheet: String?
        let stylesheetIntegrity: String?

        func value(named name: String) -> TemplateValue? {
            switch name {
            case "script": .text(script)
            case "scriptIntegrity": scriptIntegrity.map { .text($0) } ?? .flag(false)
            case "stylesheet": stylesheet.map { .text($0) }
            case "stylesheetIntegrity": stylesheet == nil ? nil : stylesheetIntegrity.map { .text($0) } ?? .flag(false)
            default: nil
            }
        }
    }
}
