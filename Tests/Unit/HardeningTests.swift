import Foundation
import Testing

@testable import NoticeKit

/// The holes found by trying Notice as an attacker and a fuzzer would; each test failed before its fix.
@Suite("Hardening")
struct HardeningTests {
    func readConfig(_ yaml: String) -> (SiteConfig?, [String]) {
        let reader = SiteConfigReader(file: SourceFile(path: "site.yaml", text: yaml))
        return (reader.read(), reader.reader.log.sorted.map(\.description))
    }

    func readRegistry(_ yaml: String) -> (CookieRegistry?, [String]) {
        let reader = RegistryReader(file: SourceFile(path: "registry.yaml", text: yaml))
        return (reader.read(), reader.reader.log.sorted.map(\.description))
    }

    // MARK: 1. One URL policy

    @Test(arguments: [
        "javascript:alert(document.cookie)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "\tjava\nscript:alert(1)",
        "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>", "file:///etc/passwd", "\u{1}javascript:x",
        "blob:https://x/1", "ftp://example.com/", "jar:x",
    ])
    func theURLPolicyRefusesEverySchemeButTheWebs(address: String) {
        #expect(!URLPolicy.allows(address), "\(address.debugDescription) should be refused")
    }

    @Test(arguments: [
        "https://www.kent.gov.uk/", "http://example.com", "HTTPS://EXAMPLE.COM", "mailto:a@b.c", "tel:+441234",
        "/contact/", "../cookies/", "cookies/#section", "#top", "?q=1", "//cdn.example.com/x", "files/a%20b.pdf",
    ])
    func theURLPolicyAllowsTheWebMailPhoneAndRelativeAddresses(address: String) {
        #expect(URLPolicy.allows(address), "\(address) should be allowed")
    }

