/// Reads a machine lifetime out of a published duration, as one language writes it.
///
/// The published words are never changed: this only says what they mean, when that is clear. It scans
/// the text once, left to right, for the values it names — an amount (`90 days`, `1 year 6 months`,
/// `1.5 years`, `2 flynedd`), a range (`30 seconds to 1 year`, `1-2 years`, `between 1 day and 2 years`),
/// an upper bound (`up to 13 months`), the session (`when you close your browser`), no expiry, or "not
/// stated" — and takes the first value named as the lifetime; the rest of the words are a condition
/// (`removed when you sign out or after 30 days` reads 30 days, with a condition). Several different
/// amounts read as the range they span. A number with no unit, or no value at all, is not clear: the
/// reader then returns `nil`, and the registry asks the editor for `lifetime:`.
///
/// The cost is linear in the text's length.
struct DurationReader {
    let grammar: DurationGrammar

    /// A duration as read: its machine value, and whether the words add a condition to it.
    struct Reading: Equatable {
        var lifetime: CookieDuration
        /// The wording adds a condition ("renewed on each visit") that the machine value leaves out.
        var qualified: Bool
    }

    /// What the words mean, or `nil` when Notice cannot tell.
    func read(_ text: String) -> Reading? {
        let tokens = Self.tokens(of: text, clitics: grammar.clitics)
        guard !tokens.isEmpty else { return nil }
        // A cell of dashes alone ("-", "—") is a table's way of saying nothing is stated.
        if tokens.allSatisfy({ $0.text == "-" }) { return Reading(lifetime: .unknown, qualified: false) }
        var used = [Bool](repeating: false, count: tokens.count)
        var amounts: [(value: CookieDuration, at: Int)] = []
        var index = 0
        while index < tokens.count {
            if let (value, end) = expression(in: tokens, at: index) {
                amounts.append((value, index))
                for position in index..<end { used[position] = true }
                index = end
            } else {
                index += 1
            }
        }
        // A number that is not part of an amount ("90", "2 yeras", "Close browser 3") leaves the words unclear.
        if tokens.indices.contains(where: { !used[$0] && tokens[$0].isNumber }) { return nil }
        // So does a minus sign ("-3 days"), and a range whose ends are the wrong way round or equal ("2 years
        // to 1 day", "1 day to 1 day"): both ends were read as amounts, and only the joining word is left.
        if tokens.count > 1, tokens[0].text == "-", tokens[1].isNumber { return nil }
        let starts = Set(amounts.map(\.at))
        for index in tokens.indices.dropFirst().dropLast() where !used[index] && isRangeWord(tokens[index]) {
            if used[index - 1], starts.contains(index + 1) { return nil }
        }

        let words = tokens.indices.filter { !used[$0] && tokens[$0].isWord }.map { tokens[$0].text }
        let session = sessionPosition(in: tokens, used: used)
        let persistent = Self.position(of: grammar.persistent, in: tokens, used: used)
        let unknown = Self.position(of: grammar.unknown, in: tokens, used: used)

        if let first = amounts.first, session.map({ first.at < $0 }) ?? true {
            let value = amounts.dropFirst().reduce(first.value) { Self.span($0, $1.value) }
            let leftover = words.contains { !grammar.filler.contains($0) && !Self.isPrefixWord($0, grammar) }
            return Reading(lifetime: value, qualified: leftover || amounts.count > 1 || session != nil)
        }
        if session != nil {
            let vocabulary = grammar.session.union(grammar.browser).union(grammar.closing).union(grammar.sessionLinking)
            return Reading(lifetime: .session, qualified: !amounts.isEmpty || words.contains { !vocabulary.contains($0) })
        }
        if persistent != nil {
            let vocabulary = Set(grammar.persistent.joined()).union(grammar.statementLinking)
            return Reading(lifetime: .persistent, qualified: words.contains { !vocabulary.contains($0) })
        }
        if unknown != nil {
            let vocabulary = Set(grammar.unknown.joined()).union(grammar.statementLinking)
            return Reading(lifetime: .unknown, qualified: words.contains { !vocabulary.contains($0) })
        }
        return nil
    }

    // MARK: - Values

