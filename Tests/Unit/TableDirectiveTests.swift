import Foundation
import Testing

@testable import NoticeKit

/// Editors' own tables, and the fences and paragraphs that would otherwise swallow or garble a page.
@Suite("Tables and fences in pages")
struct TableDirectiveTests {
    @Test func aPipeTableBecomesAnAccessibleTable() throws {
        let (content, diagnostics) = renderPage(
            """
            ```table caption="How long we keep records"
            | Record | Kept for |
            |---|---:|
            | Emails to *us* | 2 years |
            | Rates \\| tax | [6 years](https://www.gov.uk/) |
            ```

            """, context: try makeContext())
        #expect(diagnostics.isEmpty)
        #expect(
            content.html == """
                <table class="notice-table">
                <caption>How long we keep records</caption>
                <thead>
                <tr>
                <th scope="col">Record</th>
                <th scope="col" class="notice-table--right">Kept for</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <th scope="row" data-label="Record">Emails to <em>us</em></th>
                <td data-label="Kept for" class="notice-table--right">2 years</td>
                </tr>
                <tr>
                <th scope="row" data-label="Record">Rates | tax</th>
                <td data-label="Kept for" class="notice-table--right"><a href="https://www.gov.uk/">6 years</a></td>
                </tr>
                </tbody>
                </table>

                """)
    }

    @Test func everyCellIsEscapedAndRowHeadingsCanBeOff() throws {
        let (content, diagnostics) = renderPage("```table caption=\"<b>x</b>\" row-headings=no\n| A |\n|---|\n| <script>alert(1)</script> |\n```\n", context: try makeContext())
        #expect(diagnostics.map(\.severity) == [.warning], "raw HTML in a cell is left out with the usual warning")
        #expect(!content.html.contains("<script>") && !content.html.contains("<b>"))
        #expect(content.html.contains("<caption>&lt;b&gt;x&lt;/b&gt;</caption>"))
        #expect(content.html.contains("<td data-label=\"A\">"))
    }

    @Test func mistakesAreErrorsOnTheirLine() throws {
        let context = try makeContext()
        let (_, noCaption) = renderPage("```table\n| A |\n|---|\n| 1 |\n```\n", context: context)
        #expect(noCaption.map(\.description) == ["pages/test.md:4:1: error: a table needs a caption that says what it shows, such as caption=\"How long we keep records\"; screen-reader users hear it first"])
        let (_, short) = renderPage("```table caption=T\n| A | B |\n|---|---|\n| 1 | 2 |\n| 3 |\n```\n", context: context)
        #expect(short.map(\.description) == ["pages/test.md:8:1: error: this row has 1 cell but the table has 2 columns; add the missing cells (an empty one is | |) or remove the extra ones"])
        let (_, noDelimiter) = renderPage("```table caption=T\n| A | B |\n| 1 | 2 |\n```\n", context: context)
        #expect(noDelimiter.first?.description.hasPrefix("pages/test.md:6:1: error: the second line of a table says where the headings end") == true)
        let (_, badLink) = renderPage("```table caption=T\n| A |\n|---|\n| [x](javascript:alert(1)) |\n```\n", context: context)
        #expect(badLink.first?.description.hasPrefix("pages/test.md:7:1: error: the address 'javascript:alert(1)' of a link in this table is not allowed") == true)
    }

    @Test func aParagraphThatLooksLikeAPipeTableIsAWarning() throws {
        let (_, diagnostics) = renderPage("Intro.\n\n| Record | Kept for |\n|---|---|\n| Emails | 2 years |\n", context: try makeContext())
        #expect(diagnostics.map(\.description) == ["pages/test.md:6:1: warning: this looks like a table written with | characters, which pages do not turn into a table; put it in a ```table caption=\"…\" block (see docs/content.md, Tables)"])
        let (_, prose) = renderPage("Choose A | B | C, then go on.\n", context: try makeContext())
        #expect(prose.isEmpty, "a pipe in a sentence is not a table")
    }

    @Test func anUnclosedDirectiveIsAnErrorAtItsOpeningLine() throws {
        let context = try makeContext()
        let (_, runsToTheEnd) = renderPage("Intro.\n\n```cookie-table service=google-analytics\n\nMore text.\n", context: context)
        #expect(runsToTheEnd.map(\.description) == ["pages/test.md:6:1: error: the cookie-table block that starts here has no closing fence, so it would swallow the rest of the page; add a line ``` after it"])
        let (_, swallowsTheNext) = renderPage("```cookie-table service=google-analytics\n\n```consent-settings\n```\n", context: context)
        #expect(swallowsTheNext.map(\.description) == ["pages/test.md:4:1: error: the cookie-table block that starts here has no closing fence before the next block, which it swallowed; add a line ``` right after this one"])
        let (_, code) = renderPage("```python\nprint(1)\n", context: context)
        #expect(code.map(\.description) == ["pages/test.md:4:1: warning: this code block has no closing fence, so the rest of the page shows as code; add a line ``` where the code ends"])
    }
}
