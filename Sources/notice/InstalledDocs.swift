import Foundation
import NoticeKit

/// Where Notice's documentation is for the person running it: messages name `docs/content.md` as a
/// checkout has it; an installed program (`make install`) has the docs in `PREFIX/share/doc/notice/docs`,
/// and its messages name that path instead.
enum InstalledDocs {
    /// The installed docs folder beside the program (`…/bin/notice` → `…/share/doc/notice/docs`), if any.
    static let folder: String? = {
        let executable = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
        let docs = executable.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("share/doc/notice/docs")
        return FileManager.default.fileExists(atPath: docs.appendingPathComponent("content.md").path) ? docs.path : nil
    }()

    /// The message with each `docs/NAME.md` naming the installed file, when Notice is installed.
    static func located(_ message: String) -> String {
        guard let folder else { return message }
        // "docs/" at the start or after a space or bracket: a path of Notice's, not part of another path.
        return message.replacing(/(^|[\s(])docs\/([a-z-]+\.md)/) { match in match.output.1 + folder + "/" + match.output.2 }
    }

    static func located(_ diagnostic: Diagnostic) -> Diagnostic {
        var diagnostic = diagnostic
        diagnostic.message = located(diagnostic.message)
        return diagnostic
    }
}
