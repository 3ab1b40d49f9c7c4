import Foundation

/// Reads the durations real cookie policies write ("Session", "90 days", "30 seconds to 1 year",
/// "Under 100ms", "After 8 months", "No expiry") into a ``CookieDuration``.
///
/// The grammar, case-insensitive, punctuation ignored:
/// - session: a phrase made only of session words (`session`, `browser`, `close`/`closes`/`closed`/`closing`,
///   `end`/`ends`, `quit`, `exit`) and linking words (`the`, `your`, `when`, `until`, `at`, `of`,
///   `expires`, `deleted`, `browsing`, `window`, `tab`, `only`, `cookie` …) that names the session, or a
///   browser together with its closing: `End of session`, `Expires at the end of the browsing session`,
///   `Deleted when you close the browser`, `Session only`, `Until you close your browser window`
/// - persistent: `No expiry`, `Never`, `Never expires`, `Does not expire`, `Persistent`
/// - unknown: a phrase of `not` with `stated`/`known`/`specified`/`disclosed`/`provided`/`given`, or
///   `unknown`/`varies`/`variable`/`unspecified`, with linking words: `Not stated`, `Expiry varies`
/// - an amount: one or more `NUMBER UNIT` parts (`1 year 6 months`, `2 hours and 30 minutes`), where NUMBER
///   is digits (decimals allowed for seconds: `0.5 seconds`), a word from `one` to `twelve`, or `a`/`an`,
///   and UNIT is millisecond/ms, second/sec/s, minute/min, hour/hr/h, day/d, week/wk, month/mo, year/yr/y
///   (singular or plural, with or without a space: `100ms`)
/// - an approximate amount: `After`, `Expires after`, `About`, `Approximately`, `Around` AMOUNT (the amount itself)
/// - an upper bound: `Under`, `Less than`, `Up to`, `Within` AMOUNT (a range from zero)
/// - a range: AMOUNT `to` AMOUNT, AMOUNT `-` AMOUNT, `Between` AMOUNT `and` AMOUNT, `From` AMOUNT `to` AMOUNT
/// - a qualified lifetime: any of the above, then a condition after a comma, a bracket or a semicolon, or
///   after a word that starts one (`rolling`, `renewed`, `or`, `from`, `after`, `until`, `unless` …):
///   `3 hours rolling, renewed on each visit`, `7 days, or until you sign out`, `1 year from when it is set`.
///   The leading amount is the structured value; the whole wording stays what tables show.
enum DurationParser {
    /// The forms listed in error messages.
    static let acceptedForms = "Session, When you close your browser, 90 days, 24 hours, 30 minutes, 13 months, 2 years, 1 year 6 months, Under 100ms, After 8 months, 30 seconds to 1 year, No expiry, or Not stated"

    /// Forms for "did you mean"; `#` stands for the editor's own number.
    static let suggestedForms = [
        "Session", "When you close your browser", "End of session", "# days", "# hours", "# minutes", "# seconds",
        "# weeks", "# months", "# years", "# year # months", "Under #ms", "After # months", "# seconds to # year",
        "No expiry", "Not stated",
    ]

    /// A duration as read: its structured value, and whether a condition followed it.
    struct Reading: Equatable {
        var lifetime: CookieDuration
        /// The wording adds a condition ("renewed on each visit") that the structured value leaves out.
        var qualified: Bool
    }

    /// The structured value of a duration, conditions left aside.
    static func parse(_ text: String) -> CookieDuration? {
        read(text)?.lifetime
    }

    /// Reads a duration: whole, or as a leading duration followed by a condition.
    static func read(_ text: String) -> Reading? {
        if let lifetime = parseWhole(text) { return Reading(lifetime: lifetime, qualified: false) }
        // A condition after punctuation: "7 days, or until you sign out", "30 minutes (renewed …)".
        if let cut = text.firstIndex(where: { ",;(".contains($0) }), cut != text.startIndex,
           let lifetime = parseWhole(String(text[..<cut])) {
            return Reading(lifetime: lifetime, qualified: true)
        }
        // A condition after a word that starts one: "1 year from when it is set".
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        for count in stride(from: words.count - 1, through: 1, by: -1) {
            let next = words[count].lowercased().trimmingCharacters(in: .punctuationCharacters)
            guard qualifierLeads.contains(next), let lifetime = parseWhole(words[..<count].joined(separator: " ")) else { continue }
            return Reading(lifetime: lifetime, qualified: true)
        }
        return nil
    }

