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
                _ = try await send("GET", "/status")
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
        let value = try await send("POST", "/session", capabilities)
        guard let object = value as? [String: Any], let id = object["sessionId"] as? String else {
            throw Failure(description: "Chromium did not start (\(binary)); install it (on Debian: apt-get install chromium)")
        }
        session = id
        browserVersion = (object["capabilities"] as? [String: Any])?["browserVersion"] as? String
    }

    /// The page as it looks now, as PNG.
    func screenshot() async throws -> Data? {
        guard let text = try await send("GET", path("screenshot")) as? String else { return nil }
        return Data(base64Encoded: text)
    }

    /// A script to run in every page before its own (the audit's write hook).
    func runBeforePageScripts(_ source: String) async throws {
        _ = try await devTools("Page.addScriptToEvaluateOnNewDocument", ["source": source])
    }

    func closeBrowser() async {
        guard let session else { return }
        _ = try? await send("DELETE", "/session/\(session)", timeout: 10)
        self.session = nil
    }

    /// Stops chromedriver and every browser it started: the whole process group is ended, so nothing it
    /// started outlives the audit. (`closeBrowser()` first ends the session politely where it can.)
    func stop() {
        guard processes.isRunning else { return }
        processes.end()
    }

    func navigate(to url: String) async throws {
        _ = try await send("POST", path("url"), WebDriverCommand.Navigate(url: url), timeout: Int(pageTimeout.components.seconds) + 15)
    }

    /// The ids of the elements a CSS selector finds (none is not an error).
    func elements(_ selector: String) async throws -> [String] {
        let value = try await send("POST", path("elements"), WebDriverCommand.FindElements(value: selector))
        return (value as? [[String: Any]] ?? []).compactMap { $0.values.first as? String }
    }

    func click(_ element: String) async throws {
        _ = try await send("POST", path("element/\(element)/click"), WebDriverCommand.NoParameters())
    }

    /// Runs a script in the page and returns what it returned.
    func execute(_ script: String) async throws -> Any? {
        try await send("POST", path("execute/sync"), WebDriverCommand.ExecuteScript(script: script))
    }

    /// A DevTools command through chromedriver.
    func devTools(_ command: String, _ parameters: some Encodable = [String: String]()) async throws -> [String: Any] {
        try await send("POST", path("goog/cdp/execute"), WebDriverCommand.DevTools(cmd: command, params: parameters)) as? [String: Any] ?? [:]
    }

    /// The performance log since the last call: DevTools network events, as JSON objects.
    func performanceLog() async throws -> [[String: Any]] {
        let value = try await send("POST", path("se/log"), WebDriverCommand.ReadLog(type: "performance"))
        return (value as? [[String: Any]] ?? []).compactMap { entry in
            guard let text = entry["message"] as? String,
                let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
            else { return nil }
            return object["message"] as? [String: Any]
        }
    }

    /// The most one answer may hold: a screenshot or a busy page's performance log can be tens of MB.
    static let largestAnswer = 256 * 1_048_576

    private func path(_ command: String) throws -> String {
        guard let session else { throw Failure(description: "no browser is open") }
        return "/session/\(session)/\(command)"
    }

    /// One WebDriver command: the `value` of its answer, or its error as a ``Failure``.
    @discardableResult
    private func send(_ method: String, _ path: String, _ body: (some Encodable)? = WebDriverCommand.NoParameters?.none, timeout: Int? = nil) async throws -> Any? {
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
        let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        let value = object?["value"]
        if let failure = value as? [String: Any], let error = failure["error"] as? String {
            // chromedriver's messages go on with lines of its own ("Session info: …"): a diagnostic is one line.
            let message = (failure["message"] as? String ?? "").split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            throw Failure(description: "the browser refused '\(path.split(separator: "/").last ?? "")': \(error)\(message.isEmpty ? "" : ": " + message)", code: error)
        }
        return value
    }
}
