import Foundation
import NoticeKit
import Testing

@Suite("Output folder safety")
struct OutputSafetyTests {
    @Test func refusesAFolderNoticeDidNotCreate() throws {
        let site = try TempSite()
        try FileManager.default.createDirectory(at: site.outputDirectory, withIntermediateDirectories: true)
        let precious = site.outputDirectory.appendingPathComponent("thesis.docx")
        try Data("years of work".utf8).write(to: precious)
        #expect(site.failingBuild() == ["error: the output folder output already has files that notice did not write; empty it, choose another folder, or add --force to replace its contents"])
        #expect(FileManager.default.fileExists(atPath: precious.path))
        try site.build(force: true)
        #expect(!FileManager.default.fileExists(atPath: precious.path))
        #expect(FileManager.default.fileExists(atPath: site.outputDirectory.appendingPathComponent("index.html").path))
    }

    /// The old output is listed while the pages render; a refused folder is still what the build says,
    /// whether the site has mistakes of its own or not, and no staging folder is left behind.
    @Test func aRefusedFolderIsReportedBeforeTheSitesOwnErrors() throws {
        let site = try TempSite()
        try site.write("pages/broken.md", "no front matter\n")
        try FileManager.default.createDirectory(at: site.outputDirectory, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: site.outputDirectory.appendingPathComponent("notes.txt"))
        #expect(site.failingBuild() == ["error: the output folder output already has files that notice did not write; empty it, choose another folder, or add --force to replace its contents"])
        let parent = site.outputDirectory.deletingLastPathComponent()
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0.contains("notice-staging") }
        #expect(leftovers.isEmpty)
    }

    /// docs/publishing.md: a file of Notice's own output changed by hand (its size no longer the one the
    /// marker lists) is refused without --force, by name, and kept. (Break: the marker ignoring sizes.)
    @Test func aHandEditedFileInItsOwnOutputIsRefusedWithoutForce() throws {
        let site = try TempSite()
        try site.build()
        let page = site.outputDirectory.appendingPathComponent("cookies/index.html")
        let edited = try String(contentsOf: page, encoding: .utf8) + "<!-- fixed by hand on the server -->\n"
        try Data(edited.utf8).write(to: page)
        #expect(site.failingBuild() == ["error: the output folder output has files that were not written by notice: 'cookies/index.html'; move them somewhere else, or add --force to replace them"])
        #expect(try String(contentsOf: page, encoding: .utf8) == edited)
        try site.build(force: true)
        #expect(try String(contentsOf: page, encoding: .utf8) != edited)
    }

    @Test func anEmptyFolderIsFine() throws {
        let site = try TempSite()
        try FileManager.default.createDirectory(at: site.outputDirectory, withIntermediateDirectories: true)
        try site.build()
        #expect(FileManager.default.fileExists(atPath: site.outputDirectory.appendingPathComponent(".notice-output").path))
    }

    @Test func replacesItsOwnOutputAndDropsStaleFiles() throws {
        let site = try TempSite()
        try site.write("pages/old.md", "---\ntitle: Old\ndescription: D\n---\n")
        try site.build()
        #expect(FileManager.default.fileExists(atPath: site.outputDirectory.appendingPathComponent("old/index.html").path))
        try FileManager.default.removeItem(at: site.siteDirectory.appendingPathComponent("pages/old.md"))
        try site.build()
        #expect(!FileManager.default.fileExists(atPath: site.outputDirectory.appendingPathComponent("old/index.html").path))
    }

    @Test(arguments: ["content", ".", "content/pages/out", "content/themes"])
    func refusesTheSiteItsParentsAndItsSources(output: String) throws {
        let site = try TempSite()
        let target = site.root.appendingPathComponent(output)
        let before = TempSite.snapshot(of: site.root)
        #expect(throws: BuildFailure.self) { try site.builder(output: target, force: true).build() }
        #expect(TempSite.snapshot(of: site.root) == before)
    }

    @Test func refusesTheRootAndTheHomeFolder() throws {
        let site = try TempSite()
        for target in [URL(fileURLWithPath: "/"), FileManager.default.homeDirectoryForCurrentUser] {
            #expect(throws: BuildFailure.self) { try site.builder(output: target, force: true).build() }
        }
    }

    @Test func removesStagingLeftByAKilledBuild() throws {
        let site = try TempSite()
        // No process has this id on Linux (pid_max is at most 2^22).
        let abandoned = site.root.appendingPathComponent(".output.notice-staging-99999999")
        try FileManager.default.createDirectory(at: abandoned, withIntermediateDirectories: true)
        try site.build()
        #expect(!FileManager.default.fileExists(atPath: abandoned.path))
    }

    @Test func linksLeadingOutOfTheSiteAreNotPublished() throws {
        let site = try TempSite()
        let secret = site.root.appendingPathComponent("secret.txt")
        try Data("private".utf8).write(to: secret)
        try FileManager.default.createDirectory(at: site.siteDirectory.appendingPathComponent("static"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: site.siteDirectory.appendingPathComponent("static/secret.txt"), withDestinationURL: secret)
        try FileManager.default.createSymbolicLink(at: site.siteDirectory.appendingPathComponent("static/etc"), withDestinationURL: URL(fileURLWithPath: "/etc"))
        try site.write("static/inside.txt", "public")
        try FileManager.default.createSymbolicLink(
            at: site.siteDirectory.appendingPathComponent("static/alias.txt"),
            withDestinationURL: site.siteDirectory.appendingPathComponent("static/inside.txt"))
        try site.build()
        let files = TempSite.snapshot(of: site.outputDirectory).keys
        #expect(!files.contains("/secret.txt"))
        #expect(!files.contains { $0.hasPrefix("/etc") })
        #expect(files.contains("/inside.txt"))
        #expect(files.contains("/alias.txt"), "a link to a file inside the site is fine")
    }

    @Test func anOutputThatIsALinkStaysALinkAndItsTargetIsUpdated() throws {
        let site = try TempSite()
        let target = site.root.appendingPathComponent("www")
        _ = try site.builder(output: target).build()
        try FileManager.default.createSymbolicLink(at: site.outputDirectory, withDestinationURL: target)
        try site.write("pages/extra.md", "---\ntitle: Extra\ndescription: D\n---\n")
        try site.build()
        let attributes = try FileManager.default.attributesOfItem(atPath: site.outputDirectory.path)
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink, "the link is kept")
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("extra/index.html").path), "the site it points to is updated")
    }
}