    /// The accepted form nearest to an unreadable duration, with the editor's numbers kept.
    static func suggestion(for text: String) -> String? {
        var numbers: [String] = []
        let masked = mask(text.lowercased(), numbers: &numbers)
        guard let nearest = Spelling.nearest(to: masked, in: suggestedForms.map { $0.lowercased() }),
              let form = suggestedForms.first(where: { $0.lowercased() == nearest }) else { return nil }
        var filled = ""
        var remaining = numbers[...]
        for character in form {
            if character == "#" { filled += remaining.popFirst() ?? "1" } else { filled.append(character) }
        }
        return filled
    }

    /// Each run of digits becomes `#`, so that "45 dayz" is near "# days".
    private static func mask(_ text: String, numbers: inout [String]) -> String {
        var masked = "", number = ""
        for character in text + " " {
            if character.isNumber || (character == "." && !number.isEmpty) {
                number.append(character)
                continue
            }
            if !number.isEmpty {
                numbers.append(number)
                masked += "#"
                number = ""
            }
            masked.append(character)
        }
        return String(masked.dropLast())
    }

    private static let qualifierLeads: Set<String> = [
        "rolling", "renewed", "renews", "refreshed", "reset", "extended", "or", "from", "after", "since", "until",
        "unless", "each", "per", "on", "if", "when", "following", "then", "depending", "plus",
    ]

    private static func parseWhole(_ text: String) -> CookieDuration? {
        let normalized = text.lowercased()
            .replacingOccurrences(of: "–", with: " - ")
            .replacingOccurrences(of: "—", with: " - ")
            .trimmingSpaces
        let phrase = normalized.trimmingCharacters(in: CharacterSet(charactersIn: ".")).split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        if persistentPhrases.contains(phrase) { return .persistent }
        if !normalized.contains(where: \.isNumber) {
            let plainWords = normalized.split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "’" }).map(String.init)
            if isSessionPhrase(plainWords) { return .session }
            if isUnknownPhrase(plainWords) { return .unknown }
        }

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

    private static let sessionWords: Set<String> = ["session", "sessions"]
    private static let browserWords: Set<String> = ["browser", "browsers", "browser's", "browser’s"]
    private static let closingWords: Set<String> = [
        "close", "closes", "closed", "closing", "closure", "end", "ends", "ended", "quit", "quits", "exit", "exits",
    ]
    private static let sessionLinkingWords: Set<String> = [
        "the", "a", "your", "you", "when", "whenever", "until", "till", "at", "on", "upon", "of", "is", "are", "it",
        "its", "expires", "expire", "expiry", "deleted", "removed", "cleared", "erased", "lasts", "last", "only",
        "browsing", "web", "internet", "window", "windows", "tab", "tabs", "cookie", "cookies", "for", "this",
        "current", "duration", "length", "after", "once", "by", "user", "visit", "s",
    ]

    /// A phrase made only of session and linking words, naming the session or the browser's closing.
    private static func isSessionPhrase(_ words: [String]) -> Bool {
        guard !words.isEmpty else { return false }
        let vocabulary = sessionWords.union(browserWords).union(closingWords).union(sessionLinkingWords)
        guard words.allSatisfy(vocabulary.contains) else { return false }
        return words.contains(where: sessionWords.contains)
            || (words.contains(where: browserWords.contains) && words.contains(where: closingWords.contains))
    }

    private static let unknownWords: Set<String> = ["unknown", "varies", "variable", "unspecified", "undisclosed"]
    private static let notStatedWords: Set<String> = ["stated", "known", "specified", "disclosed", "provided", "given", "available", "published"]
    private static let unknownLinkingWords: Set<String> = [
        "not", "is", "it", "the", "duration", "expiry", "expiration", "lifetime", "length", "by", "provider",
        "supplier", "vendor", "yet", "currently", "period",
    ]

    /// "Not stated", "Unknown", "Expiry varies": the policy does not say how long.
    private static func isUnknownPhrase(_ words: [String]) -> Bool {
        guard !words.isEmpty, words.allSatisfy({ unknownWords.contains($0) || notStatedWords.contains($0) || unknownLinkingWords.contains($0) }) else {
            return false
        }
        return words.contains(where: unknownWords.contains) || (words.contains("not") && words.contains(where: notStatedWords.contains))
    }
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
