import Foundation
import Testing

/// `make test`'s replay of the fuzz corpus (`notice-fuzz TARGET FOLDER`) cannot pass by checking
/// nothing: a missing or empty corpus folder, a file it cannot read and an input that reaches none of
/// its target's checks each fail it.
@Suite("Fuzz replay")
struct FuzzReplayTests {
    let commands = CommandLineTests()
    static var replay: URL { CommandLineTests.executable.deletingLastPathComponent().appendingPathComponent("notice-fuzz") }

    @Test func nothingToReplayFails() throws {
        let site = try TempSite([:])
        let empty = site.root.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let emptyRun = try commands.run(Self.replay, ["name-pattern", empty.path], in: site.root, environment: [:])
        #expect(emptyRun.status == 1 && emptyRun.standardOutput.contains("holds no inputs"), "\(emptyRun.standardOutput)")
        let missing = try commands.run(Self.replay, ["name-pattern", site.root.appendingPathComponent("nowhere").path], in: site.root, environment: [:])
        #expect(missing.status == 1 && missing.standardOutput.contains("does not exist"))
    }

    @Test func anInputThatChecksNothingOrCannotBeReadFails() throws {
        let site = try TempSite([:])
        let corpus = site.root.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try Data("_ga_<id>\n_ga_X\n".utf8).write(to: corpus.appendingPathComponent("good"))
        #expect(try commands.run(Self.replay, ["name-pattern", corpus.path], in: site.root, environment: [:]).status == 0)
        // Refused by the parser (four wildcards), so the matcher is never tried.
        try Data("a*b*c*d*\nabcd\n".utf8).write(to: corpus.appendingPathComponent("refused"))
        let refused = try commands.run(Self.replay, ["name-pattern", corpus.path], in: site.root, environment: [:])
        #expect(refused.status == 1 && refused.standardOutput.contains("refused reaches none of the name-pattern target's checks"), "\(refused.standardOutput)")
        try FileManager.default.removeItem(at: corpus.appendingPathComponent("refused"))
        let unreadable = corpus.appendingPathComponent("locked")
        try Data("x".utf8).write(to: unreadable)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: unreadable.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: unreadable.path) }
        if getuid() != 0 {
            let locked = try commands.run(Self.replay, ["name-pattern", corpus.path], in: site.root, environment: [:])
            #expect(locked.status == 1 && locked.standardOutput.contains("locked could not be read"), "\(locked.standardOutput)")
        }
    }

    /// A hang fails the replay, naming the input, instead of stalling `make test`: here an input that
    /// takes several seconds, under a limit of one.
    @Test func anInputOverTheTimeLimitFailsAndIsNamed() throws {
        let site = try TempSite([:])
        let corpus = site.root.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let paragraph = "## Heading [link](https://x.test/) and *emphasis*\n\n" + String(repeating: "A paragraph with words. ", count: 40) + "\n\n"
        try Data(String(repeating: paragraph, count: 40_000).utf8).write(to: corpus.appendingPathComponent("slow"))
        let started = Date()
        let run = try commands.run(Self.replay, ["page", corpus.path], in: site.root, environment: ["NOTICE_FUZZ_TIME_LIMIT": "1"])
        #expect(run.status == 1 && run.standardError.contains("an input ran longer than the time limit: ") && run.standardError.contains("corpus/slow"), "\(run.standardError)")
        #expect(Date().timeIntervalSince(started) < 4, "the alarm ends the run at the limit")
    }

    @Test func everyTargetsCommittedCorpusReachesEveryCheck() throws {
        for target in ["registry", "settings", "front-matter", "duration", "name-pattern", "page", "template"] {
            let corpus = TempSite.repositoryRoot.appendingPathComponent("Tests/Fuzz/Corpus/\(target)")
            let run = try commands.run(Self.replay, [target, corpus.path], in: TempSite.repositoryRoot, environment: [:])
            #expect(run.status == 0, "\(target): \(run.standardOutput)")
        }
    }
}
