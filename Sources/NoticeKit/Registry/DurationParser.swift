import Foundation

/// Reads the durations real cookie policies write ("Session", "90 days", "30 seconds to 1 year",
/// "Under 100ms", "After 8 months", "No expiry") into a ``CookieDuration``.
///
/// The grammar, case-insensitive:
/// - session: `Session`, `Session cookie`, `End of session`, `Browser session`, `When you close your browser`,
///   `Until you close your browser`, `When the browser is closed`
/// - persistent: `No expiry`, `Never`, `Never expires`, `Does not expire`, `Persistent`
/// - an amount: one or more `NUMBER UNIT` parts (`1 year 6 months`, `2 hours and 30 minutes`), where NUMBER
///   is digits (decimals allowed for seconds: `0.5 seconds`), a word from `one` to `twelve`, or `a`/`an`,
///   and UNIT is millisecond/ms, second/sec/s, minute/min, hour/hr/h, day/d, week/wk, month/mo, year/yr/y
///   (singular or plural, with or without a space: `100ms`)
/// - an approximate amount: `After`, `Expires after`, `About`, `Approximately`, `Around` AMOUNT (the amount itself)
/// - an upper bound: `Under`, `Less than`, `Up to`, `Within` AMOUNT (a range from zero)
/// - a range: AMOUNT `to` AMOUNT, AMOUNT `-` AMOUNT, `Between` AMOUNT `and` AMOUNT, `From` AMOUNT `to` AMOUNT
enum DurationParser {
    /// The forms listed in error messages.
    static let acceptedForms = "Session, 90 days, 24 hours, 30 minutes, 13 months, 2 years, 1 year 6 months, Under 100ms, After 8 months, 30 seconds to 1 year, or No expiry"

    static func parse(_ text: String) -> CookieDuration? {
        let normalized = text.lowercased()
            .replacingOccurrences(of: "–", with: " - ")
            .replacingOccurrences(of: "—", with: " - ")
            .trimmingCharacters(in: .whitespaces)
        let phrase = normalized.trimmingCharacters(in: CharacterSet(charactersIn: ".")).split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        if sessionPhrases.contains(phrase) { return .session }
        if persistentPhrases.contains(phrase) { return .persistent }

        var words = tokens(phrase)
        guard !words.isEmpty else { return nil }
        // "Between X and Y", "From X to Y"
        if words.first == "between", let and = words.firstIndex(of: "and"),
           let low = amount(Array(words[1..<and])), let high = amount(Array(words[(and + 1)...])) {
            return range(low, high)
        }
        if words.first == "from" { words.removeFirst() }
        for separator in ["to", "-"] {
            if let index = words.firstIndex(of: separator),
               let low = amount(Array(words[..<index])), let high = amount(Array(words[(index + 1)...])) {
                return range(low, high)
            }
        }
        for prefix in upperBoundPrefixes {
            if words.starts(with: prefix), let high = amount(Array(words.dropFirst(prefix.count))) {
                return .range(min: .zero, max: high)
            }
        }
        for prefix in approximatePrefixes {
            if words.starts(with: prefix), let value = amount(Array(words.dropFirst(prefix.count))) {
                return .fixed(value)
            }
        }
        return amount(words).map(CookieDuration.fixed)
    }

    private static let sessionPhrases: Set<String> = [
        "session", "session cookie", "end of session", "end of the session", "browser session",
        "when you close your browser", "until you close your browser", "when the browser is closed",
        "when the browser closes", "until the browser is closed",
    ]
    private static let persistentPhrases: Set<String> = [
        "no expiry", "no expiry date", "never", "never expires", "does not expire", "persistent",
    ]
    private static let upperBoundPrefixes: [[String]] = [["under"], ["less", "than"], ["up", "to"], ["within"]]
    private static let approximatePrefixes: [[String]] = [["after"], ["about"], ["approximately"], ["around"], ["expires", "after"]]

    private static func range(_ low: ISODuration, _ high: ISODuration) -> CookieDuration? {
        guard low.approximateSeconds < high.approximateSeconds else { return nil }
        return .range(min: low, max: high)
    }

    /// Splits into words, separating numbers glued to units (`100ms` → `100 ms`) and dropping commas.
    private static func tokens(_ phrase: String) -> [String] {
        var words: [String] = []
        for raw in phrase.replacingOccurrences(of: ",", with: " ").split(separator: " ") {
            let word = String(raw)
            if let firstLetter = word.firstIndex(where: { $0.isLetter }), firstLetter != word.startIndex,
               word[..<firstLetter].allSatisfy({ $0.isNumber || $0 == "." }) {
                words.append(String(word[..<firstLetter]))
                words.append(String(word[firstLetter...]))
            } else {
                words.append(word)
            }
        }
        return words
    }

    /// `1 year 6 months`, `2 hours and 30 minutes`: one or more number–unit pairs.
    private static func amount(_ words: [String]) -> ISODuration? {
        let words = words.filter { $0 != "and" }
        guard !words.isEmpty, words.count % 2 == 0 else { return nil }
        var total = ISODuration.zero
        var index = 0
        while index < words.count {
            guard let number = number(words[index]), let unit = unit(words[index + 1]),
                  let part = duration(number, unit) else { return nil }
            total = total + part
            index += 2
        }
        return total
    }

    private static let numberWords = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    ]

    private static func number(_ word: String) -> Double? {
        if let value = numberWords[word] { return Double(value) }
        guard word.allSatisfy({ $0.isNumber || $0 == "." }), let value = Double(word), value >= 0 else { return nil }
        return value
    }

    private enum Unit { case millisecond, second, minute, hour, day, week, month, year }

    private static func unit(_ word: String) -> Unit? {
        switch word {
        case "ms", "millisecond", "milliseconds", "msec": return .millisecond
        case "s", "sec", "secs", "second", "seconds": return .second
        case "min", "mins", "minute", "minutes": return .minute
        case "h", "hr", "hrs", "hour", "hours": return .hour
        case "d", "day", "days": return .day
        case "wk", "wks", "week", "weeks": return .week
        case "mo", "mos", "month", "months": return .month
        case "y", "yr", "yrs", "year", "years": return .year
        default: return nil
        }
    }

    /// Whole numbers for every unit; fractions only where they stay exact in milliseconds.
    private static func duration(_ number: Double, _ unit: Unit) -> ISODuration? {
        func whole() -> Int? { number.rounded() == number && number < 1_000_000 ? Int(number) : nil }
        switch unit {
        case .millisecond: return whole().map { ISODuration(milliseconds: $0) }
        case .second:
            let milliseconds = number * 1000
            guard milliseconds.rounded() == milliseconds, milliseconds < 1e12 else { return nil }
            return ISODuration(milliseconds: Int(milliseconds))
        case .minute: return whole().map { ISODuration(minutes: $0) }
        case .hour: return whole().map { ISODuration(hours: $0) }
        case .day: return whole().map { ISODuration(days: $0) }
        case .week: return whole().map { ISODuration(weeks: $0) }
        case .month: return whole().map { ISODuration(months: $0) }
        case .year: return whole().map { ISODuration(years: $0) }
        }
    }
}
