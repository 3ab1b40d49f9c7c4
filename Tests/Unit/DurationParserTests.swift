import Testing
@testable import NoticeKit

@Suite("Durations")
struct DurationParserTests {
    /// Every duration written in Kent County Council's policy, and what it means.
    @Test(arguments: [
        ("90 days", "P90D"), ("24 hours", "PT24H"), ("1 minute", "PT1M"), ("365 days", "P365D"), ("30 minutes", "PT30M"),
        ("30 Minutes", "PT30M"), ("5 minutes", "PT5M"), ("After 8 months", "P8M"),
    ])
    func seedFixedDurations(text: String, iso: String) {
        #expect(DurationParser.parse(text) == .fixed(Self.iso(iso)))
        if case .fixed(let value)? = DurationParser.parse(text) { #expect(value.iso == iso) }
    }

    @Test func seedSessionAndRanges() {
        #expect(DurationParser.parse("Session") == .session)
        #expect(DurationParser.parse("30 seconds to 1 year") == .range(min: ISODuration(milliseconds: 30_000), max: ISODuration(years: 1)))
        #expect(DurationParser.parse("Under 100ms") == .range(min: .zero, max: ISODuration(milliseconds: 100)))
    }

    @Test(arguments: [
        "When you close your browser", "session", "End of session", "Until you close your browser", "Browser session.",
    ])
    func sessionPhrases(text: String) {
        #expect(DurationParser.parse(text) == .session)
    }

    @Test(arguments: ["No expiry", "Persistent", "never expires", "Does not expire"])
    func persistentPhrases(text: String) {
        #expect(DurationParser.parse(text) == .persistent)
    }

    @Test(arguments: [
        ("13 months", "P13M"), ("2 years", "P2Y"), ("1 year 6 months", "P1Y6M"), ("2 hours and 30 minutes", "PT2H30M"),
        ("a year", "P1Y"), ("one week", "P1W"), ("0.5 seconds", "PT0.5S"), ("100ms", "PT0.1S"), ("1500 ms", "PT1.5S"),
        ("About 6 months", "P6M"), ("10 yrs", "P10Y"), ("2d", "P2D"), ("Expires after 2 years", "P2Y"),
    ])
    func otherAmounts(text: String, iso: String) throws {
        guard case .fixed(let value)? = DurationParser.parse(text) else {
            Issue.record("\(text) did not parse as a fixed duration")
            return
        }
        #expect(value.iso == iso)
    }

    @Test(arguments: [
        ("Between 1 day and 2 years", "P1D", "P2Y"), ("1 - 2 years", nil, nil), ("1 day – 1 week", "P1D", "P1W"),
        ("Less than 1 minute", "PT0S", "PT1M"), ("Up to 13 months", "PT0S", "P13M"), ("From 1 hour to 1 day", "PT1H", "P1D"),
    ])
    func ranges(text: String, low: String?, high: String?) {
        let parsed = DurationParser.parse(text)
        guard let low, let high else {
            #expect(parsed == nil, "a range needs a unit on both ends")
            return
        }
        guard case .range(let min, let max)? = parsed else {
            Issue.record("\(text) did not parse as a range")
            return
        }
        #expect(min.iso == low)
        #expect(max.iso == high)
    }

    @Test(arguments: ["", "soon", "90", "days 90", "3 fortnights", "2 years to 1 day", "1.5 days", "-3 days", "ninety days"])
    func rejected(text: String) {
        #expect(DurationParser.parse(text) == nil)
    }

    @Test func isoTextForZeroAndMixedParts() {
        #expect(ISODuration.zero.iso == "PT0S")
        #expect(ISODuration(years: 1, days: 2, hours: 3, milliseconds: 4_050).iso == "P1Y2DT3H4.05S")
    }

    static func iso(_ text: String) -> ISODuration {
        switch text {
        case "P90D": return ISODuration(days: 90)
        case "PT24H": return ISODuration(hours: 24)
        case "PT1M": return ISODuration(minutes: 1)
        case "P365D": return ISODuration(days: 365)
        case "PT30M": return ISODuration(minutes: 30)
        case "PT5M": return ISODuration(minutes: 5)
        case "P8M": return ISODuration(months: 8)
        default: return .zero
        }
    }
}