    @Test func navigationURLsPassThePolicyEvenWithoutStrict() {
        let (config, diagnostics) = readConfig(
            """
            title: T
            navigation:
              - title: Evil
                url: javascript:alert(document.cookie)
              - title: Spaced
                url: " JaVaScRiPt:alert(1)"
              - title: Data
                url: data:text/html,hi
              - title: Fine
                url: https://www.example.gov.uk/contact
            """)
        #expect(
            diagnostics == [
                "site.yaml:4:10: error: the address 'javascript:alert(document.cookie)' of the navigation link 'Evil' is not allowed: only https:, http:, mailto: and tel: addresses and addresses within the site can be published; use the page's https:// address",
                "site.yaml:6:10: error: the address 'JaVaScRiPt:alert(1)' of the navigation link 'Spaced' is not allowed: only https:, http:, mailto: and tel: addresses and addresses within the site can be published; use the page's https:// address",
                "site.yaml:8:10: error: the address 'data:text/html,hi' of the navigation link 'Data' is not allowed: only https:, http:, mailto: and tel: addresses and addresses within the site can be published; use the page's https:// address",
            ])
        #expect(config?.navigation.count == 1)
    }

    @Test func baseURLMustBeAWebAddress() {
        let (_, diagnostics) = readConfig("title: T\nbaseURL: javascript://www.example.gov.uk/%0aalert(1)\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("site.yaml:2:10: error: ") == true)
    }

    @Test func registryLinksWithAForbiddenSchemeAreErrors() {
        let (_, diagnostics) = readRegistry(
            """
            categories:
              - id: analytics
                title: Analytics
            services:
              - id: x
                name: X
                category: analytics
                privacyPolicy: javascript:alert(1)
                optOut: vbscript:x
            """)
        #expect(
            diagnostics == [
                "registry.yaml:8:20: error: the address 'javascript:alert(1)' of 'privacyPolicy' in the service 'x' is not allowed: only https:, http:, mailto: and tel: addresses and addresses within the site can be published; use the page's https:// address",
                "registry.yaml:9:13: error: the address 'vbscript:x' of 'optOut' in the service 'x' is not allowed: only https:, http:, mailto: and tel: addresses and addresses within the site can be published; use the page's https:// address",
            ])
    }

    @Test func markdownLinksGetTheSamePolicy() throws {
        let (_, diagnostics) = renderPage("[a](javascript:alert(1)) [b](ftp://example.com/x)\n", context: try makeContext())
        #expect(diagnostics.map(\.severity) == [.error, .error])
        #expect(diagnostics.first?.message.contains("only https:, http:, mailto: and tel:") == true)
    }

    // MARK: 2. Anchors and aliases

    static func aliasBomb(levels: Int) -> String {
        var lines = ["a: &a [x, x, x, x, x, x]"]
        var previous = "a"
        for level in 1...levels {
            let name = "b\(level)"
            lines.append("\(name): &\(name) [*\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous)]")
            previous = name
        }
        lines.append("? *\(previous)\n: 1")
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func anAliasBombAsAKeyIsRefusedAtOnce() {
        let reader = YAMLReader(file: SourceFile(path: "registry.yaml", text: Self.aliasBomb(levels: 10)))
        let started = ContinuousClock.now
        #expect(reader.parseRoot() == nil)
        #expect(ContinuousClock.now - started < .seconds(2), "reading must not expand the aliases")
        #expect(
            reader.log.sorted.map(\.description) == [
                "registry.yaml:1:4: error: '&a' is a YAML anchor; Notice's files do not use anchors and aliases (&name, *name): write the value out in full where it is needed"
            ])
    }

    @Test func aliasesAreRefusedWhereverTheyAre() {
        let reader = YAMLReader(file: SourceFile(path: "site.yaml", text: "title: T\nnavigation: *nav\n", lineOffset: 1))
        #expect(reader.parseRoot() == nil)
        #expect(reader.log.sorted.first?.description.hasPrefix("site.yaml:3:13: error: '*nav' is a YAML alias") == true)
    }

    @Test func ampersandsAndAsterisksInValuesAreText() throws {
        let reader = YAMLReader(file: SourceFile(path: "a.yaml", text: "purpose: Fish & chips *and* more\nname: '&x'\nother: \"*y\"\n"))
        #expect(reader.parseRoot() != nil)
        #expect(reader.log.diagnostics.isEmpty)
    }

    // MARK: 3. Code blocks with info strings

    @Test(arguments: ["python title=\"example.py\"", "js linenums", "yaml {.class}", "ruby startline=3 $%@#$", "text key=value"])
    func codeBlocksInOtherLanguagesStayCode(info: String) throws {
        let (content, diagnostics) = renderPage("```\(info)\nprint(1)\n```\n", context: try makeContext())
        #expect(diagnostics.isEmpty)
        let language = String(info.prefix { $0 != " " })
        #expect(content.html == "<pre><code class=\"language-\(language)\">print(1)\n</code></pre>\n")
    }

    @Test func commonMarkSpecExamples143And146RenderAsCmarkSafe() throws {
        let context = try makeContext()
        // Spec 0.30, example 143: only the first word of the info string gives the language.
        let (example143, diagnostics143) = renderPage("~~~~    ruby startline=3 $%@#$\ndef foo(x)\n  return 3\nend\n~~~~~~~\n", context: context)
        #expect(diagnostics143.isEmpty)
        #expect(example143.html == "<pre><code class=\"language-ruby\">def foo(x)\n  return 3\nend\n</code></pre>\n")
        // Example 146: a tilde fence's info string may contain backticks and tildes.
        let (example146, diagnostics146) = renderPage("~~~ aa ``` ~~~\nfoo\n~~~\n", context: context)
        #expect(diagnostics146.isEmpty)
        #expect(example146.html == "<pre><code class=\"language-aa\">foo\n</code></pre>\n")
    }

    @Test func nearMissesOfDirectiveNamesAreStillCaught() throws {
        let (_, diagnostics) = renderPage("```cookie-tabel service=google-analytics\n```\n", context: try makeContext())
        #expect(diagnostics.first?.message == "there is no directive called 'cookie-tabel'; did you mean 'cookie-table'?")
    }

    // MARK: 11. Control characters in diagnostics

    @Test func diagnosticsNeverCarryControlCharacters() throws {
        let hostile = "a\u{1B}[2Jb\u{7}c\rd\ne\u{202E}f\u{9B}g"
        let diagnostic = Diagnostic.error(.yamlKeyUnknown, "unknown key '\(hostile)'", at: SourceLocation(path: "x\u{1B}.yaml", line: 1, column: 1))
        let human = DiagnosticFormatter(useColour: false).format(diagnostic)
        #expect(human == "x\\u{1B}.yaml:1:1: error: unknown key 'a\\u{1B}[2Jb\\u{07}c\\u{0D}d\\u{0A}e\\u{202E}f\\u{9B}g'")
        let coloured = DiagnosticFormatter(useColour: true).format(diagnostic)
        #expect(!coloured.contains("\u{1B}[2J") && !coloured.contains("\n") && !coloured.contains("\u{202E}"))
        let github = DiagnosticReport.githubAnnotation(for: diagnostic)
        #expect(!github.contains("\n") && !github.contains("\r") && !github.contains("\u{1B}"))
        let json = DiagnosticReport(command: "check", diagnostics: [diagnostic]).json()
        #expect(json.contains("a\\\\u{1B}[2Jb"))
        #expect(diagnostic.description == human)
    }

    @Test func aYAMLKeyWithANewlineCannotForgeALine() {
        let (_, diagnostics) = readConfig("title: T\n\"x\\n::error file=a::forged\": 1\n")
        #expect(diagnostics.count == 1)
        #expect(!diagnostics[0].contains("\n"))
    }

    // MARK: 12. Plain words for libyaml's limits

    @Test func deepNestingIsExplainedInPlainWords() {
        let text = String(repeating: "[", count: 1_200) + String(repeating: "]", count: 1_200)
        let reader = YAMLReader(file: SourceFile(path: "registry.yaml", text: text))
        #expect(reader.parseRoot() == nil)
        let message = reader.log.sorted.first?.description ?? ""
        #expect(message.hasPrefix("registry.yaml:1:"))
        #expect(message.contains("nested more than 1,000 levels deep"))
        #expect(!message.contains("yaml_set_max_nest_level"))
    }
}

