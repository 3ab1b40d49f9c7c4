import Foundation
import Testing

/// The golden-file rules themselves: a difference fails, an update rewrites only what differs, a missing
/// golden is never created unasked, and CI cannot update.
@Suite("Golden files")
struct GoldenFileTests {
    @Test func theRulesOfUpdating() throws {
        let folder = try TempSite([:])
        try FileManager.default.createDirectory(at: folder.root, withIntermediateDirectories: true)
        let file = folder.root.appendingPathComponent("golden.txt")
        try Data("old".utf8).write(to: file)
        withKnownIssue("a difference fails") {
            try GoldenFile.check(Data("new".utf8), against: file, shownAs: "golden.txt", mode: .compare, inCI: false)
        }
        withKnownIssue("CI cannot update") {
            try GoldenFile.check(Data("new".utf8), against: file, shownAs: "golden.txt", mode: .update, inCI: true)
        }
        #expect(try Data(contentsOf: file) == Data("old".utf8))
        try GoldenFile.check(Data("new".utf8), against: file, shownAs: "golden.txt", mode: .update, inCI: false)
        #expect(try Data(contentsOf: file) == Data("new".utf8))
        let missing = folder.root.appendingPathComponent("missing.txt")
        withKnownIssue("a missing golden is not created by an update") {
            try GoldenFile.check(Data("x".utf8), against: missing, shownAs: "missing.txt", mode: .update, inCI: false)
        }
        #expect(!FileManager.default.fileExists(atPath: missing.path))
        try GoldenFile.check(Data("x".utf8), against: missing, shownAs: "missing.txt", mode: .create, inCI: false)
        #expect(FileManager.default.fileExists(atPath: missing.path))
    }
}
