/// One language a site is published in (`languages:` in `site.yaml`): its tag, where its pages go, and
/// what it says differently from the site's defaults. The first language is the site's default.
public struct SiteLanguage: Sendable, Equatable {
    /// The BCP 47 tag, for `<html lang>` and `hreflang`: `en-GB`, `cy`.
    public var code: String
    /// The folder of its pages in the output and in their addresses: empty for the default language
    /// (unless it has an address of its own), `cy` for Welsh.
    public var path: String
    /// Its own public address (one domain per language); such a language is published as a site of its
    /// own in `output/PATH/`, with its own copy of the assets.
    public var baseURL: String?
    /// Written right to left (Arabic, Hebrew, Urdu, …); from the tag unless `direction` says otherwise.
    public var isRightToLeft: Bool
    /// The site's name in this language; the site's `title` when not given.
    public var title: String?
    /// The navigation in this language; the site's, with its pages' translations, when not given.
    public var navigation: [NavigationLink]?
    /// Texts replacing the theme's for this language.
    /// The language's own header and footer (`wrapper:`), when it has them.
    public var wrapper: WrapperSettings?
    public var strings: Strings
    /// Where it was declared, for messages about it.
    public var location: SourceLocation?

    public init(
        code: String, path: String = "", baseURL: String? = nil, isRightToLeft: Bool? = nil, title: String? = nil,
        navigation: [NavigationLink]? = nil, strings: Strings = Strings(), location: SourceLocation? = nil
    ) {
        self.code = code
        self.path = path
        self.baseURL = baseURL
        self.isRightToLeft = isRightToLeft ?? Self.writtenRightToLeft(code)
        self.title = title
        self.navigation = navigation
        self.strings = strings
        self.location = location
    }

    /// Languages are the same language when their tags are.
    public static func == (lhs: SiteLanguage, rhs: SiteLanguage) -> Bool {
        lhs.code.lowercased() == rhs.code.lowercased()
    }

    /// `ltr` or `rtl`, for `<html dir>`.
    public var direction: String { isRightToLeft ? "rtl" : "ltr" }

    /// The language without region or script, lower-cased: `en` for `en-GB`, `cy` for `cy`.
    public var primary: String { code.split(separator: "-").first.map { $0.lowercased() } ?? code.lowercased() }

    /// The suffix of its page files before `.md`: `cookies.cy.md` is the Welsh `cookies`.
    public var fileSuffix: String { "." + code }

    /// Languages written right to left, by their primary tag (the scripts' Unicode direction), and tags
    /// whose script subtag says so (`ku-Arab`).
    static func writtenRightToLeft(_ code: String) -> Bool {
        let parts = code.split(separator: "-").map { $0.lowercased() }
        if parts.contains(where: { ["arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg"].contains($0) }) { return true }
        return ["ar", "he", "iw", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb", "syr", "ks"].contains(parts.first ?? "")
    }
}
