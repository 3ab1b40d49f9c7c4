import Foundation
import Testing
@testable import NoticeKit

/// What a theme must have, checked loudly.
@Suite("Theme contract")
struct ThemeContractTests {
    /// The default theme copied under the site's themes/ as `name`, without the files `leaving` names.
    static func site(themeNamed name: String, leaving: [String]) throws -> TempSite {
        var files = TempSite.minimalSite
        files["site.yaml"] = files["site.yaml"]! + "\ntheme: \(name)\n"
        let site = try TempSite(files)
        let source = TempSite.builtInThemes.appendingPathComponent("default")
        let target = site.siteDirectory.appendingPathComponent("themes/\(name)")
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: target)
        for file in leaving { try FileManager.default.removeItem(at: target.appendingPathComponent(file)) }
        return site
    }

    @Test func aThemeWithoutTheConsentFilesIsAnErrorThatNamesThem() throws {
        let site = try Self.site(themeNamed: "house", leaving: ["consent"])
        let errors = site.failingBuild().filter { $0.contains(": error: ") }
        #expect(errors == ["content/registry.yaml:2:9: error: the registry has optional categories (analytics), but the theme 'house' has no consent.js, consent.css, consent-settings.js, consent-settings.css under consent/, so no banner would ask visitors before those cookies are set; add the files to the theme (copy them from the default theme's consent/ folder), or use the default theme"],
                "\(errors)")
    }

    @Test func aThemeWithItsConsentFilesBuilds() throws {
        let site = try Self.site(themeNamed: "house", leaving: [])
        try site.build()
        #expect(FileManager.default.fileExists(atPath: site.outputDirectory.appendingPathComponent("consent.js").path))
    }
}
