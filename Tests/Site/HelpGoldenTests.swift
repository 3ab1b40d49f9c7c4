import Foundation
import Testing

/// Every command's `--help`, as the real program prints it, against reviewed golden files in
/// `Golden/help/` (as swift-argument-parser tests its own): a changed option or wording shows up in review.
/// Run with `UPDATE_GOLDEN=1` to rewrite them after an intended change.
@Suite("Help golden files")
struct HelpGoldenTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/help")
    static let commands = [[], ["init"], ["import"], ["build"], ["check"], ["serve"], ["audit"], ["diff"]]

    @Test(arguments: commands.indices)
    func helpMatchesItsGoldenFile(index: Int) throws {
        let command = Self.commands[index]
        let folder = try TempSite([:])
        try FileManager.default.createDirectory(at: folder.root, withIntermediateDirectories: true)
        // A fixed width, so that wrapping does not depend on the terminal the tests run in.
        let run = try CommandLineTests().notice(command + ["--help"], in: folder.root, environment: ["COLUMNS": "100"])
        #expect(run.status == 0)
        let goldenFile = Self.golden.appendingPathComponent((command.first ?? "notice") + ".txt")
        try GoldenFile.check(Data(run.standardOutput.utf8), against: goldenFile, shownAs: "Tests/Site/Golden/help/\(goldenFile.lastPathComponent) (notice \(command.joined(separator: " ")) --help)")
    }
}
