import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

#if canImport(Glibc)
    import Glibc
#endif

/// A small W3C WebDriver client for chromedriver: JSON over HTTP, through AsyncHTTPClient (SwiftNIO's
/// event loops, no thread per request and no HTTP parser of our own).
///
/// Beside the standard commands it uses two of chromedriver's own: the DevTools passthrough
/// (`goog/cdp/execute`), which sees every cookie, `HttpOnly` and third-party ones included, and the
/// performance log, which lists every request the page made.
final class WebDriver: @unchecked Sendable {
    /// What went wrong talking to the browser, in plain words.
    struct Failure: Error, CustomStringConvertible {
        var description: String
        /// The WebDriver error code (`timeout`, `unexpected alert open` …), when the browser gave one.
        var code: String?
        /// True when the browser did not answer at all (it stopped, or took longer than allowed).
        var noAnswer = false

        init(description: String, code: String? = nil, noAnswer: Bool = false) {
            self.description = description
            self.code = code
            self.noAnswer = noAnswer
        }
    }

    private let processes: ProcessGroup
    private let port: Int
    private var session: String?
    /// The browser's version, once one was started (from the session's capabilities).
    private(set) var browserVersion: String?
    /// How long a page may take to load, and a script to run, before the page is given up.
    let pageTimeout: Duration

