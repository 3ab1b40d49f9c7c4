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

    /// A range must end after it starts: equal ends are not a range, in words or in ISO 8601, however the
    /// ends are written. (Break: the range check accepting equal ends.)
    @Test(arguments: ["1 year to 1 year", "12 months to 12 months", "between 2 days and 48 hours", "P1Y/P1Y", "P2D/PT48H", "30 days - 30 days"])
    func aRangeWhoseEndsAreEqualIsNoRange(text: String) {
        if case .range = DurationParser.parse(text) {
            Issue.record("'\(text)' was read as a range, though its ends are equal")
        }
        if case .range = DurationParser.lifetime(text) {
            Issue.record("'\(text)' was taken as a lifetime range, though its ends are equal")
        }
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
        ("Between 1 day and 2 years", "P1D", "P2Y"), ("1 - 2 years", "P1Y", "P2Y"), ("1 day – 1 week", "P1D", "P1W"),
        ("Less than 1 minute", "PT0S", "PT1M"), ("Up to 13 months", "PT0S", "P13M"), ("From 1 hour to 1 day", "PT1H", "P1D"),
    ])
    func ranges(text: String, low: String?, high: String?) {
        let parsed = DurationParser.parse(text)
        guard let low, let high else {
            #expect(parsed == nil, "a range must end after it starts")
            return
        }
        guard case .range(let min, let max)? = parsed else {
            Issue.record("\(text) did not parse as a range")
            return
        }
        #expect(min.iso == low)
        #expect(max.iso == high)
    }

    @Test(arguments: ["", "soon", "90", "days 90", "2 years to 1 day", "1 day to 1 day", "1 day - 1 day", "-3 days", "2 yeras"])
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

/// Durations as other UK public bodies' published tables write them (issue: tables entered as written).
@Suite("Durations as published tables write them")
struct PublishedDurationTests {
    @Test(arguments: [
        "End of session", "Expires at the end of the browsing session", "Deleted when you close the browser", "Session only",
        "Until you close your browser window", "When you close your browser", "Session cookie", "Browser session",
        "Until the browser is closed", "On browser close", "When the browser closes", "Expires when the browser is closed",
        "Removed when you close your web browser", "End of browser session", "Deleted at the end of your session",
        "Until you close the browser tab", "Lasts until the end of the session", "When your browsing session ends",
        "Session (deleted when you close your browser)", "Expires at end of session", "When browser is closed.",
    ])
    func theSessionFamilyIsReadByGrammar(text: String) {
        #expect(DurationParser.read(text)?.lifetime == .session, "\(text)")
        #expect(DurationParser.read(text)?.qualified == false)
    }

    @Test(arguments: ["Close", "Browser", "When you close the door", "End", "Until you close your account"])
    func wordsNearTheFamilyAreNotSessions(text: String) {
        #expect(DurationParser.read(text)?.lifetime != .session, "\(text)")
    }

    @Test(arguments: [
        ("3 hours rolling, renewed on each visit", "PT3H"), ("7 days, or until you sign out", "P7D"),
        ("1 year from when it is set", "P1Y"), ("30 minutes (renewed on every page view)", "PT30M"),
        ("2 years; reset when you log in", "P2Y"), ("24 hours after your last visit", "PT24H"),
        ("13 months from the date of your last visit", "P13M"), ("90 days unless you clear your cookies", "P90D"),
    ])
    func lifetimesWithConditionsKeepTheirLeadingAmount(text: String, iso: String) throws {
        let reading = try #require(DurationParser.read(text), "\(text)")
        #expect(reading.qualified, "\(text) is qualified")
        guard case .fixed(let value) = reading.lifetime else {
            Issue.record("\(text) should be a fixed duration")
            return
        }
        #expect(value.iso == iso)
    }

    @Test func aQualifiedRangeAndSession() throws {
        let range = try #require(DurationParser.read("1 day to 1 week, depending on your settings"))
        #expect(range.qualified)
        #expect(range.lifetime == .range(min: ISODuration(days: 1), max: ISODuration(weeks: 1)))
        let session = try #require(DurationParser.read("Session, or 30 minutes of inactivity"))
        #expect(session.lifetime == .session && session.qualified)
    }

    @Test(arguments: [
        "Not stated", "Unknown", "Varies", "Not known", "Not specified", "Variable", "Unspecified", "Duration not stated",
        "Expiry not specified", "Not disclosed by the provider", "Expiry varies", "unknown.",
    ])
    func undeclaredDurationsAreUnknownNotInvented(text: String) {
        #expect(DurationParser.read(text)?.lifetime == .unknown, "\(text)")
    }

    @Test func unreadableDurationsSuggestTheNearestForm() {
        #expect(DurationParser.suggestion(for: "When you clse your browsr") == "When you close your browser")
        #expect(DurationParser.suggestion(for: "90 dayz") == "90 days")
        #expect(DurationParser.suggestion(for: "Not staed") == "Not stated")
        #expect(DurationParser.suggestion(for: "xyzzy plugh") == nil)
    }

    @Test(arguments: ["soon", "days 90", "Close browser 3", "per the provider's policy", "As soon as it has been displayed"])
    func stillRejected(text: String) {
        #expect(DurationParser.read(text) == nil, "\(text)")
    }
}
