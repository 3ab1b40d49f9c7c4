import Foundation
import Testing

@testable import NoticeKit

/// The consent banner, its messages and the settings are the theme's templates: a theme changes their
/// markup, and what the scripts need in them is checked at build time, at the template's line.
@Suite("Consent templates")
struct ConsentTemplateTests {
    static func site(_ templates: [String: String]) throws -> TempSite {
        try TemplateNameTests.site(templates: templates)
    }

    static func template(_ name: String, replacing old: String, with new: String) throws -> String {
        let text = try TemplateNameTests.defaultTemplate(name)
        #expect(text.contains(old), "\(name).mustache has no \(old)")
        return text.replacingOccurrences(of: old, with: new)
    }

    static let path = "content/themes/default/templates/"

    @Test func aBannerWithoutRejectIsAnErrorThatSaysWhy() throws {
        let banner = try Self.template("consent-banner", replacing: #"<button type="button" data-notice-action="reject">{{text.reject}}</button>"#, with: "")
        #expect(
            try Self.site(["consent-banner": banner]).failingBuild() == [
                Self.path
                    + #"consent-banner.mustache:1:1: error: consent-banner.mustache has no control with data-notice-action="reject", so visitors could not reject them as easily as accept them; add a <button type="button" data-notice-action="reject">, as the default theme's has"#
            ])
    }

