/// A Markdown page as read from `pages/`, split into its front matter and body.
public struct PageSource: Sendable {
    /// The page's name: its path under `pages/` without `.md` (`cookies`, `index`, `help/contact`).
    public var name: String
    /// The file as shown in diagnostics.
    public var path: String
    public var frontMatter: FrontMatter
    /// The Markdown after the front matter.
    public var body: String
    /// Lines of the file before `body` starts, added to cmark's line numbers.
    public var bodyLineOffset: Int
    /// The page's address relative to the site root, with pretty URLs: `cookies/`, `` for the home page,
    /// `cy/cwcis/` for a Welsh translation.
    public var urlPath: String
    /// The tag of the page's language (`cy` for `cookies.cy.md`); the site's default language otherwise.
    public var language: String?

    public init(name: String, path: String, frontMatter: FrontMatter, body: String, bodyLineOffset: Int) {
        self.name = name
        self.path = path
        self.frontMatter = frontMatter
        self.body = body
        self.bodyLineOffset = bodyLineOffset
        urlPath = Self.urlPath(forPage: name)
    }

    /// The file the page is written to, relative to the output directory: `cookies/index.html`.
    public var outputPath: String { urlPath + "index.html" }

    /// The page's name for a path under `pages/` (`help/contact.md` → `help/contact`), or `nil` when the
    /// file is not a page (not Markdown).
    public static func name(forRelativePath path: String) -> String? {
        path.hasSuffix(Self.fileExtension) && path.count > Self.fileExtension.count ? String(path.dropLast(Self.fileExtension.count)) : nil
    }

    /// Pages are Markdown files.
    public static let fileExtension = ".md"

    static func urlPath(forPage name: String) -> String {
        if name == "index" { return "" }
        if name.hasSuffix("/index") { return String(name.dropLast("index".count)) }
        return name + "/"
    }

    /// A page's address as a full URL carries it: letters outside ASCII (a Welsh slug's `ŵ`) percent-encoded.
    static func encodedURLPath(_ urlPath: String) -> String {
        urlPath.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? urlPath
    }
}
