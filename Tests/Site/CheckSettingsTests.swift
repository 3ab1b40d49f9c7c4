import Foundation
import Testing

@testable import NoticeKit

/// `checks: ignore:` silences warnings by code, for the site or one page, never errors, and says so.
@Suite("Silencing warnings by code")
struct CheckSettingsTests {
    /// The minimal site with a page that has no description (a warning, `page.description.missing`).
    static func site(siteChecks: String = "", pageChecks: String = "") throws -> TempSite {
        var files = TempSite.minimalSite
        files["site.yaml"]! += siteChecks
        files["pages/help.md"] = "---\ntitle: Help\n\(pageChecks)---\n\nAsk us.\n"
        return try TempSite(files)
    }

    static func warnings(_ report: BuildReport) -> [String] {
        report.diagnostics.filter { $0.severity == .warning }.map(\.description)
    }

    @Test func withoutChecksTheWarningIsReportedWithItsCode() throws {
        let report = try Self.site().build()
        let warning = try #require(report.diagnostics.first { $0.location?.path == "content/pages/help.md" })
        #expect(warning.code.id == "page.description.missing")
        #expect(report.silencedCount == 0)
    }

    @Test func theSiteSilencesACodeEverywhere() throws {
        let report = try Self.site(siteChecks: "\nchecks:\n  ignore:\n    - page.description.missing\n").build()
        #expect(!report.diagnostics.contains { $0.code.id == "page.description.missing" }, "\(report.diagnostics)")
        #expect(report.silencedCount >= 1)
    }

    @Test func aPageSilencesOnlyItsOwnWarnings() throws {
        var files = TempSite.minimalSite
        files["pages/help.md"] = "---\ntitle: Help\nchecks:\n  ignore: [page.description.missing]\n---\n\nAsk us.\n"
        files["pages/more.md"] = "---\ntitle: More\n---\n\nMore help.\n"
        let report = try TempSite(files).build()
        let paths = report.diagnostics.filter { $0.code.id == "page.description.missing" }.compactMap(\.location?.path)
        #expect(paths.contains("content/pages/more.md") && !paths.contains("content/pages/help.md"), "\(paths)")
        #expect(report.silencedCount == 1)
    }

    @Test func anErrorsCodeCannotBeSilenced() throws {
        let errors = try Self.site(siteChecks: "\nchecks:\n  ignore: [site.policy-page.unknown]\n").failingBuild()
        #expect(
            errors.contains { $0.contains("site.yaml:") && $0.hasSuffix("error: 'site.policy-page.unknown' is an error, which cannot be silenced (the page would be wrong); fix what it reports instead") },
            "\(errors)")
    }

    @Test func anUnknownCodeIsAnErrorWithTheNearestOne() throws {
        let errors = try Self.site(pageChecks: "checks:\n  ignore: [page.descripton.missing]\n").failingBuild()
        #expect(
            errors.contains("content/pages/help.md:4:12: error: 'page.descripton.missing' is not a code Notice reports; did you mean 'page.description.missing'?"),
            "\(errors)")
    }

    @Test func strictCountsOnlyWhatIsNotSilenced() throws {
        let site = try Self.site(siteChecks: "\nchecks:\n  ignore: [page.description.missing]\n")
        var options = site.builder().options
        options.strict = true
        let report = try SiteBuilder(options: options, paths: site.paths).build()
        #expect(report.silencedCount >= 1)
    }
}
