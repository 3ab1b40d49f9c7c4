import Foundation

/// Where rendered files go as they are made: a staging folder on disk, memory, or nowhere (`check`).
/// Pages are handed over one by one from several threads, so no build holds the whole site at once.
protocol OutputSink: Sendable {
    func write(_ file: OutputFile) throws
}

/// Keeps every file in memory (the preview, tests).
final class MemorySink: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [OutputFile] = []

    func write(_ file: OutputFile) throws {
        lock.lock()
        defer { lock.unlock() }
        collected.append(file)
    }

    /// The files in path order, so results never depend on which thread finished first.
    var files: [OutputFile] {
        lock.lock()
        defer { lock.unlock() }
        return collected.sorted { $0.path < $1.path }
    }
}

/// Throws every file away: `notice check` renders everything to find problems and writes nothing.
struct DiscardSink: OutputSink {
    func write(_ file: OutputFile) throws {}
}
