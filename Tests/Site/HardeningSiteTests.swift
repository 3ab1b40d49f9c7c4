import Foundation
import Testing

@testable import NoticeKit

/// Whole-site repros of the holes found by trying Notice as an attacker would; each failed before its fix.
@Suite("Hardening: whole sites")
struct HardeningSiteTests {
    // MARK: 1. The URL policy on published pages

    @Test func aJavaScriptNavigationLinkFailsTheBuildAndIsNeverPublished() throws {
        let site = try TempSite()
        try site.write(
            "site.yaml",
            """
            title: Test Council
            policyPage: cookies
            navigation:
              - title: Pwned
                url: "JaVaScRiPt:alert(document.cookie)"
            """)
        #expect(
            site.failingBuild() == [
                "content/site.yaml:5:10: error: the address 'JaVaScRiPt:alert(document.cookie)' of the navigation link 'Pwned' is not allowed: only https:, http:, mailto: and tel: addresses and addresses within the site can be published; use the page's https:// address"
            ])
        #expect(!FileManager.default.fileExists(atPath: site.outputDirectory.path))
    }

    // MARK: 4. Links as cmark resolved them

    @Test func linksArePercentDecodedAndBackslashEscapesResolved() throws {
        let site = try TempSite()
        try site.write("static/files/a bé.pdf", "%PDF")
        try site.write("static/foo):", "odd but valid")
        try site.write("pages/links.md", "---\ntitle: Links\ndescription: D\n---\n[e](../files/a%20bé.pdf) [f](../files/a%20b%C3%A9.pdf) [link](../foo\\)\\:)\n")
        let report = try site.builder().check()
        #expect(report.diagnostics.isEmpty)
    }

    @Test func aMissingDecodedFileIsStillReported() throws {
        let site = try TempSite()
        try site.write("pages/links.md", "---\ntitle: Links\ndescription: D\n---\n[e](../files/a%20bé.pdf)\n")
        #expect(site.failingBuild().first?.hasPrefix("content/pages/links.md:5:1: error: the link '../files/a%20bé.pdf' leads to no page or file") == true)
    }

    // MARK: 5. Folders never replaced, even with --force

    @Test(arguments: ["/", "/usr", "/etc", "/var", "/bin", "/home", "/tmp", "/usr/local", "/usr/share", "/etc/nginx", "/boot", "/dev", "/dev/shm"])
    func systemFoldersAreRefusedEvenWithForce(folder: String) throws {
        let writer = OutputWriter(directory: URL(fileURLWithPath: folder), siteDirectory: URL(fileURLWithPath: "/nonexistent/site"), force: true)
        #expect(throws: BuildFailure.self) { try writer.checkDestination() }
    }

    @Test func foldersInsideTmpAndShmAreFine() throws {
        for folder in ["/tmp/notice-site-out", "/dev/shm/notice-bench/out", "/var/www/html", "/srv/www"] {
            let writer = OutputWriter(directory: URL(fileURLWithPath: folder), siteDirectory: URL(fileURLWithPath: "/nonexistent/site"), force: true)
            #expect(SystemFolders.protecting(writer.directory.path) == nil, "\(folder)")
        }
    }

    @Test func theHomeFolderByEitherNameIsRefusedEvenWithForce() throws {
        let site = try TempSite()
        let fakeHome = site.root.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: fakeHome.appendingPathComponent(".ssh"), withIntermediateDirectories: true)
        try Data("alias ll='ls -l'".utf8).write(to: fakeHome.appendingPathComponent(".bashrc"))
        let before = TempSite.snapshot(of: fakeHome)
        var writer = OutputWriter(directory: fakeHome, siteDirectory: site.siteDirectory, force: true)
        writer.environmentHome = fakeHome.path
        #expect(throws: BuildFailure.self) { try writer.checkDestination() }
        writer.environmentHome = nil
        writer.directory = URL(fileURLWithPath: OutputWriter.passwordHome ?? "/root")
        #expect(throws: BuildFailure.self) { try writer.checkDestination() }
        #expect(TempSite.snapshot(of: fakeHome) == before)
    }

    @Test func theSitesAncestorsAreRefusedEvenWithForce() throws {
        let site = try TempSite()
        for folder in [site.root, site.root.deletingLastPathComponent()] {
            #expect(throws: BuildFailure.self) { try site.builder(output: folder, force: true).build() }
        }
    }

    // MARK: 6. A copied marker proves nothing

    @Test func aCopiedMarkerDoesNotMakeAFolderReplaceable() throws {
        let site = try TempSite()
        try site.build()
        let victim = site.root.appendingPathComponent("victim")
        try FileManager.default.createDirectory(at: victim.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: victim.appendingPathComponent("keep.txt"))
        try FileManager.default.copyItem(
            at: site.outputDirectory.appendingPathComponent(OutputWriter.markerName),
            to: victim.appendingPathComponent(OutputWriter.markerName))
        let before = TempSite.snapshot(of: victim)
        let diagnostics: [String]
        do {
            _ = try site.builder(output: victim).build()
            diagnostics = []
        } catch {
            diagnostics = error.diagnostics.map(\.description)
        }
        #expect(diagnostics == ["error: the output folder victim has files that were not written by notice: 'keep.txt', 'sub/'; move them somewhere else, or add --force to replace them"])
        #expect(TempSite.snapshot(of: victim) == before)
        #expect(FileManager.default.fileExists(atPath: victim.appendingPathComponent("sub").path))
    }

    @Test func aFileAddedToNoticesOwnOutputStopsTheNextBuild() throws {
        let site = try TempSite()
        try site.build()
        let added = site.outputDirectory.appendingPathComponent("notes.txt")
        try Data("mine".utf8).write(to: added)
        let failure = site.failingBuild()
        #expect(failure.first?.contains("notes.txt") == true)
        #expect(FileManager.default.fileExists(atPath: added.path))
        try site.build(force: true)
        #expect(!FileManager.default.fileExists(atPath: added.path))
        try site.build()
    }

    // MARK: 7. Theme texts of the wrong type

    @Test func theTextsOfTheWrongTypeAreErrorsAtTheirPosition() throws {
        let site = try TempSite()
        try site.write(
            "site.yaml",
            """
            title: Test Council
            policyPage: cookies
            strings:
              consent:
                ui:
                  heading: [1, 2]
              date:
                months: [a]
            """)
        #expect(
            site.failingBuild() == [
                "content/site.yaml:6:16: error: the text 'consent.ui.heading' should be a single text, but it is a list; write it after the colon, in quotes if it has special characters",
                "content/site.yaml:8:13: error: the text 'date.months' should be a list of the 12 month names, January to December, but it has 1",
            ])
    }
}

