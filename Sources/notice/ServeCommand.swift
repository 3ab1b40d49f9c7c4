import ArgumentParser
import Foundation
import NoticeKit
import NoticePreview

/// `notice serve`: a local preview that rebuilds and reloads as editors save.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site in a browser, rebuilding and reloading as you save.",
        discussion: """
            Serves the site from memory (nothing is written to the output folder) at http://127.0.0.1:8000/, \
            or the next free port. Pages reload after every rebuild; while the site has errors every page \
            lists them and the last version that worked stays on screen. Stop with Ctrl-C.
            """
    )

    @OptionGroup var location: SiteLocationOptions

    @Option(name: [.short, .long], help: "The port to listen on; the next free one is used if it is taken.")
    var port: Int = 8000

    @Option(help: ArgumentHelp("The address to listen on. Anything but 127.0.0.1 shows the preview to your network.", valueName: "address"))
    var bind: String = "127.0.0.1"

    @Flag(help: "Look for changes every 300 ms, for folders where change notifications do not work (network drives).")
    var poll = false

    @Flag(help: "Open the preview in the default browser.")
    var open = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
    }

    func run() async throws {
        location.announce()
        guard location.hasSite() else { throw ExitCode.failure }
        let site = location.site
        guard let chosenPort = PortFinder.firstFree(host: bind, from: port) else {
            Console.standardError.write("error: no free port from \(port) to \(port + PortFinder.attempts - 1) on \(bind); give another with --port\n")
            throw ExitCode.failure
        }
        if chosenPort != port { say("Port \(port) is in use; using \(chosenPort).") }
        if !PreviewServer.isLoopbackAddress(bind) {
            say("warning: listening on \(bind): anyone who can reach this machine can see the preview.")
        }
        let server = PreviewServer(
            options: .init(
                siteDirectory: location.siteDirectory, themeSearchPaths: location.themeSearchPaths, host: bind, port: chosenPort,
                poll: poll),
            log: { line in say(line) })
        let openBrowser = open
        try await server.run { url in
            say("Previewing \(site) at \(url) (Ctrl-C to stop)")
            if openBrowser { Browser.open(url) }
        }
    }
}

/// Writes a line to standard output at once (print would hold it back when the output is a pipe).
private func say(_ line: String) {
    Console.standardOutput.write(line + "\n")
}

/// Opens an address in the desktop's default browser, if the machine has one.
enum Browser {
    static func open(_ url: URL) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            say("Could not open a browser; open \(url) yourself.")
        }
    }
}
