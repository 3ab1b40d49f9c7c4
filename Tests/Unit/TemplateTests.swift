import Foundation
import PropertyBased
import Testing

@testable import NoticeKit

/// Notice's Mustache: the behaviour of the Mustache specification (interpolation, sections, inverted
/// sections, comments, partials, delimiters, standalone lines) on typed template values.
@Suite("Templates")
struct TemplateTests {
    static func render(_ source: String, _ values: [String: TemplateValue] = [:], partials: [String: String] = [:]) throws -> String? {
        var library = TemplateLibrary()
        try library.add(source, named: "test")
        for (name, partial) in partials { try library.add(partial, named: name) }
        _ = library.missingPartials()
        return library.render("test", [.view(TemplateDictionary(values))])
    }

    static func view(_ values: [String: TemplateValue]) -> TemplateValue { .view(TemplateDictionary(values)) }

    @Test func valuesAreEscapedUnlessTripleOrAmpersand() throws {
        let values: [String: TemplateValue] = ["x": .text("<b>\"&'")]
        #expect(try Self.render("{{x}}|{{{x}}}|{{& x}}|{{ x }}", values) == "&lt;b&gt;&quot;&amp;&#39;|<b>\"&'|<b>\"&'|&lt;b&gt;&quot;&amp;&#39;")
        #expect(try Self.render("a{{missing}}b") == "ab")
        #expect(try Self.render("{{flag}}", ["flag": .flag(true)]) == "true")
    }

    @Test func dottedNamesLookOutwardOnlyForTheirFirstPart() throws {
        let values: [String: TemplateValue] = [
            "a": Self.view(["b": Self.view(["c": .text("deep")])]),
            "outer": .text("out"),
            "list": .list([Self.view(["name": .text("one")]), Self.view(["outer": .text("inner")])]),
        ]
        #expect(try Self.render("{{a.b.c}}|{{a.x.c}}", values) == "deep|")
        #expect(try Self.render("{{#list}}{{name}}:{{outer}};{{/list}}", values) == "one:out;:inner;")
        #expect(try Self.render("{{#a}}{{#b}}{{c}}{{/b}}{{/a}}", values) == "deep")
    }

    @Test func sectionsRepeatShowOnceOrHide() throws {
        let values: [String: TemplateValue] = [
            "yes": .flag(true), "no": .flag(false), "empty": .list([]),
            "items": .list([.text("a"), .text("<b>")]), "text": .text("t"),
        ]
        #expect(try Self.render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#empty}}E{{/empty}}{{#missing}}M{{/missing}}", values) == "Y")
        #expect(try Self.render("{{^yes}}Y{{/yes}}{{^no}}N{{/no}}{{^empty}}E{{/empty}}{{^missing}}M{{/missing}}", values) == "NEM")
        #expect(try Self.render("{{#items}}({{.}}){{/items}}", values) == "(a)(&lt;b&gt;)")
        #expect(try Self.render("{{#text}}[{{.}}]{{/text}}", values) == "[t]")
    }

    @Test func standaloneTagsTakeTheirWholeLine() throws {
        let values: [String: TemplateValue] = ["boolean": .flag(true)]
        #expect(try Self.render("| This Is\n{{#boolean}}\n|\n{{/boolean}}\n| A Line\n", values) == "| This Is\n|\n| A Line\n")
        #expect(try Self.render("| This Is\n  {{#boolean}}\n|\n  {{/boolean}}\n| A Line\n", values) == "| This Is\n|\n| A Line\n")
        #expect(try Self.render("|\r\n{{#boolean}}\r\n{{/boolean}}\r\n|", values) == "|\r\n|")
        #expect(try Self.render("  {{#boolean}}\n#{{/boolean}}\n/", values) == "#\n/")
        #expect(try Self.render("#{{#boolean}}\n/\n  {{/boolean}}", values) == "#\n/\n")
        #expect(try Self.render("Begin.\n{{! Comment Block! }}\nEnd.\n") == "Begin.\nEnd.\n")
        #expect(try Self.render("Begin.\n{{!\n  Something's going on here...\n}}\nEnd.\n") == "Begin.\nEnd.\n")
        // A tag among other text keeps its line.
        #expect(try Self.render(" | {{#boolean}} {{! Important Whitespace }}\n {{/boolean}} | \n", values) == " |  \n  | \n")
        #expect(try Self.render("  {{name}}\n", ["name": .text("x")]) == "  x\n")
    }

