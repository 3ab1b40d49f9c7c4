import Foundation
import Testing

@testable import NoticeKit

@Suite("Consent script settings")
struct ConsentScriptTests {
    func site(registry: CookieRegistry = sampleRegistry(), configure: (inout SiteConfig) -> Void = { _ in }) throws -> (Site, RenderContext) {
        let context = try makeContext(registry: registry)
        var config = SiteConfig(title: "Test <Council>", policyPage: Located("cookies", at: SourceLocation(path: "site.yaml")))
        configure(&config)
        let edition = Edition(
            language: config.languages[0], config: config, registry: registry, strings: context.strings, pages: [],
            placement: EditionPlacement(of: config.languages[0], in: config))
        let site = Site(directory: URL(fileURLWithPath: "/"), theme: context.theme, staticFiles: [:], editions: [edition])
        return (site, RenderContext(config: config, registry: registry, theme: context.theme, strings: context.strings, directives: .standard))
    }

    @Test func bakesInOptionalCategoriesVersionCookiesAndTexts() throws {
        let (site, context) = try site { config in
            config.consent.domain = "example.gov.uk"
            config.consent.lifetime = ISODuration(months: 6)
            config.consent.lifetimeText = "6 months"
            config.consent.googleConsentMode = [GoogleConsentMapping(category: Located("analytics", at: SourceLocation(path: "s")), types: ["analytics_storage"])]
        }
        let script = ConsentScript(site: site, edition: site.main, context: context)
        var log = DiagnosticLog()
        let markup = try #require(script.markup(log: &log))
        #expect(log.diagnostics.isEmpty)
        let configuration = script.configuration(markup: markup)
        #expect(configuration.categories.map(\.id) == ["analytics"], "only optional categories are asked about")
        #expect(configuration.necessary == ["necessary"])
        #expect(configuration.version == RegistryVersion.of(site.main.registry))
        #expect(configuration.days == 180)
        #expect(configuration.domain == "example.gov.uk")
        #expect(configuration.form == "cookies/#cookie-settings")
        #expect(configuration.cookies.status == "cookie-management-status")
        #expect(configuration.googleConsentMode == ["analytics": ["analytics_storage"]])
        // The banner's markup is the theme's templates', with the texts in place.
        #expect(Set(configuration.html.keys) == ["ask", "gpc", "bar"])
        let ask = try #require(configuration.html["ask"])
        #expect(ask.contains(#"<button type="button" data-notice-action="accept">Accept optional cookies</button>"#))
        #expect(ask.contains(#"<a href="cookies/">Read our cookie policy</a>"#), "links are relative to the script, which resolves them")
        #expect(ask.contains("We’ll remember your choice for 6 months. You can change it at any time in Cookie settings."))
        #expect(!ask.contains("\n"), "the line breaks between tags go")
        let settings = script.settingsConfiguration(markup: markup)
        #expect(Set(settings.html.keys) == ["confirm", "dialog"])
        #expect(
            settings.html["confirm"]?.contains(#"<p tabindex="-1" data-notice-when="chosen">You’ve accepted some optional cookies: {value}. "#) == true,
            "the script fills {categories} in")
        #expect(configuration.receipts == nil)
        #expect(configuration.reload)
    }

    @Test func theBannerSaysWhatEachCategoryIsForFromItsSummaryOrDescription() throws {
        var registry = sampleRegistry()
        registry.categories[0].summary = "We count visits to improve the site."
        registry.categories[0].description = "A long description that the banner does not show."
        let here = SourceLocation(path: "r")
        registry.categories.append(CookieCategory(id: "functional", title: "Functional cookies", description: "Videos and maps.", location: here))
        registry.categories.append(CookieCategory(id: "marketing", title: "Marketing cookies", location: here))
        let (site, context) = try site(registry: registry)
        let summaries = ConsentScript(site: site, edition: site.main, context: context).view().categories.map(\.purpose)
        #expect(summaries == ["Analytics cookies: We count visits to improve the site.", "Functional cookies: Videos and maps.", "Marketing cookies"])
    }

    @Test func theSettingsCarryDescriptionsServicesSectionsAndCookieNames() throws {
        let (site, context) = try site()
        let script = ConsentScript(site: site, edition: site.main, context: context)
        var log = DiagnosticLog()
        let settings = script.settingsConfiguration(markup: try #require(script.markup(log: &log)))
        #expect(settings.categories.count == 1)
        let analytics = settings.categories[0]
        #expect(analytics.names == "^(?:_ga|_ga_.+|x\">.+)$")
        #expect(analytics.keys == "(?!)")
        let view = try #require(script.view().categories.first)
        #expect(view.sectionURL == "cookies/#analytics-cookies")
        #expect(view.more == "More about analytics cookies")
        #expect(view.services?.hasPrefix("Used by: ") == true)
        let dialog = try #require(settings.html["dialog"])
        #expect(dialog.contains(#"<a href="cookies/#analytics-cookies">More about analytics cookies</a>"#))
        #expect(dialog.contains(#"<input type="radio" name="notice-analytics" value="1">"#))
        #expect(dialog.contains(#"data-notice-when="consent-id">Your consent ID is {value}"#) || dialog.contains("{value}"), "the script fills {id} in")
    }

    @Test func aCategoryWithoutSummaryOrDescriptionIsAWarning() throws {
        var registry = sampleRegistry()
        registry.categories[0].description = nil
        let (site, context) = try site(registry: registry)
        var log = DiagnosticLog()
        _ = ConsentScript(site: site, edition: site.main, context: context).files(log: &log)
        #expect(
            log.diagnostics.map(\.message) == [
                "the category 'analytics' has no 'summary' or 'description', so the consent banner cannot say what it is for; add a one-sentence 'summary', such as: We'd like to use analytics cookies to understand how you use the website"
            ])
    }

