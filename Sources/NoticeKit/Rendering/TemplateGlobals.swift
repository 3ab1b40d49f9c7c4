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

    /// The names above, for checking templates: the texts' names are the theme's and the site's keys.
    static func schema(strings: Strings) -> TemplateSchema {
        TemplateSchema(["strings": .view(strings.templateSchema), "site": .view(SiteValues.schema), "layout": .view(PageLayout.Values.schema)])
    }

    /// `site`: from `site.yaml`.
    struct SiteValues: TypedTemplateView {
        let title: String
        let language: String
        /// `ltr` or `rtl`, for `<html dir>`.
        let direction: String
        /// Empty when `baseURL` is not set.
        let baseURL: String

        static let fields = TemplateFields<Self>([
            .text("title") { $0.title },
            .text("language") { $0.language },
            .text("direction") { $0.direction },
            .text("baseURL") { $0.baseURL },
        ])
    }
}
