import Foundation
import Hummingbird
import HummingbirdTesting
import NoticeKit
import Testing

@testable import NoticePreview

/// The preview's HTTP behaviour, through Hummingbird's in-process test client.
@Suite("Preview responses")
struct PreviewResponderTests {
    static let page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>T</title></head>\n<body>\n<p>Hello</p>\n</body>\n</html>\n"

    static func files() -> [String: Data] {
        [
            "index.html": Data(page.utf8),
            "cookies/index.html": Data(page.replacingOccurrences(of: "Hello", with: "Cookies").utf8),
            "404.html": Data(page.replacingOccurrences(of: "Hello", with: "Page not found").utf8),
            "assets/notice.css": Data("body{}".utf8),
            "consent.js": Data("(()=>{})()".utf8),
            "cookies.json": Data("{}".utf8),
            "cookies.csv": Data("a,b\r\n".utf8),
            "assets/favicon.svg": Data("<svg/>".utf8),
        ]
    }

    func app(state: PreviewState, hosts: Set<String> = ["localhost", "127.0.0.1", "::1"]) -> some ApplicationProtocol {
        Application(responder: PreviewResponder(state: state, allowedHosts: hosts))
    }

    func loaded() async -> PreviewState {
        let state = PreviewState()
        await state.publish(Self.files())
        return state
    }

    func get(_ client: some TestClientProtocol, _ uri: String, host: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let host { headers[HTTPFields.Element.Name("Host")!] = host }
        return try await client.execute(uri: uri, method: .get, headers: headers)
    }

