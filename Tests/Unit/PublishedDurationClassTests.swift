import Testing

@testable import NoticeKit

/// The kinds of duration wording real published tables use that the whole-phrase grammar refused: each
/// kind is read (or knowingly left unread) by the scanning reader, never refused.
@Suite("Published durations, by kind")
struct PublishedDurationClassTests {
    static func read(_ text: String, _ grammars: [DurationGrammar] = [.english]) -> DurationParser.Reading? {
        DurationParser.read(text, grammars: grammars)
    }

    static func fixed(_ text: String, _ grammars: [DurationGrammar] = [.english]) -> String? {
        guard case .fixed(let value)? = read(text, grammars)?.lifetime else { return nil }
        return value.iso
    }

    @Test(arguments: [
        ("2 years duration", "P2Y"), ("13 months expiry", "P13M"), ("1 year lifetime", "P1Y"), ("30 minutes (duration)", "PT30M"),
        ("24 hours cookie", "PT24H"), ("Persistent - 2 years", "P2Y"), ("Expires: 1 year", "P1Y"),
    ])
    func aUnitFollowedByAWordSuchAsDuration(text: String, iso: String) throws {
        #expect(Self.fixed(text) == iso, "\(text)")
        #expect(Self.read(text)?.qualified == false, "'\(text)' adds no condition")
    }

    @Test(arguments: [
        "No expiration", "No expiration date", "Does not expire", "Doesn’t expire", "Permanent", "Indefinitely", "Until deleted",
        "Never", "No end date", "Persistent (no expiry)",
    ])
    func noExpiryPhrasedOtherWays(text: String) {
        #expect(Self.read(text)?.lifetime == .persistent, "\(text)")
    }

    @Test(arguments: [
        "\"Session\"", "'Session'", "Session (this cookie is deleted once you close the browser window)", "Session cookie - removed on exit",
        "Per session", "Session-only", "Browser session (temporary)", "This is a session cookie, which is removed when the browser is closed",
    ])
    func sessionPhrasesWithExtraWordsQuotesAndBrackets(text: String) {
        #expect(Self.read(text)?.lifetime == .session, "\(text)")
    }

    @Test(arguments: [
        ("Removed when you sign out or after 30 days", "P30D"), ("Deleted on logout, or after 90 days at the latest", "P90D"),
        ("If you don't return, after 6 months", "P6M"),
    ])
    func aConditionBeforeTheAmount(text: String, iso: String) throws {
        let reading = try #require(Self.read(text), "\(text)")
        #expect(reading.qualified)
        guard case .fixed(let value) = reading.lifetime else {
            Issue.record("\(text) should read as a fixed lifetime, not \(reading.lifetime)")
            return
        }
        #expect(value.iso == iso)
    }

    @Test(arguments: [
        ("About 1.5 years", "P1Y6M", nil), ("1.5 days", "P1DT12H", nil), ("0.5 - 1.5 years", "P6M", "P1Y6M"),
        ("About 18 - 24 months", "P18M", "P24M"), ("Approximately 1 to 2 years", "P1Y", "P2Y"), ("Up to 2.5 hours", "PT0S", "PT2H30M"),
        ("6-12 months", "P6M", "P12M"), ("half an hour", "PT30M", nil), ("ninety days", "P90D", nil), ("a fortnight", "P2W", nil),
    ])
    func rangesWithDecimalsAndAbout(text: String, low: String, high: String?) throws {
        let lifetime = try #require(Self.read(text)?.lifetime, "\(text)")
        switch lifetime {
        case .fixed(let value): #expect(high == nil && value.iso == low, "\(text)")
        case .range(let min, let max): #expect(min.iso == low && max.iso == high, "\(text)")
        default: Issue.record("\(text) read as \(lifetime)")
        }
    }

    @Test func severalAmountsReadAsTheRangeTheySpan() throws {
        let reading = try #require(Self.read("30 minutes, or 2 years if you tick 'remember me'"))
        #expect(reading.lifetime == .range(min: ISODuration(minutes: 30), max: ISODuration(years: 2)))
        #expect(reading.qualified)
    }

    @Test(arguments: [
        "As soon as it has been displayed", "Per the provider's policy", "See provider's website", "Depends on the provider",
        "Until the survey is completed", "Cleared once the form has been submitted",
    ])
    func wordsWithoutALifetimeAreLeftUnread(text: String) {
        // Not refused, not invented: the registry warns and asks for `lifetime:`.
        let reading = Self.read(text)
        #expect(reading == nil || reading?.lifetime == .unknown, "\(text) read as \(String(describing: reading))")
    }

