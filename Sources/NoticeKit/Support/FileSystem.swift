public import Foundation

/// Small, deterministic file-system helpers: listings are sorted so builds never depend on disk order.
enum FileSystem {
    static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func isFile(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    static func exists(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.path)
    }

    /// Every regular file below `folder`, sorted by path; hidden files and folders are skipped, and so
    /// are links that lead outside the folder, so that a site can never publish (or a preview serve)
    /// a file from elsewhere on the machine.
    static func files(under folder: URL) -> [URL] {
        let keys: Set<URLResourceKey> = [.isRegularFileKey, .isSymbolicLinkKey]
        guard isDirectory(folder),
              let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: Array(keys), options: [.skipsHiddenFiles])
        else { return [] }
        let root = folder.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        var result: [URL] = []
        for case let url as URL in enumerator {
            guard let values = try? url.resourceValues(forKeys: keys) else { continue }
            if values.isSymbolicLink == true {
                // Only links are resolved (resolving every file is slow on large sites).
                let resolved = url.resolvingSymlinksInPath()
                guard resolved.path.hasPrefix(root),
                      (try? resolved.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            } else if values.isRegularFile != true {
                continue
            }
            result.append(url)
        }
        return result.sorted { $0.path < $1.path }
    }

    /// `file`'s path below `folder`, with `/` separators.
    /// The path is taken as written, not through links, so that a link keeps its own name.
    static func relativePath(of file: URL, under folder: URL) -> String {
        for (base, path) in [(folder.standardizedFileURL.path, file.standardizedFileURL.path),
                             (folder.standardizedFileURL.resolvingSymlinksInPath().path,
                              file.deletingLastPathComponent().standardizedFileURL.resolvingSymlinksInPath()
                                .appendingPathComponent(file.lastPathComponent).path)] where path.hasPrefix(base + "/") {
            return String(path.dropFirst(base.count + 1))
        }
        return file.lastPathComponent
    }

    /// The file as UTF-8 text with a leading byte-order mark removed, or `nil` if unreadable or not UTF-8.
    static func readText(_ url: URL) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path),
              var text = String(data: data, encoding: .utf8) else { return nil }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }
}

/// Shows paths relative to the working directory where possible, as compilers do.
public struct DisplayPaths: Sendable {
    let workingDirectory: String

    public init(workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        self.workingDirectory = workingDirectory.standardizedFileURL.path
    }

    public func display(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        if path == workingDirectory { return "." }
        if path.hasPrefix(workingDirectory + "/") {
            return String(path.dropFirst(workingDirectory.count + 1))
        }
        return path
    }
}
