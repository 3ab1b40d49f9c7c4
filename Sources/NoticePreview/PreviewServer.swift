public import Foundation
import Hummingbird
import Logging
public import NoticeKit
import ServiceLifecycle

/// `notice serve`: serves a site from memory, rebuilds it when its files change, and reloads open pages.
public struct PreviewServer: Sendable {
    public struct Options: Sendable {
        public var siteDirectory: URL
        public var themeSearchPaths: [URL]
        /// The address to listen on; loopback unless the editor asks otherwise.
        public var host: String
        /// The port to listen on; 0 lets the system choose.
        public var port: Int
        /// Look for changes every 300 ms instead of using change notifications.
        public var poll: Bool

        public init(siteDirectory: URL, themeSearchPaths: [URL], host: String = "127.0.0.1", port: Int = 8000, poll: Bool = false) {
            self.siteDirectory = siteDirectory
            self.themeSearchPaths = themeSearchPaths
            self.host = host
            self.port = port
            self.poll = poll
        }
    }

    public var options: Options
    public var paths: DisplayPaths
    /// Where log lines go (the terminal).
    public var log: @Sendable (String) -> Void

    public init(options: Options, paths: DisplayPaths = DisplayPaths(), log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.paths = paths
        self.log = log
    }

    /// Host names that reach a server on a loopback address; anything else is refused.
    static let loopbackNames: Set<String> = ["localhost", "127.0.0.1", "::1"]

    /// Whether an address only accepts connections from this machine.
    public static func isLoopbackAddress(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Builds the site, starts watching and serving, and runs until interrupted (Ctrl-C).
    /// `onReady` receives the address pages are served at, with the port actually used.
    public func run(onReady: @escaping @Sendable (URL) -> Void) async throws {
        let state = PreviewState()
        let buildOptions = SiteBuilder.Options(
            siteDirectory: options.siteDirectory, outputDirectory: FileManager.default.temporaryDirectory,
            themeSearchPaths: options.themeSearchPaths)
        let rebuilder = SiteRebuilder(options: buildOptions, paths: paths, state: state)
        report(await rebuilder.buildEverything(because: "first build"))

        let roots = ([options.siteDirectory] + options.themeSearchPaths).filter {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0.path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        let watcher = makeWatcher(roots: roots)
        let allowedHosts = Self.isLoopbackAddress(options.host) ? Self.loopbackNames.union([options.host]) : []
        var logger = Logger(label: "notice.preview")
        logger.logLevel = .warning
        let host = options.host
        let app = Application(
            responder: PreviewResponder(state: state, allowedHosts: allowedHosts),
            server: .http1(configuration: .init(additionalChannelHandlers: [RequestTargetCheck()])),
            configuration: ApplicationConfiguration(address: .hostname(host, port: options.port), serverName: nil, reuseAddress: false),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let shownHost = host.contains(":") ? "[\(host)]" : host
                if let url = URL(string: "http://\(shownHost):\(port)/") { onReady(url) }
            },
            logger: logger)
        // The watcher runs as a service after the server, so that on Ctrl-C it stops first and ends the
        // open event streams; the server then finds no request still running and stops too.
        let watching = WatchService(watcher: watcher, rebuilder: rebuilder, state: state, report: report)
        let group = ServiceGroup(
            configuration: .init(
                services: [app, watching], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    private func makeWatcher(roots: [URL]) -> any FileWatcher {
        #if os(Linux)
            if !options.poll {
                do {
                    return try InotifyWatcher(roots: roots)
                } catch {
                    log("Watching for changes by polling: \(error)")
                }
            }
        #endif
        return PollingWatcher(roots: roots)
    }

    /// One line per rebuild, then its diagnostics.
    private func report(_ outcome: SiteRebuilder.Outcome) {
        let milliseconds = Double(outcome.duration.components.seconds) * 1000 + Double(outcome.duration.components.attoseconds) / 1e15
        log("\(outcome.summary) in \(String(format: "%.0f", milliseconds)) ms")
        for diagnostic in outcome.diagnostics { log("  \(diagnostic)") }
        if !outcome.succeeded { log("  The preview shows these problems on every page, and the last version that worked.") }
    }
}

/// Runs the watcher loop beside the HTTP server, and ends open event streams on shutdown so it can stop.
struct WatchService: Service {
    let watcher: any FileWatcher
    let rebuilder: SiteRebuilder
    let state: PreviewState
    let report: @Sendable (SiteRebuilder.Outcome) -> Void

    func run() async throws {
        await withGracefulShutdownHandler {
            for await changes in watcher.changes {
                report(await rebuilder.rebuild(after: changes))
            }
        } onGracefulShutdown: {
            watcher.stop()
            Task { await state.finish() }
        }
    }
}
