import Foundation
import Testing

@testable import NoticeKit

/// A rebuild leaves a file whose bytes did not change as it was (same file, same time), so a deploy
/// that syncs by time and size uploads only what changed.
@Suite("Unchanged output files")
struct UnchangedOutputTests {
    static func identity(_ url: URL) throws -> (inode: Int, modified: Date) {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return (try #require(attributes[.systemFileNumber] as? Int), try #require(attributes[.modificationDate] as? Date))
    }

    @Test func aRebuildKeepsUnchangedFilesAndRewritesChangedOnes() throws {
        let site = try TempSite()
        try site.build()
        let index = site.outputDirectory.appendingPathComponent("index.html")
        let cookies = site.outputDirectory.appendingPathComponent("cookies/index.html")
        let stylesheet = try site.outputDirectory.appendingPathComponent(#require(site.fingerprinted("assets/notice", "css")))
        let before = try (index: Self.identity(index), cookies: Self.identity(cookies), stylesheet: Self.identity(stylesheet))
        // A second's pause so that a rewritten file would show a later time even on coarse file systems.
        Thread.sleep(forTimeInterval: 1.1)
        var page = try String(contentsOf: site.siteDirectory.appendingPathComponent("pages/cookies.md"), encoding: .utf8)
        page += "\nOne more sentence.\n"
        try site.write("pages/cookies.md", page)
        let report = try site.build()

        let after = try (index: Self.identity(index), cookies: Self.identity(cookies), stylesheet: Self.identity(stylesheet))
        #expect(after.index.inode == before.index.inode && after.index.modified == before.index.modified, "the home page did not change")
        #expect(after.stylesheet.inode == before.stylesheet.inode && after.stylesheet.modified == before.stylesheet.modified, "a copied asset did not change")
        #expect(after.cookies.modified > before.cookies.modified, "the changed page is written again")
        #expect(try site.output("cookies/index.html").contains("One more sentence."))
        #expect(report.keptFiles > 0)
    }

    @Test func aFolderNoticeDidNotWriteIsNotReusedEvenWithForce() throws {
        let site = try TempSite()
        try FileManager.default.createDirectory(at: site.outputDirectory, withIntermediateDirectories: true)
        try Data("<p>mine</p>".utf8).write(to: site.outputDirectory.appendingPathComponent("index.html"))
        let report = try site.build(force: true)
        #expect(report.keptFiles == 0)
        #expect(try !site.output("index.html").contains("<p>mine</p>"))
    }

    @Test func aFileChangedInPlaceWithTheSameSizeIsWrittenAgain() throws {
        let site = try TempSite()
        try site.build()
        let index = site.outputDirectory.appendingPathComponent("index.html")
        var bytes = try Data(contentsOf: index)
        bytes[bytes.count - 2] = UInt8(ascii: "X")
        try bytes.write(to: index)
        try site.build()
        #expect(try Data(contentsOf: index) != bytes)
    }
}
