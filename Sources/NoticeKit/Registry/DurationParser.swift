/// Durations as registries write them: the published words read into a machine lifetime, in the
/// registry's language (``DurationGrammar``), and the machine value `lifetime:` gives in its own field.
enum DurationParser {
    /// The forms listed in messages about `lifetime:`.
    static let lifetimeForms = "session, persistent, unknown, an amount such as 90 days or 2 years, a range such as 30 seconds to 1 year, or ISO 8601 such as P90D"

    typealias Reading = DurationReader.Reading

    /// What published words mean, read with the first grammar that finds a value in them.
    static func read(_ text: String, grammars: [DurationGrammar] = [.english]) -> Reading? {
        // A duration is a short phrase; a longer text is read from its start, which keeps the cost bounded.
        let text = text.utf8.count > maximumLength ? String(decoding: text.utf8.prefix(maximumLength), as: UTF8.self) : text
        for grammar in grammars {
            if let reading = DurationReader(grammar: grammar).read(text) { return reading }
        }
        return nil
    }

    /// The machine value of published words, conditions left aside.
    static func parse(_ text: String, grammars: [DurationGrammar] = [.english]) -> CookieDuration? {
        read(text, grammars: grammars)?.lifetime
    }

    /// The longest text read: a published duration is a phrase, and a value past this is not one.
    static let maximumLength = 2_000

    /// A `lifetime:` value: the machine value itself, so it must read whole, with no condition, in the
    /// documented grammar (English words, or ISO 8601: `P90D`, `PT30S/P1Y`).
    static func lifetime(_ text: String) -> CookieDuration? {
        let trimmed = text.trimmingSpaces
        let characters = Array(trimmed.uppercased().prefix(2))
        if characters.count == 2, characters[0] == "P", characters[1].isNumber || characters[1] == "T" {
            let ends = trimmed.split(separator: "/", omittingEmptySubsequences: false)
            switch ends.count {
            case 1: return ISODuration(iso: String(ends[0])).map(CookieDuration.fixed)
            case 2:
                guard let low = ISODuration(iso: String(ends[0])), let high = ISODuration(iso: String(ends[1])),
                    low.approximateSeconds < high.approximateSeconds
                else { return nil }
                return .range(min: low, max: high)
            default: return nil
            }
        }
        guard trimmed.utf8.count <= 200, let reading = DurationReader(grammar: .english).read(trimmed), !reading.qualified else { return nil }
        return reading.lifetime
    }

    /// The form nearest to an unreadable duration, with the editor's numbers kept: "did you mean '45 days'?".
    static func suggestion(for text: String, grammars: [DurationGrammar] = [.english]) -> String? {
        guard text.utf8.count <= 200 else { return nil }
        var numbers: [String] = []
        let masked = mask(text.lowercased(), numbers: &numbers)
        let forms = grammars.flatMap(\.suggestedForms)
        guard let nearest = Spelling.nearest(to: masked, in: forms.map { $0.lowercased() }),
            let form = forms.first(where: { $0.lowercased() == nearest })
        else { return nil }
        var filled = ""
        var remaining = numbers[...]
        for character in form {
            if character == "#" { filled += remaining.popFirst() ?? "1" } else { filled.append(character) }
        }
        return filled
    }

    /// Each run of digits becomes `#`, so that "45 dayz" is near "# days".
    private static func mask(_ text: String, numbers: inout [String]) -> String {
        var masked = ""
        var number = ""
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
}
