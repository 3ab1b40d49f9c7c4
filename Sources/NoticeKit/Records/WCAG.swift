/// The numbers of the Web Content Accessibility Guidelines' success criteria, so that a criterion a
/// record cites is one that exists (numbers only: their names are the W3C's, shown by number).
enum WCAG {
    enum Version: Sendable {
        case wcag21, wcag22
    }

    /// WCAG 2.1's criteria (levels A, AA and AAA), from the W3C Recommendation.
    static let wcag21: Set<String> = [
        "1.1.1", "1.2.1", "1.2.2", "1.2.3", "1.2.4", "1.2.5", "1.2.6", "1.2.7", "1.2.8", "1.2.9", "1.3.1", "1.3.2", "1.3.3", "1.3.4",
        "1.3.5", "1.3.6", "1.4.1", "1.4.2", "1.4.3", "1.4.4", "1.4.5", "1.4.6", "1.4.7", "1.4.8", "1.4.9", "1.4.10", "1.4.11", "1.4.12",
        "1.4.13", "2.1.1", "2.1.2", "2.1.3", "2.1.4", "2.2.1", "2.2.2", "2.2.3", "2.2.4", "2.2.5", "2.2.6", "2.3.1", "2.3.2", "2.3.3",
        "2.4.1", "2.4.2", "2.4.3", "2.4.4", "2.4.5", "2.4.6", "2.4.7", "2.4.8", "2.4.9", "2.4.10", "2.5.1", "2.5.2", "2.5.3", "2.5.4",
        "2.5.5", "2.5.6", "3.1.1", "3.1.2", "3.1.3", "3.1.4", "3.1.5", "3.1.6", "3.2.1", "3.2.2", "3.2.3", "3.2.4", "3.2.5", "3.3.1",
        "3.3.2", "3.3.3", "3.3.4", "3.3.5", "3.3.6", "4.1.1", "4.1.2", "4.1.3",
    ]

    /// WCAG 2.2: 2.1's, without 4.1.1 (Parsing, removed), with the nine new ones.
    static let wcag22: Set<String> = wcag21.subtracting(["4.1.1"]).union([
        "2.4.11", "2.4.12", "2.4.13", "2.5.7", "2.5.8", "3.2.6", "3.3.7", "3.3.8", "3.3.9",
    ])

    /// The level AAA criteria of both versions, which an AA statement does not measure against.
    static let levelAAA: Set<String> = [
        "1.2.6", "1.2.7", "1.2.8", "1.2.9", "1.3.6", "1.4.6", "1.4.7", "1.4.8", "1.4.9", "2.1.3", "2.2.3", "2.2.4", "2.2.5", "2.2.6",
        "2.3.2", "2.3.3", "2.4.8", "2.4.9", "2.4.10", "2.4.12", "2.4.13", "2.5.5", "2.5.6", "3.1.3", "3.1.4", "3.1.5", "3.1.6", "3.2.5",
        "3.3.5", "3.3.6", "3.3.9",
    ]

    static func criteria(of version: Version) -> Set<String> {
        version == .wcag21 ? wcag21 : wcag22
    }
}
