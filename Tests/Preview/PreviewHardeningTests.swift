import Foundation
import Testing

@testable import NoticePreview

/// The preview, tried as an attacker would; each test failed before its fix.
@Suite("Preview hardening")
struct PreviewHardeningTests {
    let responder = PreviewResponder(state: PreviewState(), allowedHosts: ["localhost", "127.0.0.1", "::1"])

    @Test(arguments: [
        "localhost:80@evil", "localhost@evil.example", "localhost:8000x", "localhost:", "localhost:80:80",
        "user@localhost", "[::1]x", "[::1]:80@evil", "localhost evil", "localhost\t", "",
    ])
    func hostsThatAreNotExactlyALoopbackNameAreRefused(authority: String) {
        #expect(!responder.allows(authority: authority), "\(authority.debugDescription) must be refused")
    }

    @Test(arguments: ["localhost", "localhost:8000", "LOCALHOST:8000", "127.0.0.1:65535", "[::1]", "[::1]:8000", "localhost."])
    func loopbackHostsAreAnswered(authority: String) {
        #expect(responder.allows(authority: authority), "\(authority) must be answered")
    }

    @Test(arguments: ["http://evil.example/", "http://localhost:8000/cookies/", "https://evil.example/x", "*", "evil", ""])
    func onlyOriginFormRequestTargetsAreAnswered(target: String) {
        #expect(!PreviewResponder.isOriginForm(target))
    }

    @Test func originFormTargetsAreAnswered() {
        #expect(PreviewResponder.isOriginForm("/"))
        #expect(PreviewResponder.isOriginForm("/cookies/?x=http://a"))
    }

    #if os(Linux)
        @Test func linksOutOfTheSiteAreNotWatched() throws {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("notice-watch-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            try FileManager.default.createDirectory(at: root.appendingPathComponent("static/inside"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("static/etc-link"), withDestinationURL: URL(fileURLWithPath: "/etc"))
            try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("static/usr-link"), withDestinationURL: URL(fileURLWithPath: "/usr"))
            try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("static/loop"), withDestinationURL: root)
            let watcher = try InotifyWatcher(roots: [root])
            defer { watcher.stop() }
            #expect(watcher.watchedFolders.sorted() == [root.path, root.path + "/static", root.path + "/static/inside"].sorted())
        }
    #endif

    @Test func pollingDoesNotFollowLinksOutOfTheSite() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("notice-poll-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("static"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: root.appendingPathComponent("static/a.txt"))
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("static/etc-link"), withDestinationURL: URL(fileURLWithPath: "/etc"))
        let paths = PollingWatcher.scan([root]).keys
        #expect(paths.count == 1)
        #expect(!paths.contains { $0.contains("etc-link") })
    }
}
