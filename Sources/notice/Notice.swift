import ArgumentParser
import Foundation

/// The `notice` command: builds policy sites from Markdown and a cookie registry.
@main
struct Notice: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice",
        abstract: "Build accessible cookie policies and privacy notices from Markdown and a cookie registry.",
        discussion: """
            Run `notice build` in your site's folder (the one that holds site.yaml; else its content/ folder is \
            used) to write the site to output/.
            Exit status: 0 on success, 1 when the site has errors, 2 when the command is used wrongly.
            """,
        version: NoticeVersion.current,
        subcommands: [InitCommand.self, ImportCommand.self, BuildCommand.self, CheckCommand.self, ServeCommand.self, AuditCommand.self, DiffCommand.self]
    )

    /// Runs the command with Notice's exit codes: usage mistakes exit 2 rather than the library's 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = fullMessage(for: error)
            Console.standardError.write(message.hasSuffix("\n") ? message : message + "\n")
            Foundation.exit(code == .failure ? 1 : 2)
        }
    }
}

enum NoticeVersion {
    /// The release, as the CHANGELOG's newest version heading and the publishing examples' tag give it
    /// (checked by the tests).
    static let current = "0.2.0"
}
