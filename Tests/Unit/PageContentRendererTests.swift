import Foundation
import Testing

@testable import NoticeKit

@Suite("Markdown rendering")
struct PageContentRendererTests {
    @Test func cookieTableDirectiveBecomesAnAccessibleTable() throws {
        let (content, diagnostics) = renderPage("Intro\n\n```cookie-table service=google-analytics\n```\n", context: try makeContext())
        #expect(diagnostics.isEmpty)
        let html = content.html
        #expect(html.contains("<table class=\"notice-cookie-table\">"))
        #expect(html.contains("<caption>Cookies used by Google Analytics</caption>"))
        #expect(html.contains("<th scope=\"col\">Name</th>"))
        #expect(html.contains("<th scope=\"row\" data-label=\"Name\"><code>_ga</code></th>"))
        #expect(html.contains("<code>_ga_<var>&lt;container-id&gt;</var></code>"), "the part of a pattern that varies is marked")
        #expect(html.contains("<td data-label=\"Expires\">90 days</td>"))
        #expect(!html.contains("<pre>"))
    }

    @Test func everythingFromTheRegistryIsEscaped() throws {
        let (content, _) = renderPage("```cookie-table service=evil\n```\n", context: try makeContext())
        let html = content.html
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"))
        #expect(html.contains("x&quot;&gt;<var>&lt;img src=x onerror=alert(1)&gt;</var>"))
        #expect(html.contains("&lt;b&gt;bold&lt;/b&gt; &#39;quoted&#39;"))
        #expect(html.contains("1 day &amp; night"))
    }

    @Test func severalNamesShareOneRow() throws {
        let here = SourceLocation(path: "registry.yaml")
        var registry = sampleRegistry()
        registry.services.append(
            CookieService(
                id: "wp", name: "WordPress", categoryID: "analytics",
                cookies: [
                    Cookie(
                        name: "__a", alsoNamed: [("__b", CookieNamePattern(exactly: "__b")), ("__c_<id>", try CookieNamePattern("__c_<id>"))],
                        purpose: "Used by the editor.", duration: "1 year", location: here)
                ], location: here))
        let (content, diagnostics) = renderPage("```cookie-table service=wp\n```\n", context: try makeContext(registry: registry))
        #expect(diagnostics.isEmpty)
        #expect(content.html.contains("<th scope=\"row\" data-label=\"Name\"><code>__a</code>, <code>__b</code>, <code>__c_<var>&lt;id&gt;</var></code></th>"))
        #expect(content.html.components(separatedBy: "<th scope=\"row\"").count - 1 == 1)
    }

    @Test func categoryTableListsEveryServicesCookiesWithAServiceColumn() throws {
        let (content, _) = renderPage("```cookie-table category=analytics\n```\n", context: try makeContext())
        #expect(content.html.contains("<caption>Analytics cookies</caption>"))
        #expect(content.html.contains("<th scope=\"col\">Service</th>"))
        #expect(content.html.components(separatedBy: "<th scope=\"row\"").count - 1 == 3)
    }

