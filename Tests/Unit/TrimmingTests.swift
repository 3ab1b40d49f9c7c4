import Foundation
import PropertyBased
import Testing

@testable import NoticeKit

/// Notice's own trimming gives what Foundation's `trimmingCharacters(in:)` gives, for every kind of space.
@Suite("Trimming white space")
struct TrimmingTests {
    static let pieces = [" ", "\t", "\n", "\r\n", "\u{A0}", "\u{2003}", "\u{3000}", "\u{85}", "\u{2028}", "\u{200B}", "a", "é", "e\u{301}", "-", "🙂", "\u{B}"]

    @Test func agreesWithFoundation() async {
        let texts = Gen.int(in: 0...(Self.pieces.count - 1)).map { Self.pieces[$0] }.array(of: 0...8).map { (pieces: [String]) -> String in pieces.joined() }
        await propertyCheck(count: 3_000, input: texts) { (text: String) in
            #expect(text.trimmingSpaces == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            #expect(text.trimmingSpacesAndNewlines == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
            #expect(text[...].trimmingSpaces == text.trimmingCharacters(in: .whitespaces))
        }
    }
}
