import Foundation

/// The settings at the top of a page, between `---` lines: title, description, date of last update.
public struct FrontMatter: Sendable {
    public var title: String
    public var description: String?
    /// The date the page's content last changed, as written (`YYYY-MM-DD`).
    public var updated: CalendarDate?
    /// The theme template that lays out the page (`page` unless the page asks for another).
    public var template: String
    /// A translated page's own last part of its address (`cwcis` for the Welsh `cookies`).
    public var slug: Located<String>?
    /// The page this one translates, when its file name does not say (`translationOf: cookies`).
    public var translationOf: Located<String>?
    /// Warnings this page silences (`checks: ignore: [...]`).
    public var checks = CheckSettings()

    public init(
        title: String, description: String? = nil, updated: CalendarDate? = nil, template: String = "page",
        slug: Located<String>? = nil, translationOf: Located<String>? = nil
    ) {
        self.title = title
        self.description = description
        self.updated = updated
        self.template = template
        self.slug = slug
        self.translationOf = translationOf
    }
}

/// A day in the calendar, with no time or time zone, so that output never depends on the clock.
public struct CalendarDate: Sendable, Hashable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Parses `YYYY-MM-DD`, rejecting days that do not exist.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `2025-01-07`, for `<time datetime>`.
    public var iso: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