@Suite("Escaping whatever follows a special character")
struct CombiningMarkEscapingTests {
    /// A combining mark after a quote makes one Swift Character of the two; escaping by Character left
    /// the quote as it was, and the attribute open.
    @Test func aQuoteFollowedByACombiningMarkIsStillEscaped() throws {
        var files = TempSite.minimalSite
        files["pages/index.md"] = "---\ntitle: Home\ndescription: \"x\\\"\\u0301 onfocus=alert(1) autofocus tabindex=0 \\u0301<\\u0301b>\"\n---\nText.\n"
        let site = try TempSite(files)
        try site.build()
        let page = try site.output("index.html")
        let escaped = "content=\"x&quot;\u{301} onfocus=alert(1) autofocus tabindex=0 \u{301}&lt;\u{301}b&gt;\""
        let open = "\"\u{301} onfocus"
        #expect(page.contains(escaped))
        #expect(!page.contains(open))
    }
}

/// Costs that grow with the input grow linearly: each case with a time budget far above the linear
/// figure (CI machines are noisy) and far below what the quadratic code took.
@Suite("Linear costs")
struct LinearCostTests {
    /// 20,000 headings of one text: 28 s here (and 35 s for 10,000 on a slower machine) when ids were found
    /// by counting up from 2 each time; under a second now.
    @Test func manyIdenticalHeadingsBuildQuickly() throws {
        var files = TempSite.minimalSite
        files["pages/same.md"] = "---\ntitle: Same\ndescription: D\n---\n" + String(repeating: "## Same\n\n", count: 20_000)
        let site = try TempSite(files)
        let clock = ContinuousClock()
        let elapsed = try clock.measure { try site.build() }
        #expect(elapsed < .seconds(8), "\(elapsed)")
        let page = try site.output("same/index.html")
        #expect(page.contains(#"<h2 id="same-20000">"#) && page.contains(#"<h2 id="same">"#))
    }