    @Test func longTextsAreReadInLinearTime() {
        let long = String(repeating: "2 years and ", count: 100_000) + "2 years"
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = Self.read(long) }
        // Far above the linear figure (a few milliseconds): a quadratic reader takes minutes here.
        #expect(elapsed < .seconds(5))
    }

    // MARK: - Machine values

    @Test(arguments: [
        ("session", CookieDuration.session), ("persistent", .persistent), ("unknown", .unknown), ("2 years", .fixed(ISODuration(years: 2))),
        ("P90D", .fixed(ISODuration(days: 90))), ("PT30M", .fixed(ISODuration(minutes: 30))), ("P1Y6M", .fixed(ISODuration(years: 1, months: 6))),
        ("PT0.5S", .fixed(ISODuration(milliseconds: 500))), ("PT30S/P1Y", .range(min: ISODuration(milliseconds: 30_000), max: ISODuration(years: 1))),
        ("30 seconds to 1 year", .range(min: ISODuration(milliseconds: 30_000), max: ISODuration(years: 1))),
    ])
    func lifetimeValues(text: String, value: CookieDuration) {
        #expect(DurationParser.lifetime(text) == value, "\(text)")
    }

    @Test(arguments: ["shortly", "2 years, renewed on each visit", "P", "PT", "P1Y/P1D", "P1H", "2 flynedd ac ati"])
    func lifetimeValuesMustReadWhole(text: String) {
        #expect(DurationParser.lifetime(text) == nil, "\(text)")
    }

    // MARK: - Welsh

    static let welsh = DurationGrammar.forLanguage("cy")

    @Test(arguments: [
        ("1 flwyddyn", "P1Y"), ("2 flynedd", "P2Y"), ("5 mlynedd", "P5Y"), ("dwy flynedd", "P2Y"), ("blwyddyn", nil), ("13 mis", "P13M"),
        ("dau fis", "P2M"), ("6 mis", "P6M"), ("90 diwrnod", "P90D"), ("2 ddiwrnod", "P2D"), ("1 diwrnod", "P1D"), ("7 niwrnod", "P7D"),
        ("24 awr", "PT24H"), ("dwy awr", "PT2H"), ("30 munud", "PT30M"), ("dau funud", "PT2M"), ("1 wythnos", "P1W"), ("pythefnos", nil),
        ("30 eiliad", "PT30S"), ("hanner awr", "PT30M"), ("Ar ôl 8 mis", "P8M"), ("Tua 6 mis", "P6M"), ("Yn dod i ben ar ôl 2 flynedd", "P2Y"),
        ("1 flwyddyn a 6 mis", "P1Y6M"),
    ])
    func welshAmountsWithTheirMutations(text: String, iso: String?) throws {
        guard let iso else {
            // A unit without a number is not an amount.
            #expect(Self.read(text, Self.welsh) == nil || Self.fixed(text, Self.welsh) == nil, "\(text)")
            return
        }
        #expect(Self.fixed(text, Self.welsh) == iso, "\(text)")
    }

    @Test(arguments: [
        "Sesiwn", "Diwedd y sesiwn", "Cwci sesiwn", "Pan fyddwch yn cau eich porwr", "Pan fyddwch chi’n cau’r porwr", "Tan i chi gau eich porwr",
        "Pan fydd y porwr yn cau", "Sesiwn (caiff ei ddileu pan fyddwch yn cau eich porwr)",
    ])
    func welshSessionPhrases(text: String) {
        #expect(Self.read(text, Self.welsh)?.lifetime == .session, "\(text)")
    }

    @Test(arguments: ["Dim dyddiad dod i ben", "Nid yw’n dod i ben", "Byth", "Parhaol"])
    func welshNoExpiry(text: String) {
        #expect(Self.read(text, Self.welsh)?.lifetime == .persistent, "\(text)")
    }

    @Test(arguments: ["Heb ei nodi", "Anhysbys", "Yn amrywio", "Ddim yn hysbys"])
    func welshUnknownForms(text: String) {
        #expect(Self.read(text, Self.welsh)?.lifetime == .unknown, "\(text)")
    }

    @Test(arguments: [
        ("1 diwrnod i 2 flynedd", "P1D", "P2Y"), ("Rhwng 1 diwrnod a 2 flynedd", "P1D", "P2Y"), ("Hyd at 13 mis", "PT0S", "P13M"),
        ("Llai na 1 munud", "PT0S", "PT1M"), ("O 1 awr i 1 diwrnod", "PT1H", "P1D"),
    ])
    func welshRanges(text: String, low: String, high: String) throws {
        guard case .range(let min, let max)? = Self.read(text, Self.welsh)?.lifetime else {
            Issue.record("\(text) did not read as a range")
            return
        }
        #expect(min.iso == low && max.iso == high, "\(text)")
    }

    @Test func aWelshRegistryStillReadsEnglishWords() {
        // registry.yaml of a Welsh-only site may be in English, with the Welsh words in registry.cy.yaml.
        #expect(Self.fixed("2 years", Self.welsh) == "P2Y")
        #expect(Self.read("Session", Self.welsh)?.lifetime == .session)
    }

    @Test func welshSuggestionsKeepTheEditorsNumber() {
        #expect(DurationParser.suggestion(for: "2 flynned", grammars: Self.welsh) == "2 flynedd")
    }
}
