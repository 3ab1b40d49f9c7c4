import Foundation
import Testing

@testable import NoticeKit

/// The policy's change history (`changes.yaml`): `notice diff --record` appends each change, `notice
/// check` finds a change nobody recorded and a page whose "last updated" date is older than its last
/// change, and the `policy-changes` block shows the history in English and Welsh.
@Suite("Change history")
struct ChangeHistoryTests {
    let commands = CommandLineTests()
    /// The day the runs below say it is.
    static let environment = ["SOURCE_DATE_EPOCH": "1796428800"]  // 2026-12-05

    static let page = """
        ---
        title: Changes to this policy
        description: What changed in our policies, and when.
        ---
        ## What changed

        ```policy-changes
        ```

        """

    /// A site and a copy of its registry with one service more, as the next version of the policy.
    static func siteWithNextVersion() throws -> (TempSite, next: URL) {
        var files = TempSite.minimalSite
        files["pages/changes.md"] = Self.page
        let site = try TempSite(files)
        let registry = try String(contentsOf: site.siteDirectory.appendingPathComponent("registry.yaml"), encoding: .utf8)
        let next = site.root.appendingPathComponent("next")
        try FileManager.default.createDirectory(at: next, withIntermediateDirectories: true)
        try Data((registry + Self.analytics).utf8).write(to: next.appendingPathComponent("registry.yaml"))
        return (site, next)
    }

    static let analytics = """

          - id: hotjar
            name: Hotjar
            category: analytics
            cookies:
              - name: _hjSessionUser
                purpose: Tells visits apart.
                duration: 1 year

        """

    @Test func aRecordedChangeIsAppendedAndShownNewestFirst() throws {
        let (site, next) = try Self.siteWithNextVersion()
        let changes = site.siteDirectory.appendingPathComponent("changes.yaml")
        // The first entry records the registry as it is, so that later changes are found.
        let first = try commands.notice(["diff", "--record", changes.path, "content", "content"], in: site.root, environment: Self.environment)
        #expect(first.status == 0 && first.standardOutput.contains("Recorded in"), "\(first.standardError)")
        let recorded = try commands.notice(
            ["diff", "--record", changes.path, "--note", "We now measure how the site is used.", "content", next.path], in: site.root, environment: Self.environment)
        #expect(recorded.status == 0, "\(recorded.standardError)")
        let history = try String(contentsOf: changes, encoding: .utf8)
        #expect(history.contains("- date: 2026-12-05\n  note: \"We now measure how the site is used.\"\n  servicesAdded:\n    - {id: \"hotjar\", name: \"Hotjar\"}\n  cookiesAdded:\n    - {name: \"_hjSessionUser\", service: \"hotjar\"}\n  askedAgain: true\n  registry: "), "\(history)")
        // Recording the same version again adds nothing, and leaves the file as it was.
        let again = try commands.notice(["diff", "--record", changes.path, "content", next.path], in: site.root, environment: Self.environment)
        #expect(again.status == 0 && again.standardOutput.contains("Nothing to record"), "\(again.standardOutput)")
        #expect(try String(contentsOf: changes, encoding: .utf8) == history)
        try FileManager.default.removeItem(at: site.siteDirectory.appendingPathComponent("registry.yaml"))
        try FileManager.default.copyItem(at: next.appendingPathComponent("registry.yaml"), to: site.siteDirectory.appendingPathComponent("registry.yaml"))
        let unchanged = try commands.notice(["diff", "--record", changes.path, "content", "content"], in: site.root, environment: Self.environment)
        #expect(unchanged.standardOutput.contains("Nothing to record"), "\(unchanged.standardOutput)")
        site.today = CalendarDate(year: 2026, month: 12, day: 5)
        let said = site.diagnosticLines().filter { $0.contains("changes") || $0.contains("updated") }
        #expect(said == ["content/pages/cookies.md:1:1: warning: this page says it was last updated on 2025-03-10, but changes.yaml records a change to it on 2026-12-05; set 'updated: 2026-12-05'"], "\(said)")
        let html = try site.output("changes/index.html")
        let newest = try #require(html.range(of: "We now measure how the site is used."))
        #expect(html.contains(#"<ol class="notice-changes" reversed>"#))
        #expect(html.contains("<li>We started using: Hotjar.</li>\n<li>Cookies added: _hjSessionUser (Hotjar).</li>\n<li>We asked visitors to choose their cookie settings again.</li>"))
        let oldest = try #require(html.range(of: "We started keeping this record of changes.", options: .backwards))
        #expect(newest.lowerBound < oldest.lowerBound, "newest first")
    }

