import Testing

@testable import NoticeKit

@Suite("Heading ids")
struct HeadingIDsTests {
    @Test(arguments: [
        ("Google Analytics", "google-analytics"),
        ("How we use cookies on www.kent.gov.uk", "how-we-use-cookies-on-www-kent-gov-uk"),
        ("Modern.Gov", "modern-gov"),
        ("What you’re told", "what-youre-told"),
        ("Cwcis â ffeiliau", "cwcis-a-ffeiliau"),
        ("  --Ask   a Kent Librarian!  ", "ask-a-kent-librarian"),
        ("2025 changes", "section-2025-changes"),
        ("***", "section"),
    ])
    func slugs(text: String, slug: String) {
        #expect(HeadingIDs.slug(text) == slug)
    }

    @Test func repeatsGetNumbersAndReservedIDsAreAvoided() {
        var ids = HeadingIDs(reserved: ["contents"])
        #expect(ids.id(for: "Cookies") == "cookies")
        #expect(ids.id(for: "Cookies") == "cookies-2")
        #expect(ids.id(for: "Cookies") == "cookies-3")
        #expect(ids.id(for: "Contents") == "contents-2")
    }
}
