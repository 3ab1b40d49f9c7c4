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
          workingDays: 5
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
        ```accessibility-statement part=scope
        ```

        ## Technical information about this website’s accessibility

        ```accessibility-statement part=commitment
        ```

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

    static func diagnostics(_ site: TempSite) -> [String] {
        site.diagnosticLines()
    }

    @Test func everyPartIsShownInTheThemesWords() throws {
        let site = try Self.site()
        let report = try site.build()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let html = try site.output("accessibility/index.html")
        #expect(html.contains("<p>This accessibility statement applies to https://www.example.gov.uk.</p>"))
        #expect(html.contains("<p>This website is run by Test Council. We want as many people as possible to be able to use it.</p>"))
        #expect(html.contains("<p>Test Council is committed to making its website accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.</p>"))
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
        #expect(html.contains("<p>Mae Test Council wedi ymrwymo i sicrhau bod ei gwefan yn hygyrch, yn unol â Rheoliadau Hygyrchedd Cyrff y Sector Cyhoeddus"))
        #expect(html.contains("Mae’r datganiad hygyrchedd hwn yn berthnasol i https://www.example.gov.uk."))
        #expect(html.contains("o fewn 5 diwrnod gwaith."))
    }

    static let welshRecord = """
        organisation: Cyngor Prawf
        problems:
          - description: Ni ellir llenwi rhai ffurflenni PDF hŷn gyda darllenydd sgrin.
          - description: Ni ellir defnyddio map y canolfannau ailgylchu gyda bysellfwrdd.
        burdens:
          - description: Nid oes gan luniadau wedi’u sganio’r archif gynllunio ddewis arall testun.
        outOfScope:
          - description: Cofnodion cyfarfodydd y cyngor a gyhoeddwyd fel PDFs cyn mis Medi 2018.
        tested:
          by: tîm digidol y cyngor
          method: Fe wnaethom brofi pob tudalen gyda darllenydd sgrin, gyda bysellfwrdd ac ar chwyddo 400%.
        """

    static func bilingualSite(welsh: String?) throws -> TempSite {
        var files = TempSite.minimalSite
        files["site.yaml"] = files["site.yaml"]!.replacingOccurrences(of: "language: en-GB\n", with: "languages:\n  - code: en-GB\n  - code: cy\n")
        files["accessibility.yaml"] = Self.record
        if let welsh { files["accessibility.cy.yaml"] = welsh }
        files["pages/accessibility.md"] = Self.page
        files["pages/accessibility.cy.md"] = Self.page.replacingOccurrences(of: "title: Accessibility statement", with: "title: Datganiad hygyrchedd")
        let site = try TempSite(files)
        site.today = CalendarDate(year: 2026, month: 12, day: 5)
        return site
    }

    @Test func theWelshStatementTakesTheRecordsWordsFromItsTranslationAndItsFactsFromTheRecord() throws {
        let site = try Self.bilingualSite(welsh: Self.welshRecord)
        let said = Self.diagnostics(site)
        #expect(!said.contains { $0.contains("accessibility.cy.yaml") }, "\(said)")
        let welsh = try site.output("cy/accessibility/index.html")
        #expect(welsh.contains(#"<td data-label="Problem">Ni ellir llenwi rhai ffurflenni PDF hŷn gyda darllenydd sgrin.</td>"#))
        #expect(welsh.contains(#"<td data-label="Meini prawf llwyddiant WCAG">1.3.1, 4.1.2</td>"#), "criteria are the record's")
        #expect(welsh.contains(#"<time datetime="2027-03-31">31 Mawrth 2027</time>"#), "dates are the record's, in Welsh")
        #expect(welsh.contains("Mae Cyngor Prawf wedi ymrwymo"))
        #expect(welsh.contains("Cynhaliwyd y prawf gan tîm digidol y cyngor."))
        #expect(welsh.contains("Cofnodion cyfarfodydd y cyngor a gyhoeddwyd fel PDFs cyn mis Medi 2018."))
        let english = try site.output("accessibility/index.html")
        #expect(english.contains("Some older PDF forms cannot be filled in with a screen reader.") && !english.contains("Ni ellir"))
    }

    @Test func aTranslationThatIsNotTheRecordsShapeIsAnErrorAndAMissingOneAWarning() throws {
        let extra = Self.welshRecord.replacingOccurrences(of: "organisation: Cyngor Prawf", with: "organisation: Cyngor Prawf\nstatus: fully-compliant")
        let said = Self.diagnostics(try Self.bilingualSite(welsh: extra))
        #expect(said.contains { $0.contains("accessibility.cy.yaml:2:1: error: 'status' is not one of the words of accessibility.yaml to translate here") }, "\(said)")
        let short = Self.welshRecord.replacingOccurrences(of: "  - description: Ni ellir defnyddio map y canolfannau ailgylchu gyda bysellfwrdd.\n", with: "")
        let shorter = Self.diagnostics(try Self.bilingualSite(welsh: short))
        #expect(shorter.contains { $0.contains("accessibility.cy.yaml:3:3: error: accessibility.yaml has 2 items under 'problems', but this list has 1") }, "\(shorter)")
        let partial = Self.welshRecord.replacingOccurrences(of: "tested:\n  by: tîm digidol y cyngor\n", with: "tested:\n")
        let partly = Self.diagnostics(try Self.bilingualSite(welsh: partial))
        #expect(partly.contains { $0.contains("accessibility.cy.yaml:1:1: warning: this file has no 'cy' words for 'tested by' of accessibility.yaml") }, "\(partly)")
        let none = Self.diagnostics(try Self.bilingualSite(welsh: nil))
        #expect(none.contains { $0.contains("warning: there is no content/accessibility.cy.yaml, so the 'cy' pages show accessibility.yaml's words as it writes them") }, "\(none)")
    }

    /// The record docs/accessibility-statement.md shows is one a site can use as it stands.
    @Test func theDocumentedRecordBuildsCleanly() throws {
        let docs = try String(contentsOf: TempSite.repositoryRoot.appendingPathComponent("docs/accessibility-statement.md"), encoding: .utf8)
        let start = try #require(docs.range(of: "```yaml\n"))
        let end = try #require(docs.range(of: "```\n", range: start.upperBound..<docs.endIndex))
        let record = String(docs[start.upperBound..<end.lowerBound])
        let said = Self.diagnostics(try Self.site(record: record))
        #expect(said.isEmpty, "\(said)")
    }

    @Test func severalWebsitesAreListedAndTheCommitmentCoversThemAll() throws {
        let record = Self.record.replacingOccurrences(of: "  - https://www.example.gov.uk\n", with: "  - https://www.example.gov.uk\n  - https://planning.example.gov.uk\n")
        let site = try Self.site(record: record)
        _ = try site.build()
        let html = try site.output("accessibility/index.html")
        #expect(html.contains("<p>This accessibility statement applies to these websites:</p>\n<ul>\n<li>https://www.example.gov.uk</li>\n<li>https://planning.example.gov.uk</li>\n</ul>"))
        #expect(html.contains("Test Council is committed to making its websites accessible"))
    }

    @Test func aStatementPageWithoutAPartTheLawAsksForIsAWarning() throws {
        let page = Self.page.replacingOccurrences(of: "```accessibility-statement part=enforcement\n```\n", with: "")
        let said = Self.diagnostics(try Self.site(page: page))
        #expect(said == ["content/pages/accessibility.md:1:1: warning: this accessibility statement does not show its enforcement part, which links the enforcement procedure, as the regulations ask; add a heading and ```accessibility-statement part=enforcement``` below it (docs/accessibility-statement.md lists the parts)"], "\(said)")
        // The burdens part is asked for only when the record claims one.
        var record = Self.record
        let start = try #require(record.range(of: "burdens:"))
        let end = try #require(record.range(of: "outOfScope:"))
        record.removeSubrange(start.lowerBound..<end.lowerBound)
        let withoutBurdens = Self.page.replacingOccurrences(of: "```accessibility-statement part=burdens\n```\n", with: "")
        #expect(Self.diagnostics(try Self.site(record: record, page: withoutBurdens)).isEmpty)
        #expect(Self.diagnostics(try Self.site(page: withoutBurdens)).contains { $0.contains("does not show its burdens part") })
    }

    @Test func theAnswerTimeIsInDaysOrWorkingDaysAsTheStatementSays() throws {
        let days = Self.record.replacingOccurrences(of: "workingDays: 5", with: "days: 10")
        let site = try Self.site(record: days)
        _ = try site.build()
        #expect(try site.output("accessibility/index.html").contains("We’ll consider your request and get back to you in 10 days."))
        let both = Self.record.replacingOccurrences(of: "workingDays: 5", with: "workingDays: 5\n  days: 10")
        #expect(Self.diagnostics(try Self.site(record: both)).contains { $0.contains("error: 'contact' gives both 'days' and 'workingDays'") })
    }

    @Test func aContactPageTakesOnlyAddressesTheURLPolicyAllows() throws {
        let page = Self.record.replacingOccurrences(of: "workingDays: 5", with: "workingDays: 5\n  page: https://www.example.gov.uk/contact")
        let site = try Self.site(record: page)
        _ = try site.build()
        #expect(try site.output("accessibility/index.html").contains(#"<li><a href="https://www.example.gov.uk/contact">use our contact page</a></li>"#))
        let script = Self.record.replacingOccurrences(of: "workingDays: 5", with: "workingDays: 5\n  page: \"java\\rscript:alert(1)\"")
        let said = Self.diagnostics(try Self.site(record: script))
        #expect(said.contains { $0.contains("accessibility.yaml:") && $0.contains("error:") && $0.contains("'page' in 'contact'") }, "\(said)")
    }

    @Test func aLevelAAACriterionIsAWarningForAnAAStatement() throws {
        let record = Self.record.replacingOccurrences(of: "criteria: 2.1.1", with: "criteria: 3.1.5")
        let said = Self.diagnostics(try Self.site(record: record))
        #expect(said.contains { $0.contains("accessibility.yaml:11:15: warning: 3.1.5 is a level AAA success criterion, beyond the WCAG 2.2 AA") }, "\(said)")
    }

    /// A real published statement (Royal Borough of Kingston upon Thames, Connected Kingston), entered
    /// word for word as a record, judged by the Government Digital Service's monitoring checks.
    @Test func kingstonsPublishedStatementPassesTheMonitoringChecks() throws {
        let record = try String(contentsOf: TempSite.repositoryRoot.appendingPathComponent("Tests/Site/Records/kingston-accessibility.yaml"), encoding: .utf8)
        let page = Self.page.replacingOccurrences(of: "```accessibility-statement part=burdens\n```\n", with: "")
            .replacingOccurrences(of: "```accessibility-statement part=out-of-scope\n```\n", with: "")
        let site = try Self.site(record: record, page: page)
        let said = Self.diagnostics(site)
        // What a monitor would say of it in December 2026: reviewed too long ago, and a AAA criterion
        // cited; nothing else.
        #expect(said.count == 2, "\(said)")
        #expect(said.contains { $0.contains("warning: the statement was last reviewed on 2024-02-07, more than a year ago") })
        #expect(said.contains { $0.contains("warning: 3.1.5 is a level AAA success criterion") })
        let html = try site.output("accessibility/index.html").replacingOccurrences(of: "&#39;", with: "’")
        // "Is the page heading 'Accessibility statement'?"
        #expect(html.contains("<h1>Accessibility statement</h1>") || html.contains(">Accessibility statement</h1>"))
        // "Does the commitment use the correct wording?" and "Is there a scope?": Kingston's own sentences.
        #expect(html.contains("Kingston council is committed to making its website accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018."))
        #expect(html.contains("This accessibility statement applies to content published on connectedkingston.uk."))
        // "Is 1 of the 3 compliance status options included?": Kingston's sentence.
        #expect(html.contains("This website is partially compliant with the Web Content Accessibility Guidelines version 2.1 AA standard, due to the non-compliances listed below."))
        // "Does the non-compliant content mention the WCAG criteria?": every problem, with its name and
        // criterion, none lost.
        let rows = html.components(separatedBy: "<td data-label=\"WCAG success criteria\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
        #expect(rows == ["2.4.4", "1.1.1", "1.4.5", "1.3.1", "4.1.1", "3.3.2", "2.4.1", "1.4.3", "2.4.6", "2.4.5", "1.4.4", "3.1.5"])
        #expect(html.contains("<strong>Reesize text</strong><br>Some content contains i (italic) elements."))
        #expect(html.contains("<strong>Contrast (minimum)</strong><br>Some pages contain content and links that do not meet the contrast minimum requirements."))
        #expect(html.contains("get back to you in 10 days."))
        #expect(html.contains(#"<a href="mailto:info@connectedkingston.uk">info@connectedkingston.uk</a>"#))
        #expect(html.contains("If you’re not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS)."))
        #expect(html.contains("This statement was prepared on 2 January 2024. It was last reviewed on 7 February 2024."))
        #expect(html.contains("<p>This website was last tested on 28 December 2023.</p>\n<p>The test was carried out using a third party tool called Monsido.</p>"))
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
        #expect(unknown.contains { $0.contains("error: say which part of the accessibility statement to show: part= one of scope, commitment, status, problems") && $0.hasSuffix("did you mean 'problems'?") }, "\(unknown)")
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