    @Test func aChangeNobodyRecordedIsAWarningAndAnErrorUnderStrict() throws {
        let (site, next) = try Self.siteWithNextVersion()
        let changes = site.siteDirectory.appendingPathComponent("changes.yaml")
        _ = try commands.notice(["diff", "--record", changes.path, "content", "content"], in: site.root, environment: Self.environment)
        site.today = CalendarDate(year: 2026, month: 12, day: 5)
        #expect(site.diagnosticLines().filter { $0.contains("changes.yaml") }.isEmpty)
        // The registry changes; the history does not.
        try FileManager.default.removeItem(at: site.siteDirectory.appendingPathComponent("registry.yaml"))
        try FileManager.default.copyItem(at: next.appendingPathComponent("registry.yaml"), to: site.siteDirectory.appendingPathComponent("registry.yaml"))
        let said = site.diagnosticLines()
        #expect(said.contains { $0.contains("changes.yaml:3:3: warning: registry.yaml has changed since the change recorded on 2026-12-05, and the history does not say so; record it with 'notice diff --record changes.yaml OLD registry.yaml'") }, "\(said)")
        let strict = try commands.notice(["check", "--strict"], in: site.root, environment: Self.environment)
        #expect(strict.status == 1 && strict.standardError.contains("registry.yaml has changed since"))
    }

    @Test func aPolicyWhoseUpdatedDateIsOlderThanItsLastChangeIsAWarning() throws {
        let site = try TempSite()
        let next = site.root.appendingPathComponent("next")
        try FileManager.default.createDirectory(at: next, withIntermediateDirectories: true)
        let registry = try String(contentsOf: site.siteDirectory.appendingPathComponent("registry.yaml"), encoding: .utf8)
        try Data((registry + Self.analytics).utf8).write(to: next.appendingPathComponent("registry.yaml"))
        let changes = site.siteDirectory.appendingPathComponent("changes.yaml")
        let recorded = try commands.notice(["diff", "--record", changes.path, "content", next.path], in: site.root, environment: Self.environment)
        #expect(recorded.status == 0, "\(recorded.standardError)")
        try FileManager.default.removeItem(at: site.siteDirectory.appendingPathComponent("registry.yaml"))
        try FileManager.default.copyItem(at: next.appendingPathComponent("registry.yaml"), to: site.siteDirectory.appendingPathComponent("registry.yaml"))
        site.today = CalendarDate(year: 2026, month: 12, day: 5)
        let said = site.diagnosticLines()
        #expect(said.contains { $0.contains("pages/cookies.md:1:1: warning: this page says it was last updated on 2025-03-10, but changes.yaml records a change to it on 2026-12-05; set 'updated: 2026-12-05'") }, "\(said)")
    }

    @Test func aHistoryThatCannotBeReadIsAnErrorAndLeftAsItWas() throws {
        let (site, next) = try Self.siteWithNextVersion()
        let changes = site.siteDirectory.appendingPathComponent("changes.yaml")
        let written = "- date: 5 December 2026\n  note: hand-written\n"
        try Data(written.utf8).write(to: changes)
        let refused = try commands.notice(["diff", "--record", changes.path, "content", next.path], in: site.root, environment: Self.environment)
        #expect(refused.status == 1 && refused.standardError.contains("changes.yaml:1:9: error: 'date' in a change should be a date written as YYYY-MM-DD"), "\(refused.standardError)")
        #expect(try String(contentsOf: changes, encoding: .utf8) == written)
        #expect(!FileManager.default.fileExists(atPath: site.siteDirectory.appendingPathComponent(".changes.yaml.tmp").path))
        let note = try commands.notice(["diff", "--note", "x", "content", next.path], in: site.root)
        #expect(note.status != 0 && note.standardError.contains("--note is the words of a recorded change; give --record changes.yaml too"))
    }