    @Test func writesTheScriptsWithTheSettingsInPlaceOfThePlaceholders() throws {
        let (site, context) = try site()
        var log = DiagnosticLog()
        let files = try #require(ConsentScript(site: site, edition: site.main, context: context).files(log: &log))
        #expect(log.diagnostics.isEmpty)
        let script = String(decoding: files.script, as: UTF8.self)
        #expect(!script.contains(ConsentScriptContract.placeholder))
        #expect(script.contains(#"aria-label=\"Cookies on Test &lt;Council&gt;\""#), "texts are escaped for HTML by the build, then JSON-encoded")
        #expect(!script.contains("eval("))
        #expect(files.stylesheet != nil)
        let paths = files.settings.map(\.path)
        #expect(paths.count == 2)
        #expect(paths.allSatisfy { script.contains("\"\($0)\"") }, "consent.js names the settings files by their hashed names")
        #expect(paths[0].hasPrefix("consent-settings.") && paths[0].hasSuffix(".js"))
        #expect(paths[1].hasPrefix("consent-settings.") && paths[1].hasSuffix(".css"))
        guard case .data(let data) = files.settings[0].contents else {
            Issue.record("consent-settings.js is not generated")
            return
        }
        #expect(!String(decoding: data, as: UTF8.self).contains(ConsentScriptContract.settingsPlaceholder))
    }

    @Test func settingsAreDeterministic() throws {
        let (site, context) = try site()
        var log = DiagnosticLog()
        let first = try #require(ConsentScript(site: site, edition: site.main, context: context).files(log: &log))
        let second = try #require(ConsentScript(site: site, edition: site.main, context: context).files(log: &log))
        #expect(first.script == second.script)
        #expect(first.settings.map(\.path) == second.settings.map(\.path))
    }
}

@Suite("Video and settings directives")
struct MediaDirectiveTests {
    static func registryWithVideos() -> CookieRegistry {
        var registry = sampleRegistry()
        let here = SourceLocation(path: "r")
        registry.categories.append(CookieCategory(id: "functional", title: "Functional cookies", location: here))
        registry.services.append(CookieService(id: "youtube", name: "YouTube", categoryID: "functional", location: here))
        registry.services.removeAll { $0.id == "vimeo" }
        return registry
    }

    @Test(arguments: [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://www.youtube.com/embed/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
        ("https://player.vimeo.com/video/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
    ])
    func videoAddresses(url: String, embed: String) {
        #expect(VideoDirective.host(for: url)?.embedURL == embed)
    }

    @Test(arguments: ["https://example.com/video", "javascript:alert(1)", "https://www.youtube.com/watch?v=a\"b", "https://vimeo.com/abc"])
    func unknownVideoAddresses(url: String) {
        #expect(VideoDirective.host(for: url) == nil)
    }

    @Test func gatedVideoRendersAPlaceholderWithALink() throws {
        let (content, diagnostics) = renderPage(
            "```video url=https://youtu.be/dQw4w9WgXcQ title=\"Our <new> library\"\n```\n",
            context: try makeContext(registry: Self.registryWithVideos()))
        #expect(diagnostics.isEmpty)
        let html = content.html
        #expect(html.contains("data-notice-embed data-consent=\"functional\" data-src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" data-title=\"Our &lt;new&gt; library\""))
        #expect(html.contains("This video is hosted by YouTube. Accept functional cookies to watch it here."))
        #expect(html.contains("<button type=\"button\" data-notice-allow=\"functional\" hidden>Accept functional cookies</button>"))
        #expect(html.contains("<a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\">Watch “Our &lt;new&gt; library” on YouTube</a>"))
        #expect(!html.contains("<iframe"))
    }

    @Test func videoErrorsSayWhatToDo() throws {
        let context = try makeContext(registry: Self.registryWithVideos())
        let (_, noTitle) = renderPage("```video url=https://youtu.be/dQw4w9WgXcQ\n```\n", context: context)
        #expect(noTitle.first?.message.contains("give the video a title") == true)
        let (_, badHost) = renderPage("```video url=https://example.com/v title=T\n```\n", context: context)
        #expect(badHost.first?.message.contains("is not a YouTube or Vimeo video address") == true)
        let (_, noService) = renderPage("```video url=https://vimeo.com/1 title=T\n```\n", context: context)
        #expect(noService.first?.message.contains("the registry has no service 'vimeo'") == true)
    }

    @Test func consentSettingsCarriesTheNoScriptMessage() throws {
        let (content, diagnostics) = renderPage("```consent-settings\n```\n", context: try makeContext())
        #expect(diagnostics.isEmpty)
        #expect(content.html.contains("<div class=\"notice-consent-settings\" id=\"cookie-settings\" data-notice-settings>"))
        #expect(content.html.contains("you do not have JavaScript enabled"))
    }
}
