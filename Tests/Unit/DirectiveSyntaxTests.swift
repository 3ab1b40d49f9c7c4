import Testing

@testable import NoticeKit

@Suite("Directive info strings")
struct DirectiveSyntaxTests {
    @Test func nameAndArguments() throws {
        let parsed = try DirectiveSyntax.parse(info: "cookie-table service=google-analytics").get()
        #expect(parsed.name == "cookie-table")
        #expect(parsed.arguments.map(\.key) == ["service"])
        #expect(parsed.arguments.map(\.value) == ["google-analytics"])
    }

    @Test func quotedValuesKeepTheirSpaces() throws {
        let parsed = try DirectiveSyntax.parse(info: "video  title=\"Our new  library\" url='https://x'").get()
        #expect(parsed.arguments.map(\.value) == ["Our new  library", "https://x"])
    }

    @Test func valuesMayContainEqualsSigns() throws {
        let parsed = try DirectiveSyntax.parse(info: "video url=https://example.com/?a=b").get()
        #expect(parsed.arguments.first?.value == "https://example.com/?a=b")
    }

    @Test func bareWordsAreFlags() throws {
        let parsed = try DirectiveSyntax.parse(info: "cookie-table all").get()
        #expect(parsed.arguments.map(\.key) == ["all"])
        #expect(parsed.arguments.map(\.value) == [""])
    }

    @Test func equalsWithoutAKeyIsAnError() {
        #expect(throws: DirectiveSyntaxError.self) { try DirectiveSyntax.parse(info: "cookie-table =google-analytics").get() }
    }

    @Test func unclosedQuoteIsAnError() {
        let result = DirectiveSyntax.parse(info: "cookie-table service=\"google")
        #expect(throws: DirectiveSyntaxError(message: "a quoted value is not closed; add the closing quote")) { try result.get() }
    }

    @Test func repeatedArgumentIsAnError() {
        #expect(throws: DirectiveSyntaxError.self) { try DirectiveSyntax.parse(info: "cookie-table service=a service=b").get() }
    }
}