    @Test func aMisspeltActionIsAnErrorAtItsLineWithTheNearestOne() throws {
        let banner = try Self.template("consent-banner", replacing: #"data-notice-action="reject""#, with: #"data-notice-action="rejct""#)
        let lines = banner.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.contains("rejct") }) + 1
        let column = try #require(lines[line - 1].range(of: "data-notice-action=\"rejct\"")).lowerBound.utf16Offset(in: lines[line - 1]) + 1
        let errors = try Self.site(["consent-banner": banner]).failingBuild()
        #expect(errors.contains(Self.path + "consent-banner.mustache:\(line):\(column): error: data-notice-action=\"rejct\" in consent-banner.mustache is not an action the consent script knows; did you mean 'reject'?"), "\(errors)")
        #expect(errors.count == 2, "and the banner lacks reject: \(errors)")
    }

    @Test func theConfirmationNeedsEachOutcomeAndAFocusTarget() throws {
        let confirm = try Self.template("consent-confirm", replacing: #"data-notice-when="rejected""#, with: #"data-notice-when="rejectd""#)
            .replacingOccurrences(of: #"tabindex="-1" "#, with: "")
        let errors = try Self.site(["consent-confirm": confirm]).failingBuild()
        #expect(errors.contains { $0.contains(#"data-notice-when="rejectd" in consent-confirm.mustache is not a condition the consent script knows here; did you mean 'rejected'?"#) }, "\(errors)")
        #expect(errors.contains { $0.contains(#"has no part with data-notice-when="rejected", which the script shows after a visitor rejects them all"#) })
        #expect(errors.contains { $0.contains("has no element with tabindex=\"-1\" for the script to move focus to") })
    }

    @Test func theSettingsFormNeedsBothChoicesForEveryCategory() throws {
        let form = try Self.template("consent-form", replacing: #"<label><input type="radio" name="{{inputName}}" value="0"> {{text.doNotUse}}</label>"#, with: "")
        let errors = try Self.site(["consent-form": form]).failingBuild()
        #expect(
            errors.count == 1
                && errors[0].hasPrefix(Self.path + "consent-form.mustache:")
                && errors[0].contains("needs two radio buttons named notice-analytics, value=\"1\" (use) and value=\"0\" (do not use), for the category 'analytics'; it has value 1"),
            "\(errors)")
        let noForm = try Self.template("consent-dialog", replacing: "{{> consent-form}}", with: "<p>{{text.necessary}}</p>")
        #expect(try Self.site(["consent-dialog": noForm]).failingBuild().contains { $0.contains("must hold exactly one <form data-notice-form> (it has 0)") })
        let notADialog = try Self.template("consent-dialog", replacing: "<dialog", with: "<div").replacingOccurrences(of: "</dialog>", with: "</div>")
        #expect(try Self.site(["consent-dialog": notADialog]).failingBuild() == [Self.path + "consent-dialog.mustache:2:1: error: consent-dialog.mustache must be a <dialog> (the script opens it as a modal dialog), not a <div>"])
    }

    @Test func scriptAndLooseMarkupAreErrorsAndAStyleAWarning() throws {
        let bar = #"<div class="notice-consent-bar" style="color: red"><button type="button" data-notice-action="choose" onclick="track()">{{text.settingsButton}}</button><script>track()</script></div>"#
        let errors = try Self.site(["consent-bar": bar]).failingBuild()
        #expect(errors.contains(Self.path + "consent-bar.mustache:1:102: error: 'onclick' on <button> in consent-bar.mustache is script, which the pages' Content-Security-Policy blocks; remove it (the consent script acts on data-notice-action)"), "\(errors)")
        #expect(errors.contains { $0.contains("a <script> in consent-bar.mustache would not run") })
        #expect(errors.contains { $0.contains("warning: 'style' on <div> in consent-bar.mustache is blocked") })
        let two = #"<p>{{text.heading}}</p><button type="button" data-notice-action="choose">{{text.settingsButton}}</button>"#
        #expect(
            try Self.site(["consent-bar": two]).failingBuild() == [
                Self.path + "consent-bar.mustache:1:1: error: consent-bar.mustache renders 2 elements, but the consent script shows it as one element; wrap it all in one, as the default theme's does"
            ])
    }

    @Test func aMisspeltTextIsCaughtByTheNameCheck() throws {
        let banner = try Self.template("consent-banner", replacing: "{{text.accept}}", with: "{{text.acept}}")
        let errors = try Self.site(["consent-banner": banner]).failingBuild()
        #expect(errors.count == 1 && errors[0].contains("error: '{{text.acept}}': 'text' has no value 'acept'; did you mean 'text.accept'?"), "\(errors)")
    }

    @Test func aThemeOfItsOwnNeedsTheTemplates() throws {
        var files = TempSite.minimalSite
        files["site.yaml"]! += "\ntheme: house\n"
        let theme = TempSite.builtInThemes.appendingPathComponent("default")
        for name in ["page", "head", "header", "footer", "cookie-table", "consent-settings"] {
            files["themes/house/templates/\(name).mustache"] = try String(contentsOf: theme.appendingPathComponent("templates/\(name).mustache"), encoding: .utf8)
        }
        for name in ["consent.js", "consent.css", "consent-settings.js", "consent-settings.css"] {
            files["themes/house/consent/\(name)"] = try String(contentsOf: theme.appendingPathComponent("consent/\(name)"), encoding: .utf8)
        }
        files["themes/house/strings.yaml"] = try String(contentsOf: theme.appendingPathComponent("strings.yaml"), encoding: .utf8)
        let errors = try TempSite(files).failingBuild()
        #expect(errors.count == ConsentTemplate.allCases.count, "\(errors)")
        #expect(errors.first?.contains("error: the theme 'house' has no template consent-banner.mustache, which the consent script shows as the banner that asks before any optional cookie") == true, "\(errors)")
    }

    /// A theme changes the markup, not only the style: the banner in another design system's markup
    /// is what `consent.js` shows.
    @Test func aThemesOwnMarkupIsWhatTheScriptCarries() throws {
        let banner = """
            <div class="house-banner" role="region" aria-label="{{text.heading}}">
              <h2 class="house-banner__title">{{text.heading}}</h2>
              <ul class="house-banner__choices">
                <li><button type="button" class="house-button" data-notice-action="accept">{{text.accept}}</button></li>
                <li><button type="button" class="house-button" data-notice-action="reject">{{text.reject}}</button></li>
                <li><a href="{{formURL}}" data-notice-action="choose">{{text.choose}}</a></li>
              </ul>
            </div>
            """
        let site = try Self.site(["consent-banner": banner])
        let report = try site.build()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let script = try site.output("consent.js")
        #expect(
            script.contains(
                #""ask":"<div class=\"house-banner\" role=\"region\" aria-label=\"Cookies on Test Council\"><h2 class=\"house-banner__title\">Cookies on Test Council</h2><ul class=\"house-banner__choices\"><li><button type=\"button\" class=\"house-button\" data-notice-action=\"accept\">"#
            ), "the theme's markup, the line breaks between tags left out")
    }

    @Test func joiningLinesKeepsSpacesWithinALine() {
        #expect(ConsentScript.joiningLines("<p>\n  <b>a</b> <i>b</i>\n  text\n</p>\n") == "<p><b>a</b> <i>b</i>\n  text\n</p>", "a line break after text stays: it may be a space between words")
    }
}
