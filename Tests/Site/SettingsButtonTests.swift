import Foundation
import Testing

@testable import NoticeKit

/// `consent.settingsButton`: the Cookie settings button stays unless the site names its own control, and
/// then every page must have that control.
@Suite("Cookie settings button")
struct SettingsButtonTests {
    static func site(consent: String, footer: String? = nil) throws -> TempSite {
        var files = TempSite.minimalSite
        files["site.yaml"] = files["site.yaml"]!.replacingOccurrences(of: "consent:\n  lifetime: 180 days", with: "consent:\n  lifetime: 180 days\n" + consent)
        if let footer { files["themes/default/templates/footer.mustache"] = footer }
        return try TempSite(files)
    }

    @Test func removingTheButtonWithoutNamingTheSitesOwnControlIsAnError() throws {
        let site = try Self.site(consent: "  settingsButton: false")
        let errors = site.failingBuild().filter { $0.contains(": error: ") }
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("content/site.yaml:12:3: error: 'settingsButton: false' takes away the Cookie settings button") == true, "\(errors)")
    }

    @Test func theSitesOwnControlMustBeOnEveryPage() throws {
        let site = try Self.site(consent: "  settingsButton: false\n  settingsLink: cookie-settings-link")
        let errors = site.failingBuild().filter { $0.contains(": error: ") }
        #expect(errors == ["content/site.yaml:13:17: error: 'settingsButton: false' relies on every page having its own Cookie settings control with id=\"cookie-settings-link\" and data-notice-action=\"choose\", but 2 pages have none (content/pages/cookies.md, content/pages/index.md); add it near the top of the theme's layout, or remove 'settingsButton: false'"])
    }

    @Test func withTheSitesOwnControlOnEveryPageTheScriptShowsNoButton() throws {
        let footer = "<footer><a id=\"cookie-settings-link\" href=\"{{settingsHref}}\" data-notice-action=\"choose\">Cookie settings</a></footer>\n"
        let site = try Self.site(consent: "  settingsButton: false\n  settingsLink: cookie-settings-link", footer: footer)
        try site.build()
        let script = try String(contentsOf: site.outputDirectory.appendingPathComponent("consent.js"), encoding: .utf8)
        #expect(script.contains("\"button\":false"))
    }

    @Test func theIdMustBeOneAPageCanCarry() throws {
        let site = try Self.site(consent: "  settingsLink: \"#cookies\"")
        let errors = site.failingBuild().filter { $0.contains(": error: ") }
        #expect(errors == ["content/site.yaml:12:17: error: 'settingsLink' should be the id of the pages' own Cookie settings control (letters, digits, - and _), such as cookie-settings-link, without #"])
    }
}
