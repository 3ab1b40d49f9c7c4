import Foundation

/// Gives headings unique, readable ids (`google-analytics`, `google-analytics-2`) for links to sections.
struct HeadingIDs {
    private var used: Set<String>
    /// The next number to try for each base, so that many headings of one text cost linear time, not
    /// quadratic (5,000 headings "Same" would otherwise try 12.5 million ids).
    private var nextNumber: [String: Int] = [:]

    /// `reserved` are ids the theme uses itself (`main-content`, say), which headings must not take.
    init(reserved: Set<String> = []) {
        used = reserved
    }

    /// A new id for a heading with this text.
    mutating func id(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        var number = nextNumber[base] ?? 2
        while used.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        nextNumber[base] = number
        used.insert(candidate)
        return candidate
    }

    /// Lowercase ASCII letters and digits joined by single hyphens; accents are dropped (`Cwcis â` → `cwcis-a`).
    static func slug(_ text: String) -> String {
        // Folding accents is slow, and most headings are plain ASCII already.
        let folded =
            text.utf8.allSatisfy({ $0 < 0x80 })
            ? text.lowercased()
            : text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en"))
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if Self.isASCIILetterOrDigit(scalar) {
                if pendingHyphen, !slug.isEmpty { slug.append("-") }
                slug.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else if scalar == "'" || scalar == "’" {
                continue  // "you’re" reads better as "youre" than "you-re"
            } else {
                pendingHyphen = true
            }
        }
        if slug.isEmpty { return "section" }
        // An id should not start with a digit, so that it is also a valid CSS selector.
        if slug.first!.isNumber { slug = "section-" + slug }
        return slug.lowercased()
    }

    /// `a`–`z`, `A`–`Z`, `0`–`9`: the ASCII part of the alphanumerics, without asking a CharacterSet.
    private static func isASCIILetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        default: false
        }
    }
}
