import Foundation
import Testing

@testable import NoticeKit

/// The accessibility statement made from its record (`accessibility.yaml`): read strictly, checked
/// against the day of the build, and shown part by part in the theme's words, English and Welsh.
@Suite("Accessibility statement")
struct AccessibilityStatementTests {
    static let record = """
        organisation: Test Council
        websites:
          - https://www.example.gov.uk
        standard: WCAG 2.2 AA
        status: partially-compliant
        problems:
          - description: Some older PDF forms cannot be filled in with a screen reader.
            criteria: [1.3.1, 4.1.2]
            fixBy: 2027-03-31
          - description: The map of recycling centres cannot be used with a keyboard.
            criteria: 2.1.1
        burdens:
          - description: The planning archive's scanned drawings have no text alternative.
            assessed: 2026-06-01
        outOfScope:
          - description: Council meeting minutes published as PDFs before September 2018.
            reason: office-files-before-2018
        contact:
          email: accessibility@example.gov.uk
          phone: 01234 567890
          days: 5
        enforcement: ehrc
        tested:
          date: 2026-05-20
          by: the council's digital team
          method: We tested every page with a screen reader, by keyboard and at 400% zoom.
        prepared: 2020-09-23
        reviewed: 2026-09-01
        """

    static let page = """
        ---
        title: Accessibility statement
        description: How accessible this website is, and how to ask for another format.
        ---
        ## Compliance status

        ```accessibility-statement part=status
        ```

        ## Non-compliance with the accessibility regulations

        ```accessibility-statement part=problems
        ```

        ## Disproportionate burden

        ```accessibility-statement part=burdens
        ```

        ## Content that’s not within the scope of the accessibility regulations

        ```accessibility-statement part=out-of-scope
        ```

        ## Feedback and contact information

        ```accessibility-statement part=contact
        ```

        ## Enforcement procedure

        ```accessibility-statement part=enforcement
        ```

        ## Preparation of this accessibility statement

        ```accessibility-statement part=preparation
        ```
        """

    static func site(record: String = record, page: String = page, today: CalendarDate = CalendarDate(year: 2026, month: 12, day: 5)) throws -> TempSite {
        var files = TempSite.minimalSite
        files["accessibility.yaml"] = record
        files["pages/accessibility.md"] = page
        let site = try TempSite(files)
        site.today = today
        return site
    }

