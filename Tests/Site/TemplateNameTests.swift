import Foundation
import Testing

@testable import NoticeKit

/// Every tag in a theme's templates is checked against the names its view gives, at its line and column.
@Suite("Template names")
struct TemplateNameTests {
    /// The minimal site with its own `templates/` laid over the default theme's.
    static func site(templates: [String: String], pages: [String: String] = [:]) throws -> TempSite {
        var files = TempSite.minimalSite
        for (name, text) in templates { files["themes/default/templates/\(name).mustache"] = text }
        for (path, text) in pages { files[path] = text }
        return try TempSite(files)
    }

    static func defaultTemplate(_ name: String) throws -> String {
        try String(contentsOf: TempSite.builtInThemes.appendingPathComponent("default/templates/\(name).mustache"), encoding: .utf8)
    }

    /// The page template with one tag replaced, and where the replacement stands.
    static func page(replacing old: String, with new: String) throws -> (text: String, line: Int, column: Int) {
        let page = try defaultTemplate("page")
        let range = try #require(page.range(of: old))
        let before = page[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
        return (page.replacingCharacters(in: range, with: new), line, column)
    }

    @Test func aMisspeltNameIsAnErrorAtItsTagWithTheRightName() throws {
        let page = try Self.page(replacing: "{{page.title}}", with: "{{page.titel}}")
        let site = try Self.site(templates: ["page": page.text])
        #expect(
            site.failingBuild() == [
                "content/themes/default/templates/page.mustache:\(page.line):\(page.column): error: '{{page.titel}}': 'page' has no value 'titel'; did you mean 'page.title'?"
            ])
    }

    @Test func aMisspeltTextKeyIsAnError() throws {
        let page = try Self.page(replacing: "{{strings.layout.skipLink}}", with: "{{strings.layout.skiplnk}}")
        let errors = try Self.site(templates: ["page": page.text]).failingBuild()
        #expect(errors == ["content/themes/default/templates/page.mustache:\(page.line):\(page.column): error: '{{strings.layout.skiplnk}}': 'strings.layout' has no value 'skiplnk'; did you mean 'strings.layout.skipLink'?"])
    }

    @Test func aTextTheSiteAddsMayBeUsed() throws {
        let page = try Self.page(replacing: "{{strings.layout.skipLink}}", with: "{{strings.house.motto}}")
        let site = try Self.site(templates: ["page": page.text])
        try site.write("site.yaml", TempSite.minimalSite["site.yaml"]! + "\nstrings:\n  house.motto: Serving Kent\n")
        try site.build()
        #expect(try site.output("index.html").contains("Serving Kent"))
    }

    @Test func namesInsideASectionAreTheItemsAndOutsideThePages() throws {
        // `href` is a navigation item's: right inside {{#navigation}}, unknown outside it.
        let header = try Self.defaultTemplate("header") + "<a href=\"{{href}}\">{{title}}</a>\n"
        let errors = try Self.site(templates: ["header": header]).failingBuild()
        let line = header.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(
            errors == [
                "content/themes/default/templates/header.mustache:\(line):10: error: '{{href}}' is not a value this template gets; each of 'languages' has it: use it inside {{#languages}}…{{/languages}}",
                "content/themes/default/templates/header.mustache:\(line):20: error: '{{title}}' is not a value this template gets; did you mean 'page.title'?",
            ], "\(errors)")
    }

    @Test func aListOrGroupBetweenBracesIsAnError() throws {
        let page = try Self.page(replacing: "{{page.title}}", with: "{{page.contents}}")
        let errors = try Self.site(templates: ["page": page.text]).failingBuild()
        #expect(errors == ["content/themes/default/templates/page.mustache:\(page.line):\(page.column): error: '{{page.contents}}' is a list, which shows nothing between {{ }}; go through it with {{#page.contents}}…{{/page.contents}}"])
    }

    @Test func aPartialIsCheckedWhereItIsIncluded() throws {
        // The same partial is right inside a table's rows (a row has `purpose`) and wrong in the page.
        let table = try Self.defaultTemplate("cookie-table").replacingOccurrences(of: "{{#rows}}", with: "{{#rows}}{{> row-note}}")
        let site = try Self.site(templates: ["cookie-table": table, "row-note": "<!-- {{purpose}} -->\n"])
        try site.build()
        let page = try Self.page(replacing: "{{page.title}}", with: "{{page.title}}{{> row-note}}")
        let wrong = try Self.site(templates: ["cookie-table": table, "row-note": "<!-- {{purpose}} -->\n", "page": page.text])
        #expect(
            wrong.failingBuild() == [
                "content/themes/default/templates/row-note.mustache:1:6: error: '{{purpose}}' is not a value this template gets"
                    + "; docs/themes.md lists what each template gets"
            ])
    }

    @Test func aTemplateAPageNamesGetsWhatThePageTemplateGets() throws {
        let landing = try Self.page(replacing: "{{page.title}}", with: "{{page.tilte}}").text
        let site = try Self.site(
            templates: ["landing": landing],
            pages: [
                "pages/index.md": "---\ntitle: Home\ntemplate: landing\n---\n\nWelcome.\n"
            ])
        let errors = site.failingBuild().filter { $0.contains(": error: ") }
        #expect(errors.count == 1 && errors[0].contains("templates/landing.mustache:") && errors[0].hasSuffix("did you mean 'page.title'?"), "\(errors)")
    }

    @Test func aTemplateNothingShowsIsAWarning() throws {
        let site = try Self.site(templates: ["sidebar": "<aside>{{site.title}}</aside>\n"])
        let report = try site.build()
        #expect(
            report.diagnostics.map(\.description).contains { $0.contains("templates/sidebar.mustache:1:1: warning: Notice never shows this template") },
            "\(report.diagnostics)")
    }

    @Test func theBuiltInThemeUsesOnlyNamesItIsGiven() throws {
        let report = try TempSite().build()
        #expect(!report.diagnostics.contains { $0.location?.path.hasSuffix(".mustache") == true })
    }

    /// docs/themes.md is the template API: every name a view gives is documented under its template.
    @Test func everyNameATemplateGetsIsInDocsThemes() throws {
        let docs = try String(contentsOf: TempSite.repositoryRoot.appendingPathComponent("docs/themes.md"), encoding: .utf8)
        func section(_ title: String) -> String {
            guard let start = docs.range(of: "\n## \(title)") else { return "" }
            let rest = docs[start.upperBound...]
            return String(rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)])
        }
        func names(_ schema: TemplateSchema) -> [String] {
            schema.names.flatMap { name, kind -> [String] in
                switch kind {
                case .view(let inner), .list(.view(let inner)): [name] + names(inner)
                default: [name]
                }
            }
        }
        var missing: [String] = []
        for (template, schema) in SiteBuilder.themeContract.templates {
            let consent = ConsentTemplate(rawValue: template) != nil
            let text = section(template == "page" ? "`page`" : consent ? "The consent templates" : "`\(template)`")
            #expect(!text.isEmpty, "docs/themes.md has no section for \(template)")
            for name in Set(names(schema)) where !text.contains("`\(name)`") && !text.contains(".\(name)`") && !text.contains("`\(name).") {
                missing.append("\(template): \(name)")
            }
        }
        let every = section("Every template")
        for name in ["strings", "site", "layout"] + names(TemplateGlobals.schema(strings: Strings())) where !every.contains(name) {
            missing.append("every template: \(name)")
        }
        #expect(missing.isEmpty, "undocumented: \(missing.sorted())")
    }
}