    @Test func servesPagesWithTheLiveReloadScript() async throws {
        try await app(state: await loaded()).test(.router) { client in
            let response = try await get(client, "/")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.headers[.cacheControl] == "no-store")
            let body = String(buffer: response.body)
            #expect(body.contains("<p>Hello</p>"))
            #expect(body.contains("<script src=\"/__notice/live-reload.js\"></script>\n</body>"))
            #expect(!body.contains("notice-preview-errors"))
        }
    }

    @Test func prettyURLsRedirectAndResolve() async throws {
        try await app(state: await loaded()).test(.router) { client in
            let redirect = try await get(client, "/cookies?lang=cy")
            #expect(redirect.status == .movedPermanently)
            #expect(redirect.headers[.location] == "/cookies/?lang=cy")
            let page = String(buffer: try await get(client, "/cookies/").body)
            #expect(page.contains("Cookies"))
        }
    }

    @Test func missingPagesGetTheThemes404PageWithA404Status() async throws {
        try await app(state: await loaded()).test(.router) { client in
            for uri in ["/nothing-here", "/assets/", "/cookies/extra/"] {
                let response = try await get(client, uri)
                #expect(response.status == .notFound, "\(uri)")
                #expect(String(buffer: response.body).contains("Page not found"), "\(uri): no directory listing, the 404 page")
            }
        }
    }

    @Test func contentTypesOfEveryKindOfFile() async throws {
        try await app(state: await loaded()).test(.router) { client in
            let expected = [
                "/assets/notice.css": "text/css; charset=utf-8", "/consent.js": "text/javascript; charset=utf-8",
                "/cookies.json": "application/json; charset=utf-8", "/cookies.csv": "text/csv; charset=utf-8",
                "/assets/favicon.svg": "image/svg+xml",
                "/__notice/live-reload.js": "text/javascript; charset=utf-8", "/__notice/preview.css": "text/css; charset=utf-8",
            ]
            for (uri, type) in expected {
                let response = try await get(client, uri)
                #expect(response.status == .ok, "\(uri)")
                #expect(response.headers[.contentType] == type, "\(uri)")
            }
            let stylesheet = String(buffer: try await get(client, "/assets/notice.css").body)
            #expect(stylesheet == "body{}", "only pages are changed")
        }
    }

    @Test(arguments: [
        "/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2f..%2f..%2fetc%2fpasswd", "//etc/passwd",
        "/assets%5c..%5c..%5cetc%5cpasswd", "/index.html%00",
    ])
    func traversalIsRefused(uri: String) async throws {
        try await app(state: await loaded()).test(.router) { client in
            let response = try await get(client, uri)
            #expect(response.status == .forbidden)
            #expect(!String(buffer: response.body).contains("root:"))
        }
    }

    @Test func onlyGetAndHead() async throws {
        try await app(state: await loaded()).test(.router) { client in
            let head = try await client.execute(uri: "/", method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            let length = Int(head.headers[.contentLength] ?? "") ?? 0
            #expect(length > 0)
            let post = try await client.execute(uri: "/", method: .post)
            #expect(post.status == .methodNotAllowed)
        }
    }

    /// The check against DNS rebinding (tested over a real connection in Tests/Browser/test_preview.py).
    @Test func onlyLoopbackHostNamesAreAnswered() async {
        let responder = PreviewResponder(state: PreviewState(), allowedHosts: ["localhost", "127.0.0.1", "::1"])
        #expect(responder.allows(authority: "localhost:8000"))
        #expect(responder.allows(authority: "127.0.0.1:8000"))
        #expect(responder.allows(authority: "[::1]:8000"))
        #expect(!responder.allows(authority: "attacker.example:8000"))
        #expect(!responder.allows(authority: "localhost.attacker.example"))
        #expect(!responder.allows(authority: nil))
        let anywhere = PreviewResponder(state: PreviewState(), allowedHosts: [])
        #expect(anywhere.allows(authority: "192.0.2.1:8000"), "bound to a public address on purpose, any name is fine")
    }

    @Test func failuresShowAnEscapedPanelAboveTheLastGoodPage() async throws {
        let state = await loaded()
        await state.fail(with: [.error(.yamlKeyUnknown, "unknown key '<script>'", at: SourceLocation(path: "content/registry.yaml", line: 3, column: 5))])
        try await app(state: state).test(.router) { client in
            let body = String(buffer: try await get(client, "/cookies/").body)
            #expect(body.contains("<body>\n<section class=\"notice-preview-errors\" role=\"alert\""))
            #expect(body.contains("<code>content/registry.yaml:3:5</code> error: unknown key &#39;&lt;script&gt;&#39;"))
            #expect(body.contains("<p>Cookies</p>"), "the last good page is still shown")
        }
        await state.publish(Self.files())
        try await app(state: state).test(.router) { client in
            let body = String(buffer: try await get(client, "/cookies/").body)
            #expect(!body.contains("notice-preview-errors"))
        }
    }

    @Test func withoutAGoodBuildEveryPageListsTheProblems() async throws {
        let state = PreviewState()
        await state.fail(with: [.error(.registryCategoriesMissing, "the registry has no 'categories'", at: SourceLocation(path: "content/registry.yaml"))])
        try await app(state: state).test(.router) { client in
            let response = try await get(client, "/anything")
            #expect(response.status == .serviceUnavailable)
            #expect(String(buffer: response.body).contains("the registry has no &#39;categories&#39;"))
        }
    }

    @Test func hostNames() {
        #expect(PreviewResponder.hostName(of: "LocalHost:8000") == "localhost")
        #expect(PreviewResponder.hostName(of: "[::1]:80") == "::1")
        #expect(PreviewResponder.hostName(of: "127.0.0.1") == "127.0.0.1")
    }
}

@Suite("Preview state")
struct PreviewStateTests {
    @Test func listenersHearEveryRebuildAndEndWithThePreview() async {
        let state = PreviewState()
        let stream = await state.listen()
        #expect(await state.listenerCount == 1)
        await state.publish(["index.html": Data()])
        await state.fail(with: [])
        await state.finish()
        var revisions: [Int] = []
        for await revision in stream { revisions.append(revision) }
        #expect(revisions == [2], "a slow listener gets the newest revision, not a backlog")
    }
}