    /// A range, bound or amount starting at `index`, and where it ends.
    private func expression(in tokens: [Token], at index: Int) -> (CookieDuration, Int)? {
        // "between 1 day and 2 years"
        if tokens[index].isWord, grammar.between.contains(tokens[index].text),
            let (low, afterLow) = amount(in: tokens, at: index + 1), afterLow < tokens.count, grammar.and.contains(tokens[afterLow].text),
            let (high, end) = amount(in: tokens, at: afterLow + 1), let range = Self.range(low, high)
        {
            return (range, end)
        }
        // "from 1 hour to 1 day"
        if tokens[index].isWord, grammar.from.contains(tokens[index].text), let (range, end) = range(in: tokens, at: index + 1) {
            return (range, end)
        }
        // "up to 13 months", "less than 1 minute"
        for phrase in grammar.atMost where Self.matches(phrase, in: tokens, at: index) {
            if let (high, end) = amount(in: tokens, at: index + phrase.count) { return (.range(min: .zero, max: high), end) }
            if let (value, end) = range(in: tokens, at: index + phrase.count), case .range(_, let high) = value {
                return (.range(min: .zero, max: high), end)
            }
        }
        // "about 6 months", "after 8 months", "expires after 2 years": the amount itself.
        for phrase in grammar.about where Self.matches(phrase, in: tokens, at: index) {
            if let found = range(in: tokens, at: index + phrase.count) { return found }
            if let (value, end) = amount(in: tokens, at: index + phrase.count) { return (.fixed(value), end) }
        }
        if let found = range(in: tokens, at: index) { return found }
        if let (value, end) = amount(in: tokens, at: index) { return (.fixed(value), end) }
        return nil
    }

    /// `30 seconds to 1 year`, `1 day – 1 week`, `1-2 years`, `6 to 12 months`.
    private func range(in tokens: [Token], at index: Int) -> (CookieDuration, Int)? {
        // Two numbers sharing one unit: "1-2 years", "6 to 12 months".
        if let (low, afterLow) = number(in: tokens, at: index), afterLow < tokens.count, isRangeWord(tokens[afterLow]),
            let (high, afterHigh) = number(in: tokens, at: afterLow + 1), afterHigh < tokens.count, let unit = unit(tokens[afterHigh]),
            let lowValue = ISODuration(low, unit), let highValue = ISODuration(high, unit), let range = Self.range(lowValue, highValue)
        {
            return (range, afterHigh + 1)
        }
        guard let (low, afterLow) = amount(in: tokens, at: index), afterLow < tokens.count, isRangeWord(tokens[afterLow]),
            let (high, end) = amount(in: tokens, at: afterLow + 1), let range = Self.range(low, high)
        else { return nil }
        return (range, end)
    }

    private func isRangeWord(_ token: Token) -> Bool {
        token.text == "-" || (token.isWord && grammar.to.contains(token.text))
    }

    /// One or more number–unit pairs, each in a smaller unit than the one before: `1 year 6 months`,
    /// `2 hours and 30 minutes`, `half an hour`, `2 ddiwrnod`.
    private func amount(in tokens: [Token], at index: Int) -> (ISODuration, Int)? {
        guard let (first, firstUnit, afterFirst) = pair(in: tokens, at: index) else { return nil }
        var total = first
        var lastUnit = firstUnit
        var end = afterFirst
        while end < tokens.count {
            var next = end
            if grammar.and.contains(tokens[next].text) || tokens[next].text == "," { next += 1 }
            guard let (value, unit, after) = pair(in: tokens, at: next), unit < lastUnit else { break }
            total = total + value
            lastUnit = unit
            end = after
        }
        return (total, end)
    }

    /// One number and its unit.
    private func pair(in tokens: [Token], at index: Int) -> (ISODuration, DurationUnit, Int)? {
        guard index < tokens.count else { return nil }
        // "half an hour", "half a day", "hanner awr"
        if tokens[index].isWord, grammar.half.contains(tokens[index].text) {
            var next = index + 1
            if next < tokens.count, tokens[next].isWord, grammar.numbers[tokens[next].text] == 1 { next += 1 }
            if next < tokens.count, let unit = unit(tokens[next]), let value = ISODuration(0.5, unit) { return (value, unit, next + 1) }
            return nil
        }
        guard let (count, afterNumber) = number(in: tokens, at: index), afterNumber < tokens.count else { return nil }
        var unitIndex = afterNumber
        // "30-day", "a 13-month"
        if tokens[unitIndex].text == "-", unitIndex + 1 < tokens.count, unit(tokens[unitIndex + 1]) != nil { unitIndex += 1 }
        guard let unit = unit(tokens[unitIndex]), let value = ISODuration(count, unit) else { return nil }
        return (value, unit, unitIndex + 1)
    }

