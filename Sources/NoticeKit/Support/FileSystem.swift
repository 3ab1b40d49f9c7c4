public import Foundation

#if canImport(Glibc)
    import Glibc
#endif

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
        guard isDirectory(folder) else { return [] }
        let root = folder.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        var result: [URL] = []
        collectFiles(in: folder, root: root, into: &result)
        return result.sorted { $0.path < $1.path }
    }

    /// One folder's entries by `readdir`, whose entry types save a `stat` call per file (on a site of
    /// 10,000 pages, listing by URL resource values cost a twentieth of the build).
    private static func collectFiles(in folder: URL, root: String, into result: inout [URL]) {
        guard let directory = opendir(folder.path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let type = entry.pointee.d_type
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            guard !name.hasPrefix(".") else { continue }
            let url = folder.appendingPathComponent(name)
            switch Int32(type) {
            case Int32(DT_DIR):
                collectFiles(in: url, root: root, into: &result)
            case Int32(DT_REG):
                result.append(url)
            case Int32(DT_LNK):
                // Only links are resolved (resolving every file is slow on large sites); a link is a file
                // of the site only when it leads to a regular file inside the folder.
                let resolved = url.resolvingSymlinksInPath()
                if resolved.path.hasPrefix(root), isRegularFile(resolved.path) { result.append(url) }
            case Int32(DT_UNKNOWN):
                // File systems that do not say the type: ask, without following links.
                var info = stat()
                guard lstat(url.path, &info) == 0 else { continue }
                if info.st_mode & S_IFMT == S_IFDIR {
                    collectFiles(in: url, root: root, into: &result)
                } else if info.st_mode & S_IFMT == S_IFREG {
                    result.append(url)
                } else if info.st_mode & S_IFMT == S_IFLNK {
                    let resolved = url.resolvingSymlinksInPath()
                    if resolved.path.hasPrefix(root), isRegularFile(resolved.path) { result.append(url) }
                }
            default:
                continue  // sockets, pipes, devices
            }
        }
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// One thing found in a folder, its links not followed.
    struct Entry: Equatable {
        enum Kind { case file, folder, other }
        /// The path below the folder searched, with `/` separators.
        var path: String
        var kind: Kind
        var size: Int
    }

    /// Everything below `folder`, hidden files included, links reported as links and never followed.
    static func entries(under folder: URL) -> [Entry] {
        var result: [Entry] = []
        func walk(_ path: String, relative: String) {
            for child in FileTree.children(of: path) {
                let full = path + "/" + child.name
                let below = relative.isEmpty ? child.name : relative + "/" + child.name
                if child.isFolder {
                    result.append(Entry(path: below, kind: .folder, size: 0))
                    walk(full, relative: below)
                    continue
                }
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }
                let kind: Entry.Kind = info.st_mode & S_IFMT == S_IFREG ? .file : .other
                result.append(Entry(path: below, kind: kind, size: Int(info.st_size)))
            }
        }
        walk(folder.path, relative: "")
        return result
    }

    /// The size of a file (of a link itself, for a link), or `nil` when it is not there.
    static func size(of url: URL) -> Int? {
        var info = stat()
        return lstat(url.path, &info) == 0 ? Int(info.st_size) : nil
    }

    /// `file`'s path below `folder`, with `/` separators.
    /// The path is taken as written, not through links, so that a link keeps its own name.
    static func relativePath(of file: URL, under folder: URL) -> String {
        let base = folder.standardizedFileURL.path
        let path = file.standardizedFileURL.path
        if path.hasPrefix(base + "/") { return String(path.dropFirst(base.count + 1)) }
        // Only when the plain paths differ are links resolved: it costs system calls for every file.
        let resolvedBase = folder.standardizedFileURL.resolvingSymlinksInPath().path
        let resolvedPath = file.deletingLastPathComponent().standardizedFileURL.resolvingSymlinksInPath()
            .appendingPathComponent(file.lastPathComponent).path
        if resolvedPath.hasPrefix(resolvedBase + "/") { return String(resolvedPath.dropFirst(resolvedBase.count + 1)) }
        return file.lastPathComponent
    }

    /// The file as UTF-8 text with a leading byte-order mark removed, or `nil` if unreadable or not UTF-8.
    static func readText(_ url: URL) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path),
            var text = String(data: data, encoding: .utf8)
        else { return nil }
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
