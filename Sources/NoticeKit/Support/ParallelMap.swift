import Foundation

/// Runs `body` for every index on all cores, and returns the results in index order, so that output
/// never depends on which thread finished first.
func parallelMap<Result>(count: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
    let slots = ResultSlots<Result>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
        slots.store(body(index), at: index)
    }
    return slots.values
}

/// One slot per index, written from many threads under a lock.
private final class ResultSlots<Result>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func store(_ result: Result, at index: Int) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = result
    }

    var values: [Result] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}

/// A counter shared by threads, for progress lines.
final class SharedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// Adds one and returns the new count.
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
