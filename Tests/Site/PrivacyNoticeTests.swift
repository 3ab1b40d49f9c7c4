import Foundation
import Testing

@testable import NoticeKit

/// The privacy notice made from its processing record (`processing.yaml`): read strictly, the rights
/// worked out from the lawful bases, and every item UK GDPR Articles 13 and 14 ask for checked on the
/// page, in English and Welsh.
@Suite("Privacy notice")
struct PrivacyNoticeTests {
    static let record = """
        controller:
          name: Test Council
          email: info@example.gov.uk
          address: Town Hall, High Street, Testbury, TE1 1ST
        icoRegistration: Z1234567
        dpo:
          name: Sam Jones
          email: dpo@example.gov.uk
        activities:
          - id: council-tax
            name: Council tax
            purpose: To work out, bill and collect council tax.
            basis: public-task
            law: Local Government Finance Act 1992
            data: [name, address, bank details]
            source: The Valuation Office Agency
            recipients: [Our enforcement agents]
            transfers: none
            retention: 6 years after the account closes
            automatedDecisions: none
          - id: newsletter
            name: Newsletter
            purpose: To send you the newsletter you asked for.
            basis: consent
            data: [email address]
            recipients: []
            transfers:
              - to: United States
                safeguard: UK adequacy regulations (the UK–US data bridge)
            retention: Until you unsubscribe
            automatedDecisions: none
          - id: fraud
            name: Fraud checks
            purpose: To detect fraudulent claims.
            basis: legitimate-interests
            interest: Protecting public money from fraud
            data: [name, claim details]
            recipients: [The National Fraud Initiative]
            transfers: none
            retention: 2 years
            automatedDecisions: Claims are scored automatically; a high score sends the claim to an officer, who decides.
        """

    static let page = """
        ---
        title: Privacy notice
        description: How we use your personal data.
        ---
        ## Who we are

        ```privacy-contact
        ```

        ## How we use your data

        ```processing-table
        ```

        ## Your rights

        ```privacy-rights
        ```

        """

    static func site(record: String? = record, page: String = page, welsh: String? = nil) throws -> TempSite {
        var files = TempSite.minimalSite
        if let record { files["processing.yaml"] = record }
        files["pages/privacy.md"] = page
        if let welsh {
            files["site.yaml"] = files["site.yaml"]!.replacingOccurrences(of: "language: en-GB\n", with: "languages:\n  - code: en-GB\n  - code: cy\n")
            files["processing.cy.yaml"] = welsh
            files["pages/privacy.cy.md"] = page.replacingOccurrences(of: "title: Privacy notice", with: "title: Hysbysiad preifatrwydd")
        }
        let site = try TempSite(files)
        site.today = CalendarDate(year: 2026, month: 12, day: 5)
        return site
    }

    static func diagnostics(_ site: TempSite) -> [String] {
        site.diagnosticLines()
    }