    private func number(in tokens: [Token], at index: Int) -> (Double, Int)? {
        guard index < tokens.count else { return nil }
        let token = tokens[index]
        if let value = token.number { return (value, index + 1) }
        if token.isWord, let value = grammar.numbers[token.text] { return (value, index + 1) }
        return nil
    }

    private func unit(_ token: Token) -> DurationUnit? {
        token.isWord ? grammar.units[token.text] : nil
    }

    /// Where the session is named: a session word, or a browser word with a closing word.
    private func sessionPosition(in tokens: [Token], used: [Bool]) -> Int? {
        var browser: Int?
        var closing: Int?
        for index in tokens.indices where !used[index] && tokens[index].isWord {
            let word = tokens[index].text
            if grammar.session.contains(word) { return index }
            if browser == nil, grammar.browser.contains(word) { browser = index }
            if closing == nil, grammar.closing.contains(word) { closing = index }
        }
        guard let browser, let closing else { return nil }
        return min(browser, closing)
    }

    private static func position(of phrases: [[String]], in tokens: [Token], used: [Bool]) -> Int? {
        for index in tokens.indices where !used[index] && tokens[index].isWord {
            if phrases.contains(where: { matches($0, in: tokens, at: index) }) { return index }
        }
        return nil
    }

    private static func matches(_ phrase: [String], in tokens: [Token], at index: Int) -> Bool {
        guard index + phrase.count <= tokens.count else { return false }
        for (offset, word) in phrase.enumerated() where tokens[index + offset].text != word { return false }
        return true
    }

    private static func isPrefixWord(_ word: String, _ grammar: DurationGrammar) -> Bool {
        grammar.about.contains { $0.contains(word) } || grammar.atMost.contains { $0.contains(word) }
            || grammar.between.contains(word) || grammar.from.contains(word) || grammar.to.contains(word) || grammar.and.contains(word)
    }

    private static func range(_ low: ISODuration, _ high: ISODuration) -> CookieDuration? {
        guard low.approximateSeconds < high.approximateSeconds else { return nil }
        return .range(min: low, max: high)
    }

    /// The range two values span together ("30 minutes, or 2 years if you tick 'remember me'").
    private static func span(_ a: CookieDuration, _ b: CookieDuration) -> CookieDuration {
        func bounds(_ value: CookieDuration) -> (ISODuration, ISODuration)? {
            switch value {
            case .fixed(let duration): return (duration, duration)
            case .range(let low, let high): return (low, high)
            default: return nil
            }
        }
        guard let (lowA, highA) = bounds(a), let (lowB, highB) = bounds(b) else { return a }
        let low = lowA.approximateSeconds <= lowB.approximateSeconds ? lowA : lowB
        let high = highA.approximateSeconds >= highB.approximateSeconds ? highA : highB
        return range(low, high) ?? .fixed(low)
    }

    // MARK: - Words

    struct Token {
        var text: String
        var number: Double?
        var isNumber: Bool { number != nil }
        var isWord: Bool { number == nil && text.first.map { $0.isLetter || $0 == "'" || $0 == "&" || $0 == "~" } == true }
    }

