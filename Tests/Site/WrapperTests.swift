import Foundation
import Testing

@testable import NoticeKit

/// `wrapper:` puts the organisation's own header, footer and stylesheet around Notice's pages (theme
/// `plain`), after checking the fragments.
@Suite("The site's own header and footer")
struct WrapperTests {
    static let header = """
        <header class="site-header" role="banner">
          <a href="/" class="site-header__logo"><img src="/assets/logo.svg" alt="Example County Council"></a>
          <nav aria-label="Site"><ul><li><a href="/services/">Services</a></li><li><a href="https://www.example.gov.uk/news/">News</a></li></ul></nav>
        </header>
        """
    static let footer = """
        <footer class="site-footer">
          <ul><li><a href="/cookies/">Cookies</a></li><li><a href="/accessibility/">Accessibility</a></li></ul>
          <p>© Example County Council</p>
        </footer>
        """

    static func site(
        theme: String = "plain", header: String = WrapperTests.header, footer: String = WrapperTests.footer,
        wrapper: String? = nil
    ) throws -> TempSite {
        var files = TempSite.minimalSite
        files["site.yaml"]! +=
            "\ntheme: \(theme)\n"
            + (wrapper ?? """
                wrapper:
                  header: wrapper/header.html
                  footer: wrapper/footer.html
                  stylesheets:
                    - https://www.example.gov.uk/css/site.css
                """) + "\n"
        files["wrapper/header.html"] = header
        files["wrapper/footer.html"] = footer
        return try TempSite(files)
    }

    @Test func thePlainThemeWrapsEveryPageInTheSitesHeaderAndFooter() throws {
        let site = try Self.site()
        let report = try site.build()
        #expect(!report.diagnostics.contains { $0.severity == .warning && $0.location?.path.contains("mustache") == true }, "\(report.diagnostics)")
        for page in ["index.html", "cookies/index.html"] {
            let html = try site.output(page)
            #expect(html.contains(#"<header class="site-header" role="banner">"#) && html.contains(#"<footer class="site-footer">"#))
            #expect(html.contains(#"<link rel="stylesheet" href="https://www.example.gov.uk/css/site.css">"#))
            // What Notice owns is still there: its main content, tables, and consent script.
            #expect(html.contains(#"<main id="main-content""#) && html.contains("consent") && !html.contains("notice-header"))
        }
        #expect(try site.output("cookies/index.html").contains("notice-cookie-table"))
        // The plain theme's own stylesheet, not the default one.
        let css = try site.output(try #require(site.fingerprinted("assets/notice", "css")))
        #expect(css.contains(":where(") && !css.contains(".notice-header {"))
    }

    @Test func aScriptAHandlerAndAPageElementInAFragmentAreErrors() throws {
        let header = """
            <header>
            <script src="https://tags.example.com/gtm.js"></script>
            <a href="/" onclick="track()">Home</a>
            <main>Oops</main>
            </header>
            """
        let errors = try Self.site(header: header).failingBuild().filter { $0.contains("error:") }
        #expect(errors.contains { $0.hasPrefix("content/wrapper/header.html:2:1: error: a <script> in the site's own header or footer") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("content/wrapper/header.html:3:1: error: 'onclick' on <a> is script") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("content/wrapper/header.html:4:1: error: <main> belongs to the page") }, "\(errors)")
    }

    @Test func anUnclosedOrStrayElementIsAnError() throws {
        let errors = try Self.site(header: "<header>\n<div class=\"inner\">\n<a href=\"/\">Home</a>\n</header>\n", footer: "<footer></footer>\n</div>\n")
            .failingBuild().filter { $0.contains("error:") }
        #expect(errors.contains { $0.hasPrefix("content/wrapper/header.html:2:1: error: <div> is never closed") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("content/wrapper/footer.html:2:1: error: </div> closes an element this file never opened") }, "\(errors)")
    }

    @Test func unsafeAndRelativeAddressesAreReported() throws {
        let site = try Self.site(header: "<header><a href=\"javascript:alert(1)\">x</a>\n<a href=\"services/\">Services</a></header>\n")
        let diagnostics = site.failingBuild()
        #expect(diagnostics.contains { $0.hasPrefix("content/wrapper/header.html:1:1: error:") && $0.contains("javascript:") }, "\(diagnostics)")
        #expect(diagnostics.contains { $0.hasPrefix("content/wrapper/header.html:2:1: warning: 'services/' is relative") }, "\(diagnostics)")
    }

    @Test func aStylesheetOverHTTPOrRelativeIsAnError() throws {
        let site = try Self.site(
            wrapper: """
                wrapper:
                  stylesheets:
                    - http://www.example.gov.uk/site.css
                    - css/site.css
                """)
        let errors = site.failingBuild().filter { $0.contains("error:") }
        #expect(errors.filter { $0.hasPrefix("content/site.yaml:") && $0.contains("should be a full https:// address or start with /") }.count == 2, "\(errors)")
    }

    @Test func aMissingFragmentIsAnErrorAtItsPath() throws {
        let errors = try Self.site(wrapper: "wrapper:\n  header: wrapper/top.html\n").failingBuild().filter { $0.contains("error:") }
        #expect(errors == ["content/site.yaml:14:11: error: there is no readable content/wrapper/top.html (UTF-8 text); write the site's own header there, or correct the path"], "\(errors)")
    }

    @Test func theDefaultThemeSaysItDoesNotShowTheWrapper() throws {
        let report = try Self.site(theme: "default").build()
        #expect(report.diagnostics.contains { $0.code.id == "site.wrapper.unused" }, "\(report.diagnostics)")
    }

    /// Headers and footers as real public-sector systems render them (Tests/Plain/fragments: GOV.UK
    /// Frontend, LocalGov Drupal, NHS.UK frontend, each with its source named in the file): each pair
    /// wraps the pages with no error and no warning, and is written into them byte for byte.
    @Test(arguments: ["govuk", "localgov", "nhsuk"])
    func realHeadersAndFootersWrapThePagesCleanly(source: String) throws {
        let folder = TempSite.repositoryRoot.appendingPathComponent("Tests/Plain/fragments")
        let header = try String(contentsOf: folder.appendingPathComponent("\(source)-header.html"), encoding: .utf8)
        let footer = try String(contentsOf: folder.appendingPathComponent("\(source)-footer.html"), encoding: .utf8)
        let site = try Self.site(header: header, footer: footer)
        let report = try site.build()
        let fromFragments = report.diagnostics.filter { $0.location?.path.contains("wrapper/") == true || $0.code.id.hasPrefix("site.wrapper") }
        #expect(fromFragments.isEmpty, "\(fromFragments)")
        let page = try site.output("cookies/index.html")
        #expect(page.contains(header) && page.contains(footer))
    }
}