    @Test func partialsShareTheContextAndTakeTheirIndentation() throws {
        let values: [String: TemplateValue] = ["content": .text("<\n->"), "name": .text("N")]
        #expect(try Self.render("\"{{>text}}\"", values, partials: ["text": "*{{name}}*"]) == "\"*N*\"")
        #expect(try Self.render("\\\n {{>partial}}\n/\n", values, partials: ["partial": "|\n{{{content}}}\n|\n"]) == "\\\n |\n <\n->\n |\n/\n")
        #expect(try Self.render(">\n  {{>partial}}", values, partials: ["partial": ">\n>"]) == ">\n  >\n  >")
    }

    @Test func delimitersCanChange() throws {
        let values: [String: TemplateValue] = ["text": .text("Hey!"), "data": .text("I got interpolated."), "section": .flag(true)]
        #expect(try Self.render("{{=<% %>=}}(<%text%>)", values) == "(Hey!)")
        // Delimiters set outside sections persist; the line that changes them goes.
        let source = "[\n{{#section}}\n  {{data}}\n  |data|\n{{/section}}\n\n{{= | | =}}\n|#section|\n  {{data}}\n  |data|\n|/section|\n]\n"
        #expect(try Self.render(source, values) == "[\n  I got interpolated.\n  |data|\n\n  {{data}}\n  I got interpolated.\n]\n")
    }

    @Test(arguments: [
        ("{{#a}}x", 1, 1, "the section {{#a}} is never closed"),
        ("line\n  {{#a}}x{{/b}}", 2, 10, "{{/b}} closes 'b', but the section open here is 'a'"),
        ("{{/a}}", 1, 1, "closes a section that was never opened"),
        ("ab {{x", 1, 4, "is not closed"),
        ("{{{x}}", 1, 1, "is not closed; end it with }}}"),
        ("{{}}", 1, 1, "a tag with no name"),
        ("{{a b}}", 1, 1, "'a b' is not a name"),
        ("{{a..b}}", 1, 1, "'a..b' is not a name"),
        ("é {{<parent}}{{/parent}}", 1, 3, "template inheritance"),
        ("{{% PRAGMA }}", 1, 1, "pragmas"),
        ("{{=<%>=}}", 1, 1, "a delimiter change is written"),
        ("{{> }}", 1, 1, "needs the name of the template"),
    ])
    func mistakesAreReportedWithTheirPosition(source: String, line: Int, column: Int, message: String) {
        #expect(throws: TemplateSyntaxError.self) { try Template(source) }
        do {
            _ = try Template(source)
        } catch {
            #expect(error.line == line)
            #expect(error.column == column)
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func aPartialThatIncludesItselfStopsRatherThanCrash() throws {
        var library = TemplateLibrary()
        try library.add("a{{> loop}}", named: "loop")
        #expect(library.missingPartials().isEmpty)
        #expect(library.render("loop", []) == nil)
    }

    @Test func missingPartialsAreListedWithTheirPosition() throws {
        var library = TemplateLibrary()
        try library.add("x\n  {{> footr}}\n", named: "page")
        try library.add("f", named: "footer")
        let missing = library.missingPartials()
        #expect(missing.count == 1)
        #expect(missing.first?.template == "page")
        #expect(missing.first?.partial == "footr")
        #expect(missing.first?.line == 2)
        #expect(missing.first?.column == 3)
    }

    /// The theme's texts become nested values: `strings.page.lastUpdated`, lists of texts.
    @Test func stringsBecomeNestedValues() throws {
        let strings = Strings(["page.lastUpdated": .text("Last updated"), "date.months": .list(["Jan", "Feb"]), "page": .text("shadowed")])
        var library = TemplateLibrary()
        try library.add("{{strings.page.lastUpdated}}|{{#strings.date.months}}{{.}},{{/strings.date.months}}", named: "t")
        #expect(library.render("t", [Self.view(["strings": strings.templateValue])]) == "Last updated|Jan,Feb,")
    }

    static let pieces = ["{{", "}}", "{{{", "}}}", "#", "^", "/", "!", ">", "&", "=", "a", ".", " ", "\n", "\r", "x", "é", "<% %>", "{{#a}}", "{{/a}}"]

    /// Any text either compiles and renders, or gives a mistake at a position inside the text.
    @Test func anyTextCompilesOrGivesAPosition() async {
        await propertyCheck(count: 3_000, input: Gen.int(in: 0...(Self.pieces.count - 1)).map { Self.pieces[$0] }.array(of: 0...14).map { (pieces: [String]) -> String in pieces.joined() }) { (source: String) in
            do throws(TemplateSyntaxError) {
                var library = TemplateLibrary()
                try library.add(source, named: "a")
                _ = library.missingPartials()
                _ = library.render("a", [Self.view(["a": .list([.text("1"), .flag(true)])])])
            } catch {
                let lines = source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
                #expect(error.line >= 1 && error.line <= lines, "\(source.debugDescription): \(error)")
                #expect(error.column >= 1, "\(source.debugDescription): \(error)")
            }
        }
    }
}