    /// Words (lowercase, `'` for every apostrophe, clitics split off), numbers (decimals allowed) and
    /// punctuation (`-` for every dash), in one pass. Quotation marks are dropped.
    static func tokens(of text: String, clitics: [String]) -> [Token] {
        var tokens: [Token] = []
        var word = ""
        var digits = ""
        func endWord() {
            guard !word.isEmpty else { return }
            if let clitic = clitics.first(where: { word.hasSuffix($0) && word.count > $0.count }) {
                tokens.append(Token(text: String(word.dropLast(clitic.count))))
                tokens.append(Token(text: clitic))
            } else if word.hasPrefix("'") || word.hasSuffix("'") {
                let trimmed = word.trimmingCharacters(in: ["'"])
                if !trimmed.isEmpty { tokens.append(Token(text: trimmed)) }
            } else {
                tokens.append(Token(text: word))
            }
            word = ""
        }
        func endNumber() {
            guard !digits.isEmpty else { return }
            if digits.hasSuffix(".") { digits.removeLast() }
            tokens.append(Token(text: digits, number: Double(digits)))
            digits = ""
        }
        var previous: Character = " "
        for character in text.lowercased() {
            defer { previous = character }
            if character.isASCII, character.isNumber {
                endWord()
                digits.append(character)
                continue
            }
            if character == ".", !digits.isEmpty, !digits.contains(".") {
                digits.append(character)
                continue
            }
            endNumber()
            switch character {
            case "'", "’", "‘", "`":
                // An apostrophe inside or at the end of a word is part of it (browser's, cau'r).
                if !word.isEmpty { word.append("'") }
            case "-" where !word.isEmpty && previous.isLetter:
                // session-only, yn-unig: one word, unless a unit follows (handled by the reader as `30-day`).
                word.append("-")
            case _ where character.isLetter || character == "/" && !word.isEmpty:
                word.append(character)
            case "-", "–", "—", "‑", "−":
                endWord()
                tokens.append(Token(text: "-"))
            case "&", "~":
                endWord()
                tokens.append(Token(text: String(character)))
            case "\"", "“", "”", "«", "»":
                endWord()
            case _ where character.isWhitespace:
                endWord()
            default:
                endWord()
                tokens.append(Token(text: String(character)))
            }
        }
        endWord()
        endNumber()
        // A hyphen glued to a word that precedes a unit or a number ("30-day" arrives as "30" "-day"):
        // split words that end in a hyphen.
        return tokens.flatMap { token -> [Token] in
            guard token.isWord, token.text.count > 1, token.text.hasSuffix("-") else { return [token] }
            return [Token(text: String(token.text.dropLast())), Token(text: "-")]
        }
    }
}

extension ISODuration {
    /// `count` of `unit`, a fraction carried into smaller units (1.5 years is 1 year 6 months, 2.5 days is 2
    /// days 12 hours, 0.5 seconds is 500 ms); `nil` for negative, huge or sub-millisecond values.
    init?(_ count: Double, _ unit: DurationUnit) {
        guard count >= 0, count < 1_000_000, count.isFinite else { return nil }
        var result = ISODuration.zero
        var remaining = count
        var current = unit
        while true {
            let whole = remaining.rounded(.down)
            let part = Int(whole)
            switch current {
            case .year: result.years += part
            case .month: result.months += part
            case .fortnight: result.weeks += 2 * part
            case .week: result.weeks += part
            case .day: result.days += part
            case .hour: result.hours += part
            case .minute: result.minutes += part
            case .second: result.milliseconds += 1_000 * part
            case .millisecond: result.milliseconds += part
            }
            remaining -= whole
            if remaining < 1e-9 { break }
            let (smaller, factor): (DurationUnit, Double)
            switch current {
            case .year: (smaller, factor) = (.month, 12)
            case .month: (smaller, factor) = (.day, 30)
            case .fortnight: (smaller, factor) = (.day, 14)
            case .week: (smaller, factor) = (.day, 7)
            case .day: (smaller, factor) = (.hour, 24)
            case .hour: (smaller, factor) = (.minute, 60)
            case .minute: (smaller, factor) = (.millisecond, 60_000)
            case .second: (smaller, factor) = (.millisecond, 1_000)
            case .millisecond: return nil
            }
            remaining *= factor
            // Rounding noise (0.1 × 12 = 1.2000000000000002) is not a real part.
            if abs(remaining - remaining.rounded()) < 1e-6 { remaining = remaining.rounded() }
            current = smaller
        }
        self = result
    }

    /// An ISO 8601 duration (`P90D`, `PT30M`, `P1Y6M`, `PT0.5S`, `P2W`), as `lifetime:` may give one.
    init?(iso text: String) {
        var characters = Substring(text.uppercased())
        guard characters.popFirst() == "P", !characters.isEmpty else { return nil }
        var result = ISODuration.zero
        var inTime = false
        var number = ""
        var sawPart = false
        for character in characters {
            if character == "T" {
                guard !inTime, number.isEmpty else { return nil }
                inTime = true
                continue
            }
            if character.isASCII, character.isNumber || character == "." {
                number.append(character)
                continue
            }
            guard let value = Double(number), number.count < 10 else { return nil }
            let unit: DurationUnit
            switch (character, inTime) {
            case ("Y", false): unit = .year
            case ("M", false): unit = .month
            case ("W", false): unit = .week
            case ("D", false): unit = .day
            case ("H", true): unit = .hour
            case ("M", true): unit = .minute
            case ("S", true): unit = .second
            default: return nil
            }
            guard let part = ISODuration(value, unit) else { return nil }
            result = result + part
            number = ""
            sawPart = true
        }
        guard number.isEmpty, sawPart else { return nil }
        self = result
    }
}