    /// The diagnostics of a build, as lines.
    static func diagnostics(_ site: TempSite) -> [String] {
        do {
            return try site.builder().build().diagnostics.map(\.description)
        } catch let failure as BuildFailure {
            return failure.diagnostics.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    @Test func everyPartIsShownInTheThemesWords() throws {
        let site = try Self.site()
        let report = try site.build()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let html = try site.output("accessibility/index.html")
        #expect(html.contains("<p>This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to the non-compliances listed below.</p>"))
        #expect(html.contains("<caption>Known accessibility problems</caption>"))
        #expect(html.contains(#"<td data-label="Problem">Some older PDF forms cannot be filled in with a screen reader.</td>"#))
        #expect(html.contains(#"<td data-label="WCAG success criteria">1.3.1, 4.1.2</td>"#))
        #expect(html.contains(#"<time datetime="2027-03-31">31 March 2027</time>"#))
        #expect(html.contains(#"<td data-label="To be fixed by">No date yet</td>"#), "a problem without a date says so")
        #expect(html.contains("<li>The planning archive’s scanned drawings have no text alternative. We assessed this burden on 1 June 2026.</li>") || html.contains("scanned drawings have no text alternative. We assessed this burden on 1 June 2026."))
        #expect(html.contains("PDFs and other documents published before 23 September 2018 are not within the scope"))
        #expect(html.contains(#"<a href="mailto:accessibility@example.gov.uk">accessibility@example.gov.uk</a>"#))
        #expect(html.contains("We’ll consider your request and get back to you in 5 working days."))
        #expect(html.contains("The Equality and Human Rights Commission (EHRC) is responsible for enforcing"))
        #expect(html.contains("<p>This statement was prepared on 23 September 2020. It was last reviewed on 1 September 2026.</p>"))
        #expect(html.contains("<p>This website was last tested on 20 May 2026. The test was carried out by the council&#39;s digital team.</p>"))
    }

    @Test func theWelshPagesSayItInWelsh() throws {
        var files = TempSite.minimalSite
        files["site.yaml"] = files["site.yaml"]!.replacingOccurrences(of: "language: en-GB\n", with: "languages:\n  - code: en-GB\n  - code: cy\n")
        files["accessibility.yaml"] = Self.record
        files["pages/accessibility.md"] = Self.page
        files["pages/accessibility.cy.md"] = Self.page.replacingOccurrences(of: "title: Accessibility statement", with: "title: Datganiad hygyrchedd")
        let site = try TempSite(files)
        site.today = CalendarDate(year: 2026, month: 12, day: 5)
        let said = Self.diagnostics(site)
        let html = try #require(try? site.output("cy/accessibility/index.html"), "\(said)")
        #expect(html.contains("Mae’r wefan hon yn cydymffurfio’n rhannol â safon AA fersiwn 2.2 Canllawiau Hygyrchedd Cynnwys y We"))
        #expect(html.contains("<caption>Problemau hygyrchedd hysbys</caption>"))
        #expect(html.contains("Y Comisiwn Cydraddoldeb a Hawliau Dynol (EHRC)"))
        #expect(html.contains("Paratowyd y datganiad hwn ar"))
    }

    @Test func aReviewMoreThanAYearOldIsAWarningAndAnErrorUnderStrict() throws {
        let site = try Self.site(today: CalendarDate(year: 2027, month: 9, day: 2))
        let warnings = Self.diagnostics(site)
        #expect(warnings.contains { $0.contains("accessibility.yaml:") && $0.contains("warning: the statement was last reviewed on 2026-09-01, more than a year ago") }, "\(warnings)")
        #expect(warnings.contains { $0.contains("warning: the fix date 2027-03-31 of 'Some older PDF forms") }, "\(warnings)")
        let strict = site.builder()
        var options = strict.options
        options.strict = true
        #expect(throws: BuildFailure.self) { try SiteBuilder(options: options).build() }
        // The day before a year has passed: nothing to say.
        #expect(Self.diagnostics(try Self.site(today: CalendarDate(year: 2027, month: 3, day: 30))).isEmpty)
    }

    @Test func aStatusItsProblemsContradictIsAWarning() throws {
        let fully = Self.record.replacingOccurrences(of: "status: partially-compliant", with: "status: fully-compliant")
        let said = Self.diagnostics(try Self.site(record: fully))
        #expect(said.contains { $0.contains("warning: 'status: fully-compliant' says the website meets the standard in full, but the record lists 3 problems") }, "\(said)")
        var none = Self.record
        let start = try #require(none.range(of: "problems:"))
        let end = try #require(none.range(of: "outOfScope:"))
        none.removeSubrange(start.lowerBound..<end.lowerBound)
        let partly = Self.diagnostics(try Self.site(record: none))
        #expect(partly.contains { $0.contains("warning: 'status: partially-compliant' says parts of the website do not meet the standard, but the record lists no problem") }, "\(partly)")
    }

    @Test func wrongWordsCriteriaAndDatesAreErrorsAtTheirLine() throws {
        let record = Self.record
            .replacingOccurrences(of: "status: partially-compliant", with: "status: partialy-compliant")
            .replacingOccurrences(of: "criteria: 2.1.1", with: "criteria: 2.1.9")
            .replacingOccurrences(of: "assessed: 2026-06-01", with: "assessed: 1 June 2026")
            .replacingOccurrences(of: "reason: office-files-before-2018", with: "reason: old-pdfs")
        let errors = Self.diagnostics(try Self.site(record: record))
        #expect(errors.contains { $0.hasSuffix("accessibility.yaml:5:9: error: 'status' in the accessibility record is one of 'fully-compliant', 'partially-compliant', 'not-compliant', not 'partialy-compliant'; did you mean 'partially-compliant'?") }, "\(errors)")
        #expect(errors.contains { $0.contains("accessibility.yaml:11:15: error: '2.1.9' is not a success criterion of WCAG 2.2") }, "\(errors)")
        #expect(errors.contains { $0.contains("error: 'assessed' in a disproportionate burden should be a date written as YYYY-MM-DD") }, "\(errors)")
        #expect(errors.contains { $0.contains("error: 'reason' in content out of scope is one of 'office-files-before-2018'") }, "\(errors)")
        // WCAG 2.2 removed 4.1.1; a 2.1 statement may still cite it.
        let parsing = Self.record.replacingOccurrences(of: "criteria: 2.1.1", with: "criteria: 4.1.1")
        #expect(Self.diagnostics(try Self.site(record: parsing)).contains { $0.contains("'4.1.1' is not a success criterion of WCAG 2.2") })
        let older = parsing.replacingOccurrences(of: "standard: WCAG 2.2 AA", with: "standard: WCAG 2.1 AA")
        #expect(!Self.diagnostics(try Self.site(record: older)).contains { $0.contains("4.1.1") })
    }

    @Test func missingPartsAreWarningsThatNameThem() throws {
        let bare = "organisation: Test Council\nstatus: fully-compliant\n"
        let said = Self.diagnostics(try Self.site(record: bare, page: "---\ntitle: Accessibility\n---\n\n```accessibility-statement part=status\n```\n"))
        #expect(said.contains { $0.contains("warning: the accessibility record does not say which websites it covers") }, "\(said)")
        #expect(said.contains { $0.contains("warning: the accessibility record has no 'prepared' date") })
        #expect(said.contains { $0.contains("warning: the accessibility record gives no way to ask for another format") })
        #expect(said.contains { $0.contains("warning: the accessibility record does not say when the website was tested") })
    }

    @Test func aPartNotKnownOrARecordNotKeptIsAnError() throws {
        let unknown = Self.diagnostics(try Self.site(page: "---\ntitle: A\n---\n\n```accessibility-statement part=problem\n```\n"))
        #expect(unknown.contains { $0.contains("error: say which part of the accessibility statement to show: part= one of status, problems") && $0.hasSuffix("did you mean 'problems'?") }, "\(unknown)")
        var files = TempSite.minimalSite
        files["pages/accessibility.md"] = "---\ntitle: A\n---\n\n```accessibility-statement part=status\n```\n"
        let without = Self.diagnostics(try TempSite(files))
        #expect(without.contains { $0.contains("error: this page shows the accessibility statement's status, but the site has no accessibility.yaml") }, "\(without)")
    }

    @Test func theRecordsWordsAreEscaped() throws {
        let record = Self.record.replacingOccurrences(
            of: "description: Some older PDF forms cannot be filled in with a screen reader.", with: "description: \"<script>alert(1)</script> & forms\"")
        let site = try Self.site(record: record)
        _ = Self.diagnostics(site)
        let html = try site.output("accessibility/index.html")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; forms"))
        #expect(!html.contains("<script>alert(1)"))
    }
}
