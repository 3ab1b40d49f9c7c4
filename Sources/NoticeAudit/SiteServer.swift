public import Foundation
import Hummingbird
import Logging
public import NoticeKit
import NoticePreview

/// Serves a site built in memory on a loopback port while it is audited: the files exactly as
/// `notice build` would write them, nothing added (unlike the preview's live reload).
public struct SiteServer: Sendable {
    let files: [String: Data]

    /// Serves a build's files (copied files read now).
    public init(files: [OutputFile]) {
        self.files = Dictionary(
            files.compactMap { file -> (String, Data)? in
                switch file.contents {
                case .data(let data): return (file.path, data)
                case .copy(let source): return (try? Data(contentsOf: source)).map { (file.path, $0) }
                }
            }, uniquingKeysWith: { first, _ in first })
    }

    /// Runs `body` with the address the site is served at, then stops the server.
    public func serving<Result: Sendable>(_ body: @Sendable (URL) async throws -> Result) async throws -> Result {
        var logger = Logger(label: "notice.audit")
        // Stopping the server when the audit ends is expected, not worth a line.
        logger.logLevel = .critical
        let (ready, readyContinuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            responder: StaticResponder(files: files),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0), serverName: nil),
            onServerRunning: { channel in
                readyContinuation.yield(channel.localAddress?.port ?? 0)
                readyContinuation.finish()
            },
            logger: logger)
        let server = Task { try await app.runService(gracefulShutdownSignals: []) }
        defer { server.cancel() }
        var port = 0
        for await value in ready { port = value }
        guard port > 0, let url = URL(string: "http://127.0.0.1:\(port)/") else {
            throw WebDriver.Failure(description: "the site could not be served on a loopback port")
        }
        return try await body(url)
    }
}

/// The build's files by pretty URL, the theme's 404 page for anything else.
struct StaticResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let files: [String: Data]

    func respond(to request: Request, context: Context) async throws -> Response {
        switch PreviewPaths.resolve(request.uri.path, files: Set(files.keys)) {
        case .file(let name):
            return Self.file(files[name] ?? Data(), name: name, status: .ok)
        case .redirect(let location):
            return Response(status: .movedPermanently, headers: [.location: location])
        case .notFound, .forbidden:
            return Self.file(files["404.html"] ?? Data("Not found\n".utf8), name: "404.html", status: .notFound)
        }
    }

    static func file(_ data: Data, name: String, status: HTTPResponse.Status) -> Response {
        let headers: HTTPFields = [.contentType: PreviewPaths.contentType(for: name), .cacheControl: "no-store"]
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
