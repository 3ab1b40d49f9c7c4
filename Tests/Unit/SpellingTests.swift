import Testing

@testable import NoticeKit

@Suite("Did-you-mean suggestions")
struct SpellingTests {
    @Test func suggestsCloseWords() {
        #expect(Spelling.nearest(to: "purpse", in: ["purpose", "duration"]) == "purpose")
        #expect(Spelling.nearest(to: "Duraton", in: ["purpose", "duration"]) == "duration")
        #expect(Spelling.nearest(to: "cookie-tabel", in: ["cookie-table"]) == "cookie-table")
        #expect(Spelling.nearest(to: "analytcs", in: ["analytics", "functional"]) == "analytics")
    }

    @Test func suggestsTheLongerWordAWordBegins() {
        #expect(Spelling.nearest(to: "analytics", in: ["analytics-cookies", "strictly-necessary-cookies"]) == "analytics-cookies")
        #expect(Spelling.nearest(to: "an", in: ["analytics-cookies"]) == nil, "too short to guess from")
    }

    @Test func staysQuietWhenNothingIsClose() {
        #expect(Spelling.nearest(to: "swift", in: ["cookie-table"]) == nil)
        #expect(Spelling.nearest(to: "zzz", in: ["id", "title"]) == nil)
    }

    @Test func transpositionCountsAsOneEdit() {
        #expect(Spelling.editDistance("tilte", "title") == 1)
        #expect(Spelling.editDistance("", "abc") == 3)
    }
}