    /// Starts chromedriver on a free loopback port, in a process group of its own with the browsers it
    /// starts, and waits until it answers.
    init(chromedriver: URL, port: Int, pageTimeout: Duration = .seconds(30)) async throws {
        guard FileManager.default.isExecutableFile(atPath: chromedriver.path) else {
            throw Failure(description: "there is no chromedriver at \(chromedriver.path); install Chromium and its driver (on Debian: apt-get install chromium chromium-driver), or give its path with --chromedriver")
        }
        processes = try ProcessGroup(executable: chromedriver.path, arguments: ["--port=\(port)", "--allowed-ips=127.0.0.1", "--silent"])
        self.port = port
        self.pageTimeout = pageTimeout
        var lastError = ""
        for _ in 0..<100 {
            do {
                _ = try await send("GET", "/status", as: WebDriverAnswer.Ignored.self)
                return
            } catch {
                lastError = "\(error)"
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        stop()
        throw Failure(description: "chromedriver did not start answering within 5 seconds (\(lastError))")
    }

    deinit {
        stop()
    }

    /// A fresh headless Chromium with a profile of its own (nothing carried over from another state).
    func startBrowser(binary: String) async throws {
        // Embedded frames from other sites (a video, a chat window) run in the page's own process, so that
        // their requests, cookies and storage are in view of the page's DevTools session: the audit is a
        // measuring instrument that visits only the site's pages, not a browser for the web.
        var arguments = [
            "--headless=new", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,800",
            "--no-first-run", "--disable-background-networking", "--disable-site-isolation-trials",
            "--disable-features=IsolateOrigins,site-per-process",
        ]
        // Chromium refuses to run as root without this; a build container often is root.
        if getuid() == 0 { arguments.append("--no-sandbox") }
        // A page's alert() or confirm() is dismissed, as a visitor would, rather than stopping every command.
        let milliseconds = Int(pageTimeout.components.seconds * 1000)
        let capabilities = WebDriverCommand.NewSession(
            capabilities: .init(
                alwaysMatch: .init(
                    chromeOptions: .init(binary: binary, args: arguments, prefs: .init()),
                    timeouts: .init(pageLoad: milliseconds, script: milliseconds))))
        guard let answer = try? await send("POST", "/session", capabilities, as: WebDriverAnswer.NewSession.self) else {
            throw Failure(description: "Chromium did not start (\(binary)); install it (on Debian: apt-get install chromium)")
        }
        session = answer.sessionId
        browserVersion = answer.capabilities?.browserVersion
    }

    /// The page as it looks now, as PNG.
    func screenshot() async throws -> Data? {
        Data(base64Encoded: try await send("GET", path("screenshot"), as: String.self))
    }

    /// A script to run in every page before its own (the audit's write hook).
    func runBeforePageScripts(_ source: String) async throws {
        _ = try await devTools("Page.addScriptToEvaluateOnNewDocument", ["source": source], as: WebDriverAnswer.Ignored.self)
    }

    func closeBrowser() async {
        guard let session else { return }
        _ = try? await send("DELETE", "/session/\(session)", timeout: 10, as: WebDriverAnswer.Ignored.self)
        self.session = nil
    }

    /// Stops chromedriver and every browser it started: the whole process group is ended, so nothing it
    /// started outlives the audit. (`closeBrowser()` first ends the session politely where it can.)
    func stop() {
        guard processes.isRunning else { return }
        processes.end()
    }

    func navigate(to url: String) async throws {
        _ = try await send("POST", path("url"), WebDriverCommand.Navigate(url: url), timeout: Int(pageTimeout.components.seconds) + 15, as: WebDriverAnswer.Ignored.self)
    }

    /// The ids of the elements a CSS selector finds (none is not an error).
    func elements(_ selector: String) async throws -> [String] {
        try await send("POST", path("elements"), WebDriverCommand.FindElements(value: selector), as: [WebDriverAnswer.Element].self).map(\.id)
    }

    func click(_ element: String) async throws {
        _ = try await send("POST", path("element/\(element)/click"), WebDriverCommand.NoParameters(), as: WebDriverAnswer.Ignored.self)
    }

    /// Runs a script in the page and returns what it returned, as the type asked for; `fallback` when it
    /// returned something else (a page's own script may have replaced what the audit's hook keeps).
    func execute<Value: Decodable>(_ script: String, as type: Value.Type, otherwise fallback: Value) async throws -> Value {
        do {
            return try await send("POST", path("execute/sync"), WebDriverCommand.ExecuteScript(script: script), as: type)
        } catch let failure as Failure where failure.code == Self.unexpectedAnswer {
            return fallback
        }
    }

    /// The code of a ``Failure`` for an answer of another shape than the one asked for.
    static let unexpectedAnswer = "unexpected answer"

    /// A DevTools command through chromedriver, and its answer as the type asked for.
    func devTools<Answer: Decodable>(_ command: String, _ parameters: some Encodable = [String: String](), as type: Answer.Type) async throws -> Answer {
        try await send("POST", path("goog/cdp/execute"), WebDriverCommand.DevTools(cmd: command, params: parameters), as: type)
    }

    /// The performance log since the last call: the DevTools network events. An entry that is not one
    /// (another domain's, or a shape this version does not know) is skipped.
    func performanceLog() async throws -> [DevTools.Event] {
        let entries = try await send("POST", path("se/log"), WebDriverCommand.ReadLog(type: "performance"), as: [WebDriverAnswer.LogEntry].self)
        let decoder = JSONDecoder()
        return entries.compactMap { try? decoder.decode(DevTools.LoggedEvent.self, from: Data($0.message.utf8)).message }
    }

    /// The most one answer may hold: a screenshot or a busy page's performance log can be tens of MB.
    static let largestAnswer = 256 * 1_048_576

    private func path(_ command: String) throws -> String {
        guard let session else { throw Failure(description: "no browser is open") }
        return "/session/\(session)/\(command)"
    }

    /// One WebDriver command: the `value` of its answer as the type asked for, or its error as a
    /// ``Failure``.
    private func send<Value: Decodable>(
        _ method: String, _ path: String, _ body: (some Encodable)? = WebDriverCommand.NoParameters?.none, timeout: Int? = nil, as type: Value.Type
    ) async throws -> Value {
        let payload = try body.map { try JSONEncoder().encode($0) }
        // A browser busy forever (a page running `while (true) {}`) must not hold the audit for ever.
        let timeout = timeout ?? Int(pageTimeout.components.seconds) + 15
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = HTTPMethod(rawValue: method)
        if let payload {
            request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
            request.body = .bytes(ByteBuffer(bytes: payload))
        }
        let data: Data
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(Int64(timeout)))
            var body = try await response.body.collect(upTo: Self.largestAnswer)
            data = body.readData(length: body.readableBytes) ?? Data()
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            throw Failure(description: "no answer within \(timeout) seconds", noAnswer: true)
        } catch let error as NIOTooManyBytesError {
            throw Failure(description: "an answer larger than \(Self.largestAnswer / 1_048_576) MB (\(error))")
        } catch let error as Failure {
            throw error
        } catch {
            throw Failure(description: "nothing answers on port \(port) (\(error))", noAnswer: true)
        }
        let decoder = JSONDecoder()
        let command = path.split(separator: "/").last.map(String.init) ?? ""
        if let failure = try? decoder.decode(WebDriverAnswer.Envelope<WebDriverAnswer.Error>.self, from: data).value {
            // chromedriver's messages go on with lines of its own ("Session info: …"): a diagnostic is one line.
            let message = (failure.message ?? "").split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            throw Failure(description: "the browser refused '\(command)': \(failure.error)\(message.isEmpty ? "" : ": " + message)", code: failure.error)
        }
        do {
            return try decoder.decode(WebDriverAnswer.Envelope<Value>.self, from: data).value
        } catch {
            throw Failure(description: "the browser's answer to '\(command)' was not what the audit reads (\(Self.describe(error)))", code: Self.unexpectedAnswer)
        }
    }

    /// A decoding error in a line: where in the answer, and what.
    private static func describe(_ error: any Swift.Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, let context): return "no '\(key.stringValue)' at \(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): return "\(context.debugDescription) at \(path(context))"
        @unknown default: return "\(error)"
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.isEmpty ? "its top" : context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}
