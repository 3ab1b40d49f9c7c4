import Foundation

/// Standard output and error, with what the CLI needs to know about them (is it a terminal, may it colour).
struct Console {
    let handle: FileHandle
    let descriptor: Int32

    static let standardOutput = Console(handle: .standardOutput, descriptor: STDOUT_FILENO)
    static let standardError = Console(handle: .standardError, descriptor: STDERR_FILENO)

    func write(_ text: String) {
        handle.write(Data(text.utf8))
    }

    var isTerminal: Bool { isatty(descriptor) == 1 }

    /// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
    var allowsColour: Bool {
        let noColour = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return isTerminal && !noColour && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }
}
