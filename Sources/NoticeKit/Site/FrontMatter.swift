import Foundation

/// The settings at the top of a page, between `---` lines: title, description, date of last update.
public struct FrontMatter: Sendable {
    public var title: String
    public var description: String?
    /// The date the page's content last changed, as written (`YYYY-MM-DD`).
    public var updated: CalendarDate?
    /// The theme template that lays out the page (`page` unless the page asks for another).
    public var template: String
    /// A translated page's own last part of its address (`cwcis` for the Welsh `cookies`).
    public var slug: Located<String>?
    /// The page this one translates, when its file name does not say (`translationOf: cookies`).
    public var translationOf: Located<String>?
    /// Warnings this page silences (`checks: ignore: [...]`).
    public var checks = CheckSettings()

    public init(
        title: String, description: String? = nil, updated: CalendarDate? = nil, template: String = "page",
        slug: Located<String>? = nil, translationOf: Located<String>? = nil
    ) {
        self.title = title
        self.description = description
        self.updated = updated
        self.template = template
        self.slug = slug
        self.translationOf = translationOf
    }
}
