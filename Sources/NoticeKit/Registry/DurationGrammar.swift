/// The words one language uses to say how long a cookie lasts: what ``DurationReader`` reads a
/// published duration with. A grammar is data, one value per language; adding a language means adding
/// one more value here and naming it in ``forLanguage(_:)`` (docs/registry.md, "Durations in other
/// languages").
///
/// Every word is written in lowercase, with `'` for any apostrophe; forms that a language changes after
/// numbers (Welsh mutations: blwyddyn, flwyddyn, blynedd, flynedd, mlynedd) are each listed.
public struct DurationGrammar: Sendable {
    /// The language's primary tag (`en`, `cy`).
    public let language: String
    /// Unit words, every form: `days`, `d`, `flynedd`.
    let units: [String: DurationUnit]
    /// Numbers written as words: `one`, `a`, `dwy`, `deg`.
    let numbers: [String: Double]
    /// A word meaning "half", read as 0.5 when a unit (or `a`/`an` and a unit) follows: "half an hour", "hanner awr".
    let half: Set<String>
    /// Words joining the parts of one amount ("1 year and 6 months") and the ends of a `between` range.
    let and: Set<String>
    /// Words between the two ends of a range ("30 seconds to 1 year"); `-` always is one.
    let to: Set<String>
    /// Words that open a range whose ends are joined by ``and``: "between".
    let between: Set<String>
    /// Words that open a range whose ends are joined by ``to``: "from".
    let from: Set<String>
    /// Phrases before an amount that make it an upper bound, a range from zero: "up to", "less than".
    let atMost: [[String]]
    /// Phrases before an amount that leave it as it is: "about", "after", "expires after".
    let about: [[String]]
    /// Words that are part of saying a lifetime and add no condition to it ("duration", "expires").
    let filler: Set<String>
    /// Words naming the session itself.
    let session: Set<String>
    /// Words naming the browser, which together with a closing word mean the session.
    let browser: Set<String>
    let closing: Set<String>
    /// Words that may stand in a session phrase without adding a condition ("when you close your browser").
    let sessionLinking: Set<String>
    /// Phrases saying the item never expires.
    let persistent: [[String]]
    /// Phrases saying the duration is not known or not stated.
    let unknown: [[String]]
    /// Words that may stand with a persistent or unknown phrase without adding a condition.
    let statementLinking: Set<String>
    /// Endings a word loses before reading (`cau'r` is `cau`): Welsh writes some short words onto the
    /// word before them.
    let clitics: [String]
    /// Forms offered in "did you mean"; `#` stands for the editor's own number.
    let suggestedForms: [String]

    /// The grammars a registry in `language` is read with: its own, then English (a Welsh site's
    /// registry.yaml may well be written in English, with its Welsh words in registry.cy.yaml).
    public static func forLanguage(_ language: String) -> [DurationGrammar] {
        let primary = language.split(separator: "-").first.map { $0.lowercased() } ?? language.lowercased()
        switch primary {
        case "cy": return [.welsh, .english]
        default: return [.english]
        }
    }

    /// Every grammar Notice has, for values that are machine values whatever the language.
    public static let all: [DurationGrammar] = [.english, .welsh]
}

/// The units a duration can be counted in, smallest first.
enum DurationUnit: Int, Sendable, CaseIterable, Comparable {
    case millisecond, second, minute, hour, day, week, fortnight, month, year

