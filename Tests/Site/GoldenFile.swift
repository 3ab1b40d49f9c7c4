import Foundation
import Testing

/// Golden files, compared byte for byte. `UPDATE_GOLDEN=1` rewrites those that differ and prints each
/// one it rewrote; it never creates a missing one (`UPDATE_GOLDEN=create` does, deliberately), and it is
/// refused when `CI` is set, so a pipeline can never bless its own output.
enum GoldenFile {
    enum Mode {
        case compare, update, create
    }

    static var mode: Mode {
        switch ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] {
        case "1"?: .update
        case "create"?: .create
        default: .compare
        }
    }

    static var inCI: Bool { !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty }

    static func check(
        _ produced: Data, against file: URL, shownAs name: String, mode: Mode = Self.mode, inCI: Bool = Self.inCI,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        var mode = mode
        if mode != .compare, inCI {
            Issue.record("UPDATE_GOLDEN is refused when CI is set: golden files are reviewed changes, not something a pipeline rewrites", sourceLocation: sourceLocation)
            mode = .compare
        }
        guard FileManager.default.fileExists(atPath: file.path) else {
            if mode == .create {
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try produced.write(to: file)
                FileHandle.standardError.write(Data("created golden file \(name)\n".utf8))
            } else {
                Issue.record("the golden file \(name) is missing; create it deliberately with UPDATE_GOLDEN=create, and review it", sourceLocation: sourceLocation)
            }
            return
        }
        let expected = try Data(contentsOf: file)
        guard produced != expected else { return }
        if mode != .compare {
            try produced.write(to: file)
            FileHandle.standardError.write(Data("rewrote golden file \(name)\n".utf8))
            return
        }
        Issue.record("the output differs from the golden file \(name); if the change is intended, run UPDATE_GOLDEN=1 and review the diff", sourceLocation: sourceLocation)
    }
}