    /// A duration of a megabyte: 24 s when the reader tried every word as the start of a condition.
    @Test func aHugeDurationIsReadQuicklyAndPublishedWhole() throws {
        var files = TempSite.minimalSite
        let huge = String(repeating: "renewed on each visit and ", count: 40_000)
        files["registry.yaml"] = files["registry.yaml"]!.replacingOccurrences(of: "duration: 90 days", with: "duration: 90 days \(huge)")
        let site = try TempSite(files)
        let clock = ContinuousClock()
        let elapsed = try clock.measure { try site.build() }
        #expect(elapsed < .seconds(10), "\(elapsed)")
        #expect(try site.output("cookies.json").contains(#""iso" : "P90D""#))
    }
}

/// Page names and language folders become addresses: what an address cannot carry is refused where it is
/// written, and what it can is encoded in full addresses.
@Suite("Addresses from names")
struct AddressNameTests {
    @Test(arguments: ["my page.md", "a#b.md", "what?.md", "100%.md", "tab\there.md", "bell\u{07}.md"])
    func aPageFileNameAnAddressCannotCarryIsAnErrorAtTheFile(name: String) throws {
        var files = TempSite.minimalSite
        files["pages/" + name] = "---\ntitle: T\ndescription: D\n---\nText.\n"
        let site = try TempSite(files)
        let errors = site.failingBuild()
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.contains("error: this page's file name has") == true, "\(errors)")
        #expect(errors.first?.hasPrefix("content/pages/") == true)
    }

    @Test func aWelshSlugIsEncodedInFullAddresses() throws {
        var files = TempSite.minimalSite
        files["site.yaml"] = files["site.yaml"]!.replacingOccurrences(of: "language: en-GB", with: "languages:\n  - code: en-GB\n  - code: cy")
        files["pages/cookies.cy.md"] = "---\ntitle: Cwcis\ndescription: D\nslug: cwcis-ŵyr\n---\nTestun.\n"
        files["pages/index.cy.md"] = "---\ntitle: Hafan\ndescription: D\n---\nHafan.\n"
        let site = try TempSite(files)
        try site.build()
        let sitemap = try site.output("sitemap.xml")
        #expect(sitemap.contains("https://www.example.gov.uk/cy/cwcis-%C5%B5yr/"), "\(sitemap)")
        #expect(!sitemap.contains("ŵ"))
        #expect(try site.output("cy/cwcis-ŵyr/index.html").contains(#"<link rel="canonical" href="https://www.example.gov.uk/cy/cwcis-%C5%B5yr/">"#))
    }

    @Test(arguments: ["a/b", "-", "assets", "-cy", "cy_1"])
    func aLanguageFolderIsOneFolderName(path: String) throws {
        var files = TempSite.minimalSite
        files["site.yaml"] = files["site.yaml"]!.replacingOccurrences(of: "language: en-GB", with: "languages:\n  - code: en-GB\n  - code: cy\n    path: \"\(path)\"")
        let site = try TempSite(files)
        let errors = site.failingBuild()
        #expect(errors.contains { $0.hasPrefix("content/site.yaml:") && $0.contains("'path' should be one folder name") }, "\(errors)")
    }

    @Test func aSlugTooLongForAFolderIsAnErrorWithItsPosition() throws {
        var files = TempSite.minimalSite
        files["site.yaml"] = files["site.yaml"]!.replacingOccurrences(of: "language: en-GB", with: "languages:\n  - code: en-GB\n  - code: cy")
        files["pages/cookies.cy.md"] = "---\ntitle: Cwcis\ndescription: D\nslug: \(String(repeating: "a", count: 5_000))\n---\nTestun.\n"
        let site = try TempSite(files)
        let errors = site.failingBuild()
        #expect(errors.contains { $0.hasPrefix("content/pages/cookies.cy.md:4:7: error: 'slug' is the last part of the page's address") }, "\(errors)")
    }
}