    static func < (lhs: DurationUnit, rhs: DurationUnit) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension DurationGrammar {
    public static let english = DurationGrammar(
        language: "en",
        units: words([
            .millisecond: ["ms", "msec", "msecs", "millisecond", "milliseconds"],
            .second: ["s", "sec", "secs", "second", "seconds"],
            .minute: ["min", "mins", "minute", "minutes"],
            .hour: ["h", "hr", "hrs", "hour", "hours"],
            .day: ["d", "day", "days"],
            .week: ["w", "wk", "wks", "week", "weeks"],
            .fortnight: ["fortnight", "fortnights"],
            .month: ["mo", "mos", "mth", "mths", "month", "months"],
            .year: ["y", "yr", "yrs", "year", "years"],
        ]),
        numbers: [
            "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
            "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
            "eighty": 80, "ninety": 90, "hundred": 100,
        ],
        half: ["half"],
        and: ["and", "&"],
        to: ["to", "until", "till"],
        between: ["between"],
        from: ["from"],
        atMost: [
            ["under"], ["less", "than"], ["up", "to"], ["within"], ["max"], ["maximum"], ["maximum", "of"], ["at", "most"],
            ["no", "more", "than"], ["no", "longer", "than"], ["not", "more", "than"], ["a", "maximum", "of"], ["upto"],
        ],
        about: [
            ["after"], ["about"], ["approximately"], ["approx"], ["around"], ["roughly"], ["circa"], ["~"],
            ["expires", "after"], ["expire", "after"], ["for"], ["lasts"], ["lasts", "for"],
        ],
        filler: [
            "duration", "expires", "expire", "expiry", "expiration", "expiring", "lasts", "last", "lasting", "for", "is", "it", "the",
            "this", "cookie", "cookies", "period", "of", "approximately", "approx", "persistent", "retention", "lifetime", "lifespan",
            "time", "total", "in", "default", "by", "valid", "set", "stored", "storage", "kept", "life", "active",
        ],
        session: ["session", "sessions", "session-only", "per-session"],
        browser: ["browser", "browsers", "browser's", "browsers'"],
        closing: ["close", "closes", "closed", "closing", "closure", "end", "ends", "ended", "quit", "quits", "exit", "exits", "shut", "shuts"],
        sessionLinking: [
            "the", "a", "your", "you", "when", "whenever", "until", "till", "at", "on", "upon", "of", "is", "are", "it", "its", "expires",
            "expire", "expiry", "deleted", "removed", "cleared", "erased", "lasts", "last", "only", "browsing", "web", "internet", "window",
            "windows", "tab", "tabs", "cookie", "cookies", "for", "this", "current", "duration", "length", "after", "once", "by", "user",
            "visit", "s", "per", "down", "user's", "users", "visitor", "visitor's", "temporary", "just", "each", "every", "has", "have",
            "been", "gets", "get", "automatically",
        ],
        persistent: [
            ["no", "expiry"], ["no", "expiry", "date"], ["no", "expiration"], ["no", "expiration", "date"], ["no", "end", "date"],
            ["never"], ["never", "expires"], ["does", "not", "expire"], ["doesn't", "expire"], ["do", "not", "expire"],
            ["does", "not", "have", "an", "expiry"], ["persistent"], ["permanent"], ["permanently"], ["indefinite"], ["indefinitely"],
            ["until", "deleted"], ["until", "cleared"], ["until", "removed"], ["no", "set", "expiry"],
        ],
        unknown: [
            ["unknown"], ["varies"], ["variable"], ["varied"], ["unspecified"], ["undisclosed"], ["not", "stated"], ["not", "known"],
            ["not", "specified"], ["not", "disclosed"], ["not", "provided"], ["not", "given"], ["not", "available"], ["not", "published"],
            ["n/a"], ["tbc"], ["to", "be", "confirmed"],
        ],
        statementLinking: [
            "not", "is", "it", "the", "duration", "expiry", "expiration", "lifetime", "length", "by", "provider", "supplier", "vendor",
            "yet", "currently", "period", "date", "cookie", "cookies", "this", "a", "an", "has", "have", "set", "value", "stored",
        ],
        clitics: [],
        suggestedForms: [
            "Session", "When you close your browser", "End of session", "# days", "# hours", "# minutes", "# seconds",
            "# weeks", "# months", "# years", "# year # months", "Under #ms", "After # months", "# seconds to # year",
            "No expiry", "Not stated",
        ])

    /// Welsh, as GOV.UK, Llyw.Cymru and Welsh councils write cookie tables: numbers with their mutations
    /// (1 flwyddyn, 2 flynedd, 5 mlynedd, 2 ddiwrnod), `Sesiwn`, `Pan fyddwch yn cau eich porwr`,
    /// `Dim dyddiad dod i ben`, `Heb ei nodi`.
    public static let welsh = DurationGrammar(
        language: "cy",
        units: words([
            .millisecond: ["ms", "milieiliad", "milieiliadau", "filieiliad", "filieiliadau"],
            .second: ["s", "eiliad", "eiliadau", "heiliad"],
            .minute: ["munud", "munudau", "funud", "funudau", "mynud"],
            .hour: ["awr", "oriau", "hawr", "h"],
            .day: ["diwrnod", "diwrnodau", "ddiwrnod", "ddiwrnodau", "niwrnod", "dydd", "ddydd", "nydd", "dyddiau", "ddyddiau", "d"],
            .week: ["wythnos", "wythnosau"],
            .fortnight: ["pythefnos", "bythefnos", "phythefnos"],
            .month: ["mis", "fis", "misoedd", "fisoedd"],
            .year: [
                "blwyddyn", "flwyddyn", "mlwyddyn", "blynedd", "flynedd", "mlynedd", "blwydd", "flwydd", "mlwydd",
                "blynyddoedd", "flynyddoedd",
            ],
        ]),
        numbers: [
            "un": 1, "dau": 2, "ddau": 2, "dwy": 2, "ddwy": 2, "tri": 3, "dri": 3, "thri": 3, "tair": 3, "dair": 3, "thair": 3,
            "pedwar": 4, "bedwar": 4, "pedair": 4, "bedair": 4, "pump": 5, "pum": 5, "bum": 5, "chwech": 6, "chwe": 6, "saith": 7,
            "wyth": 8, "naw": 9, "deg": 10, "ddeg": 10, "deng": 10, "ddeng": 10, "deuddeg": 12, "ddeuddeg": 12, "deuddeng": 12,
            "pymtheg": 15, "bymtheg": 15, "pymtheng": 15, "ugain": 20, "hugain": 20, "deugain": 40, "trigain": 60, "cant": 100,
        ],
        half: ["hanner"],
        and: ["a", "ac", "&"],
        to: ["i", "tan", "hyd"],
        between: ["rhwng"],
        from: ["o"],
        atMost: [
            ["hyd", "at"], ["llai", "na"], ["llai", "nag"], ["o", "dan"], ["dan"], ["uchafswm"], ["uchafswm", "o"], ["dim", "mwy", "na"],
            ["dim", "mwy", "nag"], ["ddim", "mwy", "na"], ["ar", "y", "mwyaf"], ["hyd", "i"],
        ],
        about: [
            ["tua"], ["oddeutu"], ["rhyw"], ["ar", "ôl"], ["ar", "ol"], ["wedi"], ["am"], ["yn", "dod", "i", "ben", "ar", "ôl"],
            ["yn", "dod", "i", "ben", "ar", "ol"], ["dod", "i", "ben", "ar", "ôl"], ["dod", "i", "ben", "ar", "ol"], ["yn", "para"],
            ["para"], ["yn", "para", "am"], ["para", "am"],
        ],
        filler: [
            "hyd", "yn", "dod", "i", "ben", "cwci", "cwcis", "para", "am", "mae", "'n", "'r", "y", "yr", "cyfnod", "o", "bydd", "fydd",
            "ei", "gadw", "cadw", "storio", "parhaus", "parhaol",
        ],
        session: ["sesiwn", "sesiynau", "sesiwn-yn-unig"],
        browser: ["porwr", "borwr", "mhorwr", "phorwr", "porwyr", "borwyr", "mhorwyr"],
        closing: [
            "cau", "gau", "chau", "nghau", "caewch", "gaewch", "cauwch", "diwedd", "ddiwedd", "gorffen", "orffen", "cauir", "gauir",
            "gadael", "adael",
        ],
        sessionLinking: [
            "pan", "fyddwch", "byddwch", "fydd", "bydd", "yn", "chi", "eich", "ei", "y", "yr", "'r", "'n", "i", "tan", "nes", "ar", "ôl",
            "ol", "cwci", "cwcis", "hyd", "o", "a", "ac", "gael", "cael", "caiff", "dileu", "ddileu", "dilëir", "ffenestr", "tab", "sydd",
            "mae", "fod", "bod", "hynny", "eu", "pori", "dod", "ben", "unig", "yn-unig", "cyfredol", "hon", "hwn", "gyfer",
            "dros", "dro", "mewn", "cyfnod", "yno", "ddaw", "daw", "pryd", "bryd", "'ch", "rydych",
        ],
        persistent: [
            ["dim", "dyddiad", "dod", "i", "ben"], ["heb", "ddyddiad", "dod", "i", "ben"], ["nid", "yw", "'n", "dod", "i", "ben"],
            ["nid", "yw", "yn", "dod", "i", "ben"], ["ddim", "yn", "dod", "i", "ben"], ["dim", "yn", "dod", "i", "ben"], ["byth"],
            ["parhaol"], ["parhaus"], ["am", "byth"], ["yn", "barhaol"], ["amhenodol"], ["dim", "dod", "i", "ben"],
        ],
        unknown: [
            ["anhysbys"], ["amrywio"], ["amrywiol"], ["yn", "amrywio"], ["heb", "ei", "nodi"], ["heb", "ei", "ddatgan"], ["heb", "nodi"],
            ["dim", "yn", "hysbys"], ["ddim", "yn", "hysbys"], ["heb", "ei", "bennu"], ["amherthnasol"],
        ],
        statementLinking: [
            "y", "yr", "'r", "yn", "'n", "hyd", "dyddiad", "cwci", "cwcis", "gan", "darparwr", "ddarparwr", "cyflenwr", "eto", "ar", "hyn",
            "bryd", "o", "cyfnod", "mae", "ei", "dod", "i", "ben", "ac", "a",
        ],
        clitics: ["'r", "'n", "'i", "'w", "'m", "'th", "'ch", "'u"],
        suggestedForms: [
            "Sesiwn", "Pan fyddwch yn cau eich porwr", "Diwedd y sesiwn", "# diwrnod", "# awr", "# munud", "# eiliad", "# wythnos",
            "# mis", "# flynedd", "# blynedd", "# flwyddyn", "Dim dyddiad dod i ben", "Heb ei nodi",
        ])

    private static func words(_ table: [DurationUnit: [String]]) -> [String: DurationUnit] {
        var units: [String: DurationUnit] = [:]
        for (unit, forms) in table {
            for form in forms { units[form] = unit }
        }
        return units
    }
}