    /// The lines of a rendered right: its title and what follows up to the next.
    static func right(_ title: String, in html: String) -> String? {
        guard let start = html.range(of: "<dt>\(title)</dt>") else { return nil }
        let rest = html[start.upperBound...]
        let end = rest.range(of: "<dt>")?.lowerBound ?? rest.range(of: "</dl>")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    @Test func everyBlockShowsTheRecordInTheThemesWords() throws {
        let site = try Self.site()
        let said = Self.diagnostics(site)
        #expect(said.filter { !$0.contains("pages/cookies.md") && !$0.contains("registry.yaml") }.isEmpty, "\(said)")
        let html = try site.output("privacy/index.html")
        #expect(html.contains("<p>Test Council is the controller of the personal data this notice describes: we decide why and how it is used. Contact us:</p>"))
        #expect(html.contains(#"<li>email <a href="mailto:info@example.gov.uk">info@example.gov.uk</a></li>"#))
        #expect(html.contains("Our registration number with the Information Commissioner’s Office is Z1234567."))
        #expect(html.contains("<p>Our data protection officer is Sam Jones. Contact them:</p>"))
        #expect(html.contains(#"<table class="notice-table notice-record" id="activity-council-tax">"#))
        #expect(html.contains("<caption>Council tax</caption>"))
        #expect(html.contains(#"<th scope="row">Our lawful basis</th>"# + "\n<td>A task we carry out in the public interest or under our official authority (public task, UK GDPR Article 6(1)(e)), under Local Government Finance Act 1992</td>"))
        #expect(html.contains("<td><ul><li>name</li><li>address</li><li>bank details</li></ul></td>"))
        #expect(html.contains("<td>The Valuation Office Agency</td>"))
        #expect(html.contains("<td>From you.</td>"), "data from the person says so")
        #expect(html.contains("<td>We do not share it with anyone else.</td>"))
        #expect(html.contains("<td>United States: UK adequacy regulations (the UK–US data bridge)</td>") || html.contains("<li>United States: UK adequacy regulations (the UK–US data bridge)</li>"))
        #expect(html.contains("<td>It is not sent outside the UK.</td>"))
        #expect(html.contains("<td>Protecting public money from fraud</td>"))
        #expect(html.contains("<td>No decisions about you are made automatically.</td>"))
        #expect(html.contains("<td>Claims are scored automatically; a high score sends the claim to an officer, who decides.</td>"))
        // The rights follow from the bases: erasure not for the public task, portability for consent
        // only, objection for the public task and legitimate interests, withdrawal where consent is one.
        let erasure = try #require(Self.right("Your right to erasure", in: html))
        #expect(erasure.contains("This applies to: Newsletter, Fraud checks."))
        let portability = try #require(Self.right("Your right to data portability", in: html))
        #expect(portability.contains("This applies to: Newsletter."))
        let objection = try #require(Self.right("Your right to object", in: html))
        #expect(objection.contains("This applies to: Council tax, Fraud checks."))
        #expect(Self.right("Your right to withdraw consent", in: html)?.contains("This applies to: Newsletter.") == true)
        #expect(Self.right("Your rights about automated decisions", in: html)?.contains("This applies to: Fraud checks.") == true)
        let access = try #require(Self.right("Your right of access", in: html))
        #expect(!access.contains("This applies to"), "a right of every activity names none")
        #expect(Self.right("Your right to complain", in: html)?.contains("Wycliffe House, Water Lane, Wilmslow, SK9 5AF; telephone 0303 123 1113") == true)
    }

    @Test func withoutConsentOrAutomatedDecisionsThoseRightsAreNotOffered() throws {
        let page = Self.page.replacingOccurrences(of: "```privacy-rights\n```", with: "```privacy-rights activity=council-tax\n```")
        let site = try Self.site(page: page)
        _ = Self.diagnostics(site)
        let html = try site.output("privacy/index.html")
        #expect(Self.right("Your right to withdraw consent", in: html) == nil)
        #expect(Self.right("Your right to data portability", in: html) == nil)
        #expect(Self.right("Your right to erasure", in: html) == nil, "Article 17(3)(b): no erasure of data a public task needs")
        #expect(Self.right("Your rights about automated decisions", in: html) == nil)
        #expect(Self.right("Your right to object", in: html) != nil)
    }

    @Test func aLawfulBasisNotInArticle6IsAnErrorWithTheNearest() throws {
        let record = Self.record.replacingOccurrences(of: "basis: consent", with: "basis: consnet")
            .replacingOccurrences(of: "basis: legitimate-interests", with: "basis: Article 6(1)(f)")
        let said = Self.diagnostics(try Self.site(record: record))
        #expect(said.contains { $0.contains("processing.yaml:24:12: error: 'basis' in the activity 'newsletter' is one of Article 6(1)'s six lawful bases: 'consent' (6(1)(a)),") && $0.hasSuffix("did you mean 'consent'?") }, "\(said)")
        #expect(!said.contains { $0.contains("'fraud'") && $0.contains("error") }, "a basis written as its point of Article 6(1) is taken")
        let invented = Self.record.replacingOccurrences(of: "basis: consent", with: "basis: public-interest-research")
        #expect(Self.diagnostics(try Self.site(record: invented)).contains { $0.contains("error: 'basis' in the activity 'newsletter' is one of Article 6(1)'s six lawful bases") })
    }

    @Test func aPageWithoutAnArticle13ItemIsAWarningThatNamesIt() throws {
        let page = Self.page.replacingOccurrences(of: "```privacy-rights\n```\n", with: "")
        let said = Self.diagnostics(try Self.site(page: page))
        #expect(said.contains { $0.contains("content/pages/privacy.md:1:1: warning: this privacy notice does not give Article 13(2)(b): the rights of access, rectification, erasure, restriction, objection and portability; Article 13(2)(c): the right to withdraw consent; Article 13(2)(d): the right to complain to the Information Commissioner; add ```privacy-rights```") }, "\(said)")
        let one = Self.page.replacingOccurrences(of: "```processing-table\n```", with: "```processing-table activity=council-tax\n```")
        let partly = Self.diagnostics(try Self.site(page: one))
        #expect(partly.contains { $0.contains("processing.yaml:") && $0.contains("warning: the activity 'newsletter' is in no processing table on any page") }, "\(partly)")
        let bare = Self.diagnostics(try Self.site(page: "---\ntitle: Privacy\n---\n\nWe look after your data.\n"))
        #expect(bare.contains { $0.contains("privacy.md:1:1: warning: this privacy notice does not give Article 13(1)(a): the controller's identity and contact details; Article 13(1)(b)") }, "\(bare)")
    }

    @Test func partsTheRecordLeavesUnsaidAreWarnings() throws {
        let record = Self.record.replacingOccurrences(of: "    retention: 2 years\n", with: "")
            .replacingOccurrences(of: "    interest: Protecting public money from fraud\n", with: "")
            .replacingOccurrences(of: "    law: Local Government Finance Act 1992\n", with: "")
            .replacingOccurrences(of: "    transfers: none\n    retention: 6 years", with: "    retention: 6 years")
        let said = Self.diagnostics(try Self.site(record: record))
        #expect(said.contains { $0.contains("warning: the activity 'fraud' does not say how long the data is kept; add 'retention:' (Article 13(2)(a))") }, "\(said)")
        #expect(said.contains { $0.contains("warning: the activity 'fraud' relies on legitimate interests but does not say which") })
        #expect(said.contains { $0.contains("warning: the activity 'council-tax' relies on a public task but does not say which law sets it") })
        #expect(said.contains { $0.contains("warning: the activity 'council-tax' does not say whether data goes outside the UK") })
    }

    @Test func aBlockOnASiteWithoutTheRecordOrForAnActivityItLacksIsAnError() throws {
        let without = Self.diagnostics(try Self.site(record: nil))
        #expect(without.contains { $0.contains("error: this page shows the privacy notice's privacy-contact, but the site has no processing.yaml") }, "\(without)")
        let page = Self.page.replacingOccurrences(of: "```processing-table\n```", with: "```processing-table activity=newsleter\n```")
        #expect(Self.diagnostics(try Self.site(page: page)).contains { $0.contains("error: there is no activity 'newsleter' in processing.yaml; did you mean 'newsletter'?") })
    }

    @Test func theRecordsWordsAreEscaped() throws {
        let record = Self.record.replacingOccurrences(of: "purpose: To detect fraudulent claims.", with: "purpose: \"<img src=x onerror=alert(1)> & claims\"")
        let site = try Self.site(record: record)
        _ = Self.diagnostics(site)
        let html = try site.output("privacy/index.html")
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt; &amp; claims"))
        #expect(!html.contains("<img src=x"))
    }

    static let welsh = """
        controller:
          name: Cyngor Prawf
          address: Neuadd y Dref, Stryd Fawr, Testbury, TE1 1ST
        activities:
          - name: Treth gyngor
            purpose: Cyfrifo, bilio a chasglu’r dreth gyngor.
            law: Deddf Cyllid Llywodraeth Leol 1992
            data: [enw, cyfeiriad, manylion banc]
            source: Asiantaeth y Swyddfa Brisio
            recipients: [Ein hasiantau gorfodi]
            retention: 6 blynedd ar ôl i’r cyfrif gau
          - name: Cylchlythyr
            purpose: Anfon y cylchlythyr y gofynnoch amdano.
            data: [cyfeiriad e-bost]
            transfers:
              - to: Yr Unol Daleithiau
                safeguard: Rheoliadau digonolrwydd y DU
            retention: Nes i chi ddad-danysgrifio
          - name: Gwiriadau twyll
            purpose: Canfod hawliadau twyllodrus.
            interest: Diogelu arian cyhoeddus rhag twyll
            data: [enw, manylion hawliad]
            recipients: [Menter Twyll Genedlaethol]
            retention: 2 flynedd
            automatedDecisions: Mae hawliadau’n cael sgôr yn awtomatig; mae sgôr uchel yn anfon yr hawliad at swyddog, sy’n penderfynu.
        """

    @Test func theWelshNoticeTakesTheRecordsWordsFromItsTranslation() throws {
        let site = try Self.site(welsh: Self.welsh)
        let said = Self.diagnostics(site)
        #expect(!said.contains { $0.contains("processing") }, "\(said)")
        let html = try site.output("cy/privacy/index.html")
        #expect(html.contains("<p>Cyngor Prawf yw rheolydd y data personol a ddisgrifir yn yr hysbysiad hwn"))
        #expect(html.contains("<caption>Treth gyngor</caption>"))
        #expect(html.contains("<td>Cyfrifo, bilio a chasglu’r dreth gyngor.</td>"), "a list of one written as one text takes its translation")
        #expect(html.contains("<td>6 blynedd ar ôl i’r cyfrif gau</td>"))
        #expect(html.contains("Tasg a gyflawnwn er budd y cyhoedd neu wrth arfer ein hawdurdod swyddogol (tasg gyhoeddus, Erthygl 6(1)(e) GDPR y DU), o dan Deddf Cyllid Llywodraeth Leol 1992"))
        #expect(html.contains("<li>Yr Unol Daleithiau: Rheoliadau digonolrwydd y DU</li>") || html.contains("<td>Yr Unol Daleithiau: Rheoliadau digonolrwydd y DU</td>"))
        #expect(html.contains("<dt>Yr hawl i gludadwyedd data</dt>"))
        #expect(Self.right("Yr hawl i wrthwynebu", in: html)?.contains("Mae hyn yn berthnasol i: Treth gyngor, Gwiriadau twyll.") == true)
        #expect(html.contains("ffôn 0330 414 6421 (yn Gymraeg)"))
        #expect(html.contains(#"<a href="mailto:dpo@example.gov.uk">"#), "the facts are the record's")
    }

    /// Kent County Council's published notices for three services, entered word for word: the blocks
    /// give what the notices say, the rights follow from their bases, and what the collected openings
    /// do not say is named, never invented.
    @Test func kentsPublishedNoticesAsARecord() throws {
        let record = try String(contentsOf: TempSite.repositoryRoot.appendingPathComponent("Tests/Site/Records/kent-processing.yaml"), encoding: .utf8)
        let site = try Self.site(record: record)
        let said = Self.diagnostics(site).filter { $0.contains("processing.yaml") }
        #expect(said.contains { $0.contains("warning: the controller has no contact details") }, "\(said)")
        #expect(said.contains { $0.contains("warning: the data protection officer has no contact details") })
        #expect(said.contains { $0.contains("warning: the activity 'ask-a-kent-librarian' relies on a public task but does not say which law sets it") })
        for activity in ["ask-a-kent-librarian", "kent-archives", "be-a-councillor"] {
            #expect(said.contains { $0.contains("warning: the activity '\(activity)' does not say whether data goes outside the UK") })
            #expect(said.contains { $0.contains("warning: the activity '\(activity)' does not say whether decisions are made about people automatically") })
        }
        #expect(said.contains { $0.contains("warning: the activity 'kent-archives' does not say who receives the data") })
        #expect(!said.contains { $0.contains("error") }, "\(said)")
        let html = try site.output("privacy/index.html")
        #expect(html.contains("<td>We will hold your personal information for 6 years.</td>"))
        #expect(html.contains("<li>for the year of the enquiry plus six years for paid services</li>"))
        #expect(html.contains("<td>contact details from the library circulation system</td>"))
        #expect(html.contains("<td>Health data in relation to accessibility requirements.</td>"))
        #expect(html.contains("<td>Explicit Consent Article 9(2)(a)</td>"))
        #expect(html.contains("<td>Your consent (UK GDPR Article 6(1)(a))</td>"), "'Article 6(1)(a)' as Kent writes it is consent")
        #expect(html.contains("Our registration number with the Information Commissioner’s Office is Z5297748."))
        #expect(Self.right("Your right to object", in: html)?.contains("This applies to: Ask a Kent Librarian.") == true)
        #expect(Self.right("Your right to data portability", in: html)?.contains("This applies to: Kent Archives and Local History, Be a Councillor Event.") == true)
    }

    /// The record docs/privacy.md shows is one a site can use as it stands.
    @Test func theDocumentedRecordBuildsCleanly() throws {
        let docs = try String(contentsOf: TempSite.repositoryRoot.appendingPathComponent("docs/privacy.md"), encoding: .utf8)
        let start = try #require(docs.range(of: "```yaml\n"))
        let end = try #require(docs.range(of: "```\n", range: start.upperBound..<docs.endIndex))
        let said = Self.diagnostics(try Self.site(record: String(docs[start.upperBound..<end.lowerBound]))).filter { $0.contains("processing") || $0.contains("privacy") }
        #expect(said.isEmpty, "\(said)")
    }

    /// cookies.json carries the record, with the rights each activity's basis gives, for other systems.
    @Test func theDeclarationCarriesTheRecordWithItsRights() throws {
        let site = try Self.site()
        _ = Self.diagnostics(site)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(site.output("cookies.json").utf8)) as? [String: Any])
        let records = try #require(json["records"] as? [String: Any])
        let processing = try #require(records["processing"] as? [String: Any])
        let activities = try #require(processing["activities"] as? [[String: Any]])
        #expect(activities.map { $0["id"] as? String } == ["council-tax", "newsletter", "fraud"])
        #expect(activities[0]["article"] as? String == "6(1)(e)")
        #expect(activities[0]["rights"] as? [String] == ["access", "rectification", "restriction", "objection", "complaint"])
        #expect(activities[1]["rights"] as? [String] == ["access", "rectification", "erasure", "restriction", "portability", "withdraw-consent", "complaint"])
        #expect((activities[2]["rights"] as? [String])?.contains("automated-decisions") == true)
        #expect((processing["controller"] as? [String: Any])?["email"] as? String == "info@example.gov.uk")
    }
}