@Suite("Inline Markdown in the registry")
struct InlineMarkdownTests {
    @Test func rawHTMLInOneFieldIsReportedOnce() {
        var log = DiagnosticLog()
        let (html, _) = InlineMarkdown.render(
            "<b>Bold</b> and <i>italic</i> and <span>more</span>", describedAs: "the purpose of '_ga'",
            at: SourceLocation(path: "registry.yaml", line: 3, column: 5), log: &log)
        #expect(log.diagnostics.map(\.message) == ["raw HTML is not allowed in the purpose of '_ga' and was left out; write it in Markdown instead"])
        #expect(!html.contains("<b>"))
    }
}

@Suite("Placeholders")
struct PlaceholderTests {
    @Test func valuesAreNotSearchedForPlaceholdersSoTheOrderDoesNotMatter() {
        let text = "Cookies on {site}: {categories}"
        let values = ["site": "The {categories} Council", "categories": "{value}"]
        #expect(Placeholders.fill(text, values) == "Cookies on The {categories} Council: {value}")
    }

    @Test func unknownAndUnclosedPlaceholdersStayAsWritten() {
        #expect(Placeholders.fill("{a} {b} {c {a}} {}", ["a": "1"]) == "1 {b} {c 1} {}")
        #expect(Placeholders.fill("no braces", ["a": "1"]) == "no braces")
        #expect(Placeholders.fill("{{a}}", ["a": "1"]) == "{1}")
    }
}
