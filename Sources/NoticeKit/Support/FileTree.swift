import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writing, listing and removing whole trees of files with plain system calls, for the output folder:
/// at 10,000 pages, Foundation's `FileManager` and `Data.write` spent about a second of a build in
/// checks and calls that one `open`, `write` or `unlinkat` does.
enum FileTree {
    /// A failed system call on a path, with the error number the system gave.
    struct Failure: Error, CustomStringConvertible {
        var path: String
        var code: Int32

        /// The system's words for it, in lower case: "no space left on device".
        var reason: String { String(cString: strerror(code)).lowercased() }
        var description: String { "\(path): \(reason)" }
    }

    /// Writes `data` to `path` (created or replaced, `rw-r--r--` before the umask).
    static func write(_ data: Data, to path: String) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(path: path, code: errno) }
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 { throw Failure(path: path, code: failure) }
    }

    /// The system's `write(2)` (the name `write` is this type's own).
    private static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.write(descriptor, bytes, count)
        #else
            Darwin.write(descriptor, bytes, count)
        #endif
    }

    /// Makes the folder and any missing folders above it.
    static func makeFolders(_ path: String) throws(Failure) {
        if mkdir(path, 0o755) == 0 { return }
        switch errno {
        case EEXIST:
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { throw Failure(path: path, code: ENOTDIR) }
        case ENOENT:
            let parent = (path as NSString).deletingLastPathComponent
            guard !parent.isEmpty, parent != path else { throw Failure(path: path, code: ENOENT) }
            try makeFolders(parent)
            if mkdir(path, 0o755) != 0, errno != EEXIST { throw Failure(path: path, code: errno) }
        default:
            throw Failure(path: path, code: errno)
        }
    }

    /// Removes a folder and everything in it, links removed rather than followed; the top level's
    /// folders are removed on all cores. Nothing happens when the path does not exist.
    static func remove(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            unlink(path)
            return
        }
        let top = children(of: path)
        DispatchQueue.concurrentPerform(iterations: top.count) { index in
            let child = top[index]
            if child.isFolder { removeFolder(path + "/" + child.name) } else { unlink(path + "/" + child.name) }
        }
        rmdir(path)
    }

    private static func removeFolder(_ path: String) {
        for child in children(of: path) {
            if child.isFolder { removeFolder(path + "/" + child.name) } else { unlink(path + "/" + child.name) }
        }
        rmdir(path)
    }

    /// A folder's entries (`.` and `..` left out), each with whether it is a folder (links are not).
    static func children(of path: String) -> [(name: String, isFolder: Bool)] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var result: [(String, Bool)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                var info = stat()
                isFolder = lstat(path + "/" + name, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
            }
            result.append((name, isFolder))
        }
        return result
    }
}