    @Test func unknownServiceIsAnErrorWithTheFileLineAndASuggestion() throws {
        let (_, diagnostics) = renderPage("Text\n\n```cookie-table service=google-analytic\n```\n", context: try makeContext())
        #expect(
            diagnostics.map(\.description) == [
                "pages/test.md:6:1: error: there is no service 'google-analytic' in the registry; did you mean 'google-analytics'?"
            ])
    }

    @Test func unknownCategoryIsAnError() throws {
        let (_, diagnostics) = renderPage("```cookie-table category=marketing\n```\n", context: try makeContext())
        #expect(diagnostics.first?.message == "there is no category 'marketing' in the registry; the categories are 'analytics', 'necessary'")
    }

    @Test func misspeltDirectiveAndBadArgumentsAreErrors() throws {
        let context = try makeContext()
        let (_, misspelt) = renderPage("```cookie-tabel service=google-analytics\n```\n", context: context)
        #expect(misspelt.first?.message == "there is no directive called 'cookie-tabel'; did you mean 'cookie-table'?")
        let (_, unknownArgument) = renderPage("  ```cookie-table servce=google-analytics\n  ```\n", context: context)
        #expect(unknownArgument.first?.description == "pages/test.md:4:3: error: the cookie-table directive has no argument 'servce'; did you mean 'service'?")
        let (_, noArguments) = renderPage("```cookie-table\n```\n", context: context)
        #expect(noArguments.first?.message.contains("write service=ID") == true)
        let (_, both) = renderPage("```cookie-table service=vimeo category=analytics\n```\n", context: context)
        #expect(both.first?.message.contains("not both") == true)
    }

    @Test func ordinaryCodeBlocksStayCodeBlocks() throws {
        let (content, diagnostics) = renderPage("```swift\nlet x = \"<b>\"\n```\n", context: try makeContext())
        #expect(diagnostics.isEmpty)
        #expect(content.html.contains("<pre><code class=\"language-swift\">let x = &quot;&lt;b&gt;&quot;\n</code></pre>"))
    }

    @Test func serviceWithoutCookiesWarnsAndRendersNothing() throws {
        let (content, diagnostics) = renderPage("```cookie-table service=vimeo\n```\n", context: try makeContext())
        #expect(diagnostics.map(\.severity) == [.warning])
        #expect(content.html.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    @Test func headingsGetUniqueIDsAndAreCollected() throws {
        let (content, _) = renderPage("## Google *Analytics*\n\n### Cookies\n\n## Cookies\n", context: try makeContext())
        #expect(content.html.contains("<h2 id=\"google-analytics\">Google <em>Analytics</em></h2>"))
        #expect(content.html.contains("<h3 id=\"cookies\">Cookies</h3>"))
        #expect(content.html.contains("<h2 id=\"cookies-2\">Cookies</h2>"))
        #expect(content.headings.map(\.id) == ["google-analytics", "cookies", "cookies-2"])
    }

    @Test func headingTextIsEscaped() throws {
        let (content, _) = renderPage("## Fish & <chips>\n", context: try makeContext())
        #expect(content.html.contains("<h2 id=\"fish\">Fish &amp; <!-- raw HTML omitted --></h2>"))
        #expect(!content.html.contains("<chips>"))
    }

    @Test func rawHTMLIsOmittedWithAWarning() throws {
        let (content, diagnostics) = renderPage("Hello\n\n<script>alert(1)</script>\n\nand <b onclick=x>inline</b>\n", context: try makeContext())
        #expect(!content.html.contains("<script>"))
        #expect(!content.html.contains("onclick"))
        #expect(diagnostics.map { "\($0.severity) \($0.location!.line)" } == ["warning 6", "warning 8"], "one warning a line")
    }

    @Test func dangerousLinksAreDroppedWithAWarning() throws {
        let (content, diagnostics) = renderPage("[click](javascript:alert(1)) [ok](https://example.com)\n", context: try makeContext())
        #expect(!content.html.contains("javascript:"))
        #expect(content.html.contains("href=\"https://example.com\""))
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location?.description == "pages/test.md:4:1")
    }

    @Test func headingOutlineMistakesAreWarnings() throws {
        let (_, diagnostics) = renderPage("# Title again\n\n## Section\n\n#### Too deep\n", context: try makeContext())
        #expect(diagnostics.map(\.location!.line) == [4, 8])
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test func imagesNeedADescription() throws {
        let (_, diagnostics) = renderPage("![](map.png) ![Map of Kent](map.png)\n", context: try makeContext())
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("no description") == true)
    }

    @Test func invalidUTF8IsReplacedNotFatal() throws {
        let bytes: [UInt8] = Array("Caf".utf8) + [0xC3, 0x28] + Array(" ok\n".utf8)
        let text = String(decoding: bytes, as: UTF8.self)
        let (content, _) = renderPage(text, context: try makeContext())
        #expect(content.html.contains("ok"))
    }
}
