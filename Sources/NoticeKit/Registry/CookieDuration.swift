/// How long a cookie lasts, in a structured form that machines can compare and auditors can check.
///
/// The editor's own wording stays the text shown in tables; this is what `cookies.json` carries.
public enum CookieDuration: Sendable, Equatable {
    /// Deleted when the browser closes.
    case session
    /// Never expires (or "persistent" with no stated end).
    case persistent
    /// A fixed lifetime.
    case fixed(ISODuration)
    /// Between two lifetimes ("30 seconds to 1 year", "Under 100ms").
    case range(min: ISODuration, max: ISODuration)
    /// The policy does not say ("Not stated", "Varies"): entered honestly rather than invented.
    case unknown

    /// `P90D`, `session`, `persistent`, `unknown`, or `PT30S/P1Y` for a range.
    public var isoText: String {
        switch self {
        case .session: return "session"
        case .persistent: return "persistent"
        case .unknown: return "unknown"
        case .fixed(let value): return value.iso
        case .range(let low, let high): return "\(low.iso)/\(high.iso)"
        }
    }

    /// The name of the kind, as written in `cookies.json`.
    public var kind: String {
        switch self {
        case .session: return "session"
        case .persistent: return "persistent"
        case .fixed: return "fixed"
        case .range: return "range"
        case .unknown: return "unknown"
        }
    }
}

/// A calendar duration in ISO 8601 form (`P90D`, `PT30M`, `P1Y6M`, `PT0.1S`).
public struct ISODuration: Sendable, Hashable {
    public var years = 0
    public var months = 0
    public var weeks = 0
    public var days = 0
    public var hours = 0
    public var minutes = 0
    /// Thousandths of a second, so that "100ms" is exact.
    public var milliseconds = 0

    public init(years: Int = 0, months: Int = 0, weeks: Int = 0, days: Int = 0, hours: Int = 0, minutes: Int = 0, milliseconds: Int = 0) {
        self.years = years
        self.months = months
        self.weeks = weeks
        self.days = days
        self.hours = hours
        self.minutes = minutes
        self.milliseconds = milliseconds
    }

    public static let zero = ISODuration()

    /// The ISO 8601 text: `P90D`, `PT24H`, `P1Y6M`, `PT0.1S`, `PT0S` for zero.
    public var iso: String {
        var date = ""
        if years > 0 { date += "\(years)Y" }
        if months > 0 { date += "\(months)M" }
        if weeks > 0 { date += "\(weeks)W" }
        if days > 0 { date += "\(days)D" }
        var time = ""
        if hours > 0 { time += "\(hours)H" }
        if minutes > 0 { time += "\(minutes)M" }
        if milliseconds > 0 {
            let seconds = milliseconds / 1000
            let fraction = milliseconds % 1000
            if fraction == 0 {
                time += "\(seconds)S"
            } else {
                var digits = String(fraction + 1000).dropFirst()
                while digits.hasSuffix("0") { digits = digits.dropLast() }
                time += "\(seconds).\(digits)S"
            }
        }
        if date.isEmpty && time.isEmpty { return "PT0S" }
        return "P" + date + (time.isEmpty ? "" : "T" + time)
    }

    /// The length in seconds, taking a month as 30 days and a year as 365, for comparing and sorting.
    public var approximateSeconds: Double {
        let days = Double(years) * 365 + Double(months) * 30 + Double(weeks) * 7 + Double(self.days)
        return days * 86_400 + Double(hours) * 3_600 + Double(minutes) * 60 + Double(milliseconds) / 1_000
    }

    static func + (lhs: ISODuration, rhs: ISODuration) -> ISODuration {
        ISODuration(
            years: lhs.years + rhs.years, months: lhs.months + rhs.months, weeks: lhs.weeks + rhs.weeks,
            days: lhs.days + rhs.days, hours: lhs.hours + rhs.hours, minutes: lhs.minutes + rhs.minutes,
            milliseconds: lhs.milliseconds + rhs.milliseconds)
    }
}
