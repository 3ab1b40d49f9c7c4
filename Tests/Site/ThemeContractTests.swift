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
        #expect(
            errors == ["content/registry.yaml:2:9: error: the registry has optional categories (analytics), but the theme 'house' has no consent.js, consent.css, consent-settings.js, consent-settings.css under consent/, so no banner would ask visitors before those cookies are set; add the files to the theme (copy them from the default theme's consent/ folder), or use the default theme"],
            "\(errors)")
    }

    @Test func aThemeWithItsConsentFilesBuilds() throws {
        let site = try Self.site(themeNamed: "house", leaving: [])
        try site.build()
        #expect(FileManager.default.fileExists(atPath: site.outputDirectory.appendingPathComponent("consent.js").path))
    }

    /// A site theme that extends a built-in one and overrides one file.
    static func extendingSite(_ themeYAML: String, files: [String: String] = [:]) throws -> TempSite {
        var all = TempSite.minimalSite
        all["site.yaml"]! += "\ntheme: house\n"
        all["themes/house/theme.yaml"] = themeYAML
        for (path, text) in files { all["themes/house/" + path] = text }
        return try TempSite(all)
    }

    @Test func aThemeExtendsAnotherAndOverridesFilesOneByOne() throws {
        let site = try Self.extendingSite("extends: plain\n", files: ["assets/house.css": "body { color: #123456; }\n"])
        try site.build()
        let page = try site.output("cookies/index.html")
        // plain's layout (no Notice header), default's cookie tables, and the house's own file copied.
        #expect(!page.contains("notice-header") && page.contains("notice-cookie-table") && page.contains(#"class="notice-plain""#))
        #expect(site.fingerprinted("assets/house", "css") != nil)
    }

    @Test func extendingAThemeThatDoesNotExistIsAnErrorWithTheNearestOne() throws {
        let errors = try Self.extendingSite("extends: plian\n").failingBuild()
        #expect(errors == ["content/themes/house/theme.yaml:1:10: error: there is no theme called 'plian' (looked in content/themes, \(TempSite.builtInThemes.path)); did you mean 'plain'?"], "\(errors)")
    }

    @Test func themesThatExtendEachOtherInACircleAreAnError() throws {
        let errors = try Self.extendingSite("extends: house\n").failingBuild()
        #expect(errors == ["content/themes/house/theme.yaml:1:10: error: the theme 'house' extends 'house', which comes back to it (house → house); one of them must extend nothing"], "\(errors)")
    }

    @Test func theBuiltInDefaultThemeExtendsNothing() {
        #expect(!FileManager.default.fileExists(atPath: TempSite.builtInThemes.appendingPathComponent("default/theme.yaml").path))
        #expect(FileManager.default.fileExists(atPath: TempSite.builtInThemes.appendingPathComponent("plain/theme.yaml").path))
    }
}
