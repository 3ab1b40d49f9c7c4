import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Reports files that change under some folders, in batches: a burst of events (an editor saving
/// writes, renames and touches several files) arrives as one batch once the folders are quiet.
protocol FileWatcher: Sendable {
    /// Batches of changed file paths, until `stop()`.
    var changes: AsyncStream<Set<String>> { get }
    func stop()
}

/// Which paths are worth a rebuild: not hidden files, not editors' backup and swap files.
enum WatchedPaths {
    static func isRelevant(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        if name.isEmpty || name.hasPrefix(".") || name.hasSuffix("~") || name == "4913" { return false }
        for suffix in [".swp", ".swx", ".tmp", ".part", ".crdownload"] where name.hasSuffix(suffix) { return false }
        return !path.split(separator: "/").contains { $0.hasPrefix(".") }
    }
}

#if os(Linux)
    /// Linux change notifications (inotify): every folder below the roots is watched, new folders too.
    final class InotifyWatcher: FileWatcher, @unchecked Sendable {
        let changes: AsyncStream<Set<String>>
        private let continuation: AsyncStream<Set<String>>.Continuation
        private let descriptor: Int32
        private let quietPeriod: Int32
        private let lock = NSLock()
        /// Watch descriptors to the folder they watch. Only the reading thread writes it after start.
        private var folders: [Int32: String] = [:]
        private var stopped = false

        static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF)

        /// Starts watching; throws when inotify is not available (then polling is the way).
        init(roots: [URL], quietMilliseconds: Int32 = 15) throws {
            descriptor = inotify_init1(Int32(IN_CLOEXEC))
            guard descriptor >= 0 else { throw WatcherError(message: "change notifications are not available (\(String(cString: strerror(errno))))") }
            quietPeriod = quietMilliseconds
            (changes, continuation) = AsyncStream<Set<String>>.makeStream()
            for root in roots { watchTree(root.standardizedFileURL.resolvingSymlinksInPath().path) }
            let thread = Thread { [self] in readLoop() }
            thread.name = "notice-watcher"
            thread.start()
        }

        func stop() {
            lock.lock()
            defer { lock.unlock() }
            guard !stopped else { return }
            stopped = true
            continuation.finish()
        }

        /// The folders being watched (for tests).
        var watchedFolders: [String] {
            lock.lock()
            defer { lock.unlock() }
            return Array(folders.values)
        }

        /// Watches a folder and every real folder below it. Links are never followed: builds leave out what
        /// they lead to, and a link to /usr or /etc would otherwise mean thousands of watches on the system.
        private func watchTree(_ folder: String) {
            // IN_DONT_FOLLOW: a folder replaced by a link between listing and watching is not followed either.
            let watch = inotify_add_watch(descriptor, folder, Self.mask | UInt32(IN_DONT_FOLLOW) | UInt32(IN_ONLYDIR))
            guard watch >= 0 else { return }
            lock.lock()
            folders[watch] = folder
            lock.unlock()
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for entry in entries where !entry.hasPrefix(".") {
                let path = folder + "/" + entry
                var info = stat()
                if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                    watchTree(path)
                }
            }
        }

        private var isStopped: Bool {
            lock.lock()
            defer { lock.unlock() }
            return stopped
        }

        private func readLoop() {
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            var pending = Set<String>()
            while !isStopped {
                // Wait for events; once some have come, wait only for the burst to end.
                var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                let ready = poll(&poller, 1, pending.isEmpty ? 250 : quietPeriod)
                if ready == 0 {
                    if !pending.isEmpty {
                        continuation.yield(pending)
                        pending = []
                    }
                    continue
                }
                guard ready > 0 else { if errno == EINTR { continue } else { break } }
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                guard count > 0 else { break }
                pending.formUnion(parse(buffer, count: count))
            }
            close(descriptor)
        }

        private func parse(_ buffer: [UInt8], count: Int) -> Set<String> {
            var paths = Set<String>()
            var offset = 0
            let headerSize = MemoryLayout<inotify_event>.size
            while offset + headerSize <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameBytes = buffer[(offset + headerSize)..<min(count, offset + headerSize + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += headerSize + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    // Events were lost (thousands of files changed at once): rebuild everything.
                    paths.insert("/")
                    continue
                }
                lock.lock()
                let watched = folders[watch]
                lock.unlock()
                guard let folder = watched else { continue }
                let path = name.isEmpty ? folder : folder + "/" + name
                if mask & UInt32(IN_ISDIR) != 0 {
                    if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, !name.hasPrefix(".") { watchTree(path) }
                    paths.insert(path)
                    continue
                }
                if WatchedPaths.isRelevant(path) { paths.insert(path) }
            }
            return paths
        }
    }
#endif

/// Looks for changes every so often, for file systems without change notifications (network drives,
/// some containers): `notice serve --poll`.
final class PollingWatcher: FileWatcher, @unchecked Sendable {
    let changes: AsyncStream<Set<String>>
    private let continuation: AsyncStream<Set<String>>.Continuation
    private let task: Task<Void, Never>

    init(roots: [URL], interval: Duration = .milliseconds(300)) {
        let (stream, continuation) = AsyncStream<Set<String>>.makeStream()
        changes = stream
        self.continuation = continuation
        task = Task.detached {
            var previous = Self.scan(roots)
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                let current = Self.scan(roots)
                var changed = Set<String>()
                for (path, stamp) in current where previous[path] != stamp { changed.insert(path) }
                for path in previous.keys where current[path] == nil { changed.insert(path) }
                previous = current
                if !changed.isEmpty { continuation.yield(changed) }
            }
        }
    }

    func stop() {
        task.cancel()
        continuation.finish()
    }

    /// Each relevant file's modification time and size; links are neither followed nor looked at.
    static func scan(_ roots: [URL]) -> [String: [Double]] {
        var stamps: [String: [Double]] = [:]
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey, .isSymbolicLinkKey]
        for root in roots {
            guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
            else { continue }
            for case let url as URL in enumerator {
                guard let values = try? url.resourceValues(forKeys: Set(keys)) else { continue }
                if values.isSymbolicLink == true {
                    enumerator.skipDescendants()
                    continue
                }
                guard values.isRegularFile == true, WatchedPaths.isRelevant(url.path) else { continue }
                stamps[url.standardizedFileURL.path] = [values.contentModificationDate?.timeIntervalSince1970 ?? 0, Double(values.fileSize ?? 0)]
            }
        }
        return stamps
    }
}

/// Why watching could not start.
struct WatcherError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
