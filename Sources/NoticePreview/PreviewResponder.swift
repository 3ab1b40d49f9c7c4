import Foundation
import Hummingbird
import NoticeKit

/// Answers the preview's requests: the site's files from memory (pages with the live-reload script and,
/// while the site has errors, the error panel), the event stream, and the preview's own files.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let state: PreviewState
    /// Host names the server answers to; empty to answer any (when bound to a public address on purpose).
    /// Checking the Host header stops other web sites reaching the preview through DNS rebinding.
    let allowedHosts: Set<String>

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Self.text(.methodNotAllowed, "The preview only answers GET and HEAD requests.\n", extra: [.allow: "GET, HEAD"])
        }
        // A browser asks an origin server for `/path`; `GET http://elsewhere/…` is a proxy's request.
        guard Self.isOriginForm(request.head.path ?? ""), !request.headers.contains(where: { $0.name.canonicalName == RequestTargetCheck.markerHeader }),
            allows(authority: request.head.authority)
        else {
            return Self.text(.misdirectedRequest, "This preview only answers requests for localhost.\n")
        }
        switch request.uri.path {
        case PreviewOverlay.eventsPath:
            return await events()
        case PreviewOverlay.scriptPath:
            return Self.file(Data(PreviewOverlay.script.utf8), type: "text/javascript; charset=utf-8", head: request.method == .head)
        case PreviewOverlay.stylesheetPath:
            return Self.file(Data(PreviewOverlay.stylesheet.utf8), type: "text/css; charset=utf-8", head: request.method == .head)
        default:
            return await siteFile(request.uri.path, query: request.uri.query, head: request.method == .head)
        }
    }

    private func siteFile(_ path: String, query: String?, head: Bool) async -> Response {
        let files = await state.files
        let failure = await state.failure
        let texts = await state.texts
        if files.isEmpty {
            let page = PreviewOverlay.inject(into: PreviewOverlay.errorPage(for: failure, texts: texts), panel: nil)
            return Self.file(Data(page.utf8), type: "text/html; charset=utf-8", status: .serviceUnavailable, head: head)
        }
        let panel = failure.isEmpty ? nil : PreviewOverlay.panel(for: failure, texts: texts)
        switch PreviewPaths.resolve(path, files: Set(files.keys)) {
        case .file(let name):
            return page(files[name] ?? Data(), name: name, panel: panel, status: .ok, head: head)
        case .redirect(let location):
            let target = query.map { location + "?" + $0 } ?? location
            return Response(status: .movedPermanently, headers: [.location: target, .cacheControl: "no-store"])
        case .forbidden:
            return Self.text(.forbidden, "That address is not part of the site.\n")
        case .notFound:
            guard let notFound = files[SiteRenderer.notFoundPath] else {
                return Self.text(.notFound, "There is no page at this address.\n")
            }
            return page(notFound, name: SiteRenderer.notFoundPath, panel: panel, status: .notFound, head: head)
        }
    }

    private func page(_ data: Data, name: String, panel: String?, status: HTTPResponse.Status, head: Bool) -> Response {
        let type = PreviewPaths.contentType(for: name)
        guard type.hasPrefix("text/html") else { return Self.file(data, type: type, status: status, head: head) }
        let html = PreviewOverlay.inject(into: String(decoding: data, as: UTF8.self), panel: panel)
        return Self.file(Data(html.utf8), type: type, status: status, head: head)
    }

    /// Server-Sent Events: `event: reload` after every rebuild, until the page closes or the preview stops.
    private func events() async -> Response {
        let revisions = await state.listen()
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-store"]
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "retry: 500\n: connected\n\n"))
                for await revision in revisions {
                    try await writer.write(ByteBuffer(string: "event: reload\ndata: \(revision)\n\n"))
                }
                try await writer.finish(nil)
            })
    }

    static func file(_ data: Data, type: String, status: HTTPResponse.Status = .ok, head: Bool) -> Response {
        let headers: HTTPFields = [
            .contentType: type, .contentLength: String(data.count), .cacheControl: "no-store",
            .init("X-Content-Type-Options")!: "nosniff",
        ]
        let body = head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        return Response(status: status, headers: headers, body: body)
    }

    static func text(_ status: HTTPResponse.Status, _ message: String, extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: message)))
    }

    /// Whether a request's Host (its authority) is one the preview answers to.
    func allows(authority: String?) -> Bool {
        if allowedHosts.isEmpty { return true }
        guard let authority, let name = Self.hostName(of: authority) else { return false }
        return allowedHosts.contains(name)
    }

    /// Whether a request target is a path (`/cookies/`), as browsers send to the server they talk to.
    static func isOriginForm(_ target: String) -> Bool {
        target.hasPrefix("/")
    }

    /// The host of a Host header, lowercased and without a final dot: `localhost:8000` → `localhost`,
    /// `[::1]:8000` → `::1`. `nil` unless the header is exactly a host and an optional numeric port
    /// (`localhost:80@evil` and `user@localhost` are not).
    static func hostName(of authority: String) -> String? {
        let host: Substring
        let rest: Substring
        if authority.hasPrefix("[") {
            guard let end = authority.firstIndex(of: "]") else { return nil }
            host = authority[authority.index(after: authority.startIndex)..<end]
            rest = authority[authority.index(after: end)...]
            guard host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else { return nil }
        } else {
            let colon = authority.firstIndex(of: ":") ?? authority.endIndex
            host = authority[..<colon]
            rest = authority[colon...]
            guard host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }) else { return nil }
        }
        if !rest.isEmpty {
            let port = rest.dropFirst()
            guard rest.first == ":", (1...5).contains(port.count), port.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        }
        var name = host.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        return name.isEmpty ? nil : name
    }
}
