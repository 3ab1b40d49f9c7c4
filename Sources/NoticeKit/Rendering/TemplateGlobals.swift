/// What every template gets, whatever it lays out (docs/themes.md, "Every template"): the theme's texts,
/// the site's settings and the layout's ids. Built once per build.
struct TemplateGlobals: TemplateView {
    /// The texts by their dotted path in `strings.yaml`.
    let strings: TemplateValue
    let site: SiteValues

    init(config: SiteConfig, strings: Strings) {
        self.strings = strings.templateValue
        let direction = config.languages.first { $0.code == config.language }?.direction ?? "ltr"
        site = SiteValues(title: config.title, language: config.language, direction: direction, baseURL: config.baseURL ?? "")
    }

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "strings": strings
        case "site": .view(site)
        case "layout": .view(PageLayout.Values())
        default: nil
        }
    }

    /// `site`: from `site.yaml`.
    struct SiteValues: TemplateView {
        let title: String
        let language: String
        /// `ltr` or `rtl`, for `<html dir>`.
        let direction: String
        /// Empty when `baseURL` is not set.
        let baseURL: String

        func value(named name: String) -> TemplateValue? {
            switch name {
            case "title": .text(title)
            case "language": .text(language)
            case "direction": .text(direction)
            case "baseURL": .text(baseURL)
            default: nil
            }
        }
    }
}
