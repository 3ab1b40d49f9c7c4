/// What the page layout (the theme's `page.mustache`) and the code agree on, in one place: the ids the
/// layout gives its elements, and when a page gets a list of its sections.
///
/// The layout gets the ids as `layout.mainContentID` and `layout.contentsID` (docs/themes.md), links may
/// point at them, and headings never take them.
enum PageLayout {
    /// The `<main>` element, which the skip link leads to.
    static let mainContentID = "main-content"
    /// The page's list of sections.
    static let contentsID = "contents"
    /// A page with this many `##` sections or more gets a list of them at the top.
    static let sectionsForContents = 3

    /// Ids the layout uses or may use, which headings must not take.
    /// The pages the footer links when the site has them: the privacy notice and the accessibility
    /// statement, by the names `notice init` gives them.
    static let footerPages = ["privacy", "accessibility"]

    static let reservedIDs: Set<String> = [mainContentID, contentsID, "content", "top", "footer", "header", ConsentMarkup.formAnchor]

    /// The page's `##` sections, which the list of sections shows.
    static func sections(of headings: [Heading]) -> [Heading] {
        headings.filter { $0.level == 2 }
    }

    /// Whether the page shows a list of its sections.
    static func hasContents(_ headings: [Heading]) -> Bool {
        sections(of: headings).count >= sectionsForContents
    }

    /// Every id a link to the page may end with: the headings', the directives' and the layout's own.
    static func anchors(of content: RenderedContent) -> Set<String> {
        var anchors = Set(content.headings.map(\.id)).union(content.directiveAnchors)
        anchors.insert(mainContentID)
        if hasContents(content.headings) { anchors.insert(contentsID) }
        return anchors
    }

    /// `layout`, which every template gets: the ids above, for links and the elements that carry them.
    struct Values: TypedTemplateView {
        static let fields = TemplateFields<Self>([
            .text("mainContentID") { _ in mainContentID },
            .text("contentsID") { _ in contentsID },
        ])
    }
}
