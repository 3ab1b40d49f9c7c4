import Testing

@testable import NoticeKit

@Suite("Front matter")
struct PageReaderTests {
    func read(_ text: String) -> (PageSource?, [Diagnostic]) {
        var log = DiagnosticLog()
        let page = PageReader.read(name: "cookies", file: SourceFile(path: "pages/cookies.md", text: text), log: &log)
        return (page, log.sorted)
    }

    @Test func splitsFrontMatterAndCountsTheBodyOffset() throws {
        let (page, diagnostics) = read("---\ntitle: Cookies\ndescription: About cookies.\nupdated: 2025-01-07\n---\n# Body\n")
        let parsed = try #require(page)
        #expect(diagnostics.isEmpty)
        #expect(parsed.frontMatter.title == "Cookies")
        #expect(parsed.frontMatter.description == "About cookies.")
        #expect(parsed.frontMatter.updated == CalendarDate(iso: "2025-01-07"))
        #expect(parsed.body == "# Body\n")
        #expect(parsed.bodyLineOffset == 5)
        #expect(parsed.outputPath == "cookies/index.html")
    }

    @Test func acceptsWindowsLineEndingsAndAByteOrderMarkFreeFile() throws {
        let (page, diagnostics) = read("---\r\ntitle: Cookies\r\ndescription: D\r\n---\r\nText\r\n")
        #expect(try #require(page).frontMatter.title == "Cookies")
        #expect(diagnostics.isEmpty)
    }

    @Test func missingFrontMatterIsAnErrorAtLineOne() {
        let (page, diagnostics) = read("# Cookies\n")
        #expect(page == nil)
        #expect(diagnostics.map(\.location?.description) == ["pages/cookies.md:1:1"])
        #expect(diagnostics[0].message.contains("no front matter"))
    }

    @Test func unclosedFrontMatterIsAnError() {
        let (page, diagnostics) = read("---\ntitle: Cookies\n")
        #expect(page == nil)
        #expect(diagnostics.first?.message.contains("no closing '---'") == true)
    }

    @Test func unknownKeySuggestsTheNearestAndPointsAtItsLine() {
        let (_, diagnostics) = read("---\ntitle: Cookies\ndescripton: About\n---\n")
        let error = diagnostics.first { $0.severity == .error }
        #expect(error?.location?.description == "pages/cookies.md:3:1")
        #expect(error?.message == "unknown key 'descripton' in the front matter; did you mean 'description'?")
    }

    @Test func badDateNamesTheFormat() {
        let (_, diagnostics) = read("---\ntitle: Cookies\ndescription: D\nupdated: 7 January 2025\n---\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].location?.description == "pages/cookies.md:4:10")
        #expect(diagnostics[0].message.contains("YYYY-MM-DD"))
    }

    @Test func impossibleDatesAreRejected() {
        #expect(CalendarDate(iso: "2025-02-29") == nil)
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "2025-13-01") == nil)
        #expect(CalendarDate(iso: "25-01-01") == nil)
    }

    @Test func missingTitleIsAnError() {
        let (page, diagnostics) = read("---\ndescription: D\n---\n")
        #expect(page == nil)
        #expect(diagnostics.contains { $0.message.contains("missing 'title'") && $0.severity == .error })
    }

    @Test func yamlSyntaxErrorsCarryTheLineInTheWholeFile() {
        let (page, diagnostics) = read("---\ntitle: Cookies\ndescription: a: b\n---\n")
        #expect(page == nil)
        #expect(diagnostics.first?.location?.line == 3)
        #expect(diagnostics.first?.message.contains("quotes") == true)
    }

    @Test func missingDescriptionIsAWarning() {
        let (page, diagnostics) = read("---\ntitle: Cookies\n---\n")
        #expect(page != nil)
        #expect(diagnostics.map(\.severity) == [.warning])
    }

    @Test(arguments: [("index", ""), ("cookies", "cookies/"), ("help/index", "help/"), ("help/contact", "help/contact/")])
    func prettyURLs(name: String, url: String) {
        #expect(PageSource.urlPath(forPage: name) == url)
    }
}