    /// A history kept behind a link (in a shared folder, say) is appended to where it is; the link stays.
    @Test func aHistoryBehindALinkStaysBehindIt() throws {
        let (site, next) = try Self.siteWithNextVersion()
        let shared = site.root.appendingPathComponent("shared-changes.yaml")
        try Data("- date: 2026-01-01\n  note: \"Started.\"\n".utf8).write(to: shared)
        let link = site.siteDirectory.appendingPathComponent("changes.yaml")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: shared)
        let recorded = try commands.notice(["diff", "--record", link.path, "content", next.path], in: site.root, environment: Self.environment)
        #expect(recorded.status == 0, "\(recorded.standardError)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == shared.path)
        let history = try String(contentsOf: shared, encoding: .utf8)
        #expect(history.hasPrefix("- date: 2026-01-01\n  note: \"Started.\"\n- date: 2026-12-05\n"), "\(history)")
    }

    @Test func aChangeToTheProcessingRecordIsRecordedFromSiteFolders() throws {
        var files = TempSite.minimalSite
        files["processing.yaml"] = PrivacyNoticeTests.record
        files["pages/privacy.md"] = PrivacyNoticeTests.page
        files["pages/changes.md"] = Self.page
        let site = try TempSite(files)
        let next = site.root.appendingPathComponent("next")
        try FileManager.default.createDirectory(at: next, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: site.siteDirectory.appendingPathComponent("registry.yaml"), to: next.appendingPathComponent("registry.yaml"))
        let changed = PrivacyNoticeTests.record.replacingOccurrences(of: "retention: 2 years", with: "retention: 3 years")
            .replacingOccurrences(of: "  - id: newsletter", with: "  - id: lettings\n    name: Lettings\n    purpose: To let council homes.\n    basis: public-task\n    law: Housing Act 1996\n    data: name\n    recipients: []\n    transfers: none\n    retention: 6 years\n    automatedDecisions: none\n  - id: newsletter")
        try Data(changed.utf8).write(to: next.appendingPathComponent("processing.yaml"))
        let changes = site.siteDirectory.appendingPathComponent("changes.yaml")
        let recorded = try commands.notice(["diff", "--record", changes.path, "content", next.path], in: site.root, environment: Self.environment)
        #expect(recorded.status == 0, "\(recorded.standardError)")
        let history = try String(contentsOf: changes, encoding: .utf8)
        #expect(history.contains("  activitiesAdded:\n    - {id: \"lettings\", name: \"Lettings\"}\n  activitiesChanged:\n    - {id: \"fraud\", name: \"Fraud checks\"}\n"), "\(history)")
        try FileManager.default.removeItem(at: site.siteDirectory.appendingPathComponent("processing.yaml"))
        try FileManager.default.copyItem(at: next.appendingPathComponent("processing.yaml"), to: site.siteDirectory.appendingPathComponent("processing.yaml"))
        site.today = CalendarDate(year: 2026, month: 12, day: 5)
        #expect(site.diagnosticLines().filter { $0.contains("changes.yaml") && $0.contains("processing.yaml has changed") }.isEmpty)
        let html = try site.output("changes/index.html")
        #expect(html.contains("<li>New uses of your personal data: Lettings.</li>\n<li>Uses of your personal data whose details changed: Fraud checks.</li>"), "\(html)")
    }

    @Test func theWelshHistoryTakesItsNotesFromItsTranslation() throws {
        var files = TempSite.minimalSite
        files["site.yaml"] = files["site.yaml"]!.replacingOccurrences(of: "language: en-GB\n", with: "languages:\n  - code: en-GB\n  - code: cy\n")
        files["pages/changes.md"] = Self.page
        files["pages/changes.cy.md"] = Self.page.replacingOccurrences(of: "title: Changes to this policy", with: "title: Newidiadau i’r polisi hwn")
        files["changes.yaml"] = "- date: 2026-11-01\n  note: We added analytics.\n  servicesAdded:\n    - {id: cookie-management, name: Cookie settings}\n"
        files["changes.cy.yaml"] = "- note: Fe wnaethom ychwanegu dadansoddeg.\n"
        let site = try TempSite(files)
        site.today = CalendarDate(year: 2026, month: 12, day: 5)
        _ = site.diagnosticLines()
        let welsh = try site.output("cy/changes/index.html")
        #expect(welsh.contains("<p>Fe wnaethom ychwanegu dadansoddeg.</p>"))
        #expect(welsh.contains(#"<time datetime="2026-11-01">1 Tachwedd 2026</time>"#))
        #expect(welsh.contains("<li>Dechreuon ni ddefnyddio: "), "\(welsh)")
        #expect(try site.output("changes/index.html").contains("<p>We added analytics.</p>"))
    }
}
