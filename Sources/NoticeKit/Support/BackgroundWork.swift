import Dispatch

/// Work started on another thread now, whose result (success or its error) is collected later with
/// ``wait()``: the build lists the old output folder this way while its pages render.
final class BackgroundWork<Failure: Error>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the work's thread before `done` is signalled, read only after waiting for it.
    private var failure: Failure?

    init(_ work: @escaping @Sendable () throws(Failure) -> Void) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            do throws(Failure) {
                try work()
            } catch {
                failure = error
            }
            done.signal()
        }
    }

    /// Waits for the work to finish, and throws its error if it failed. Call it once.
    func wait() throws(Failure) {
        done.wait()
        if let failure { throw failure }
    }
}
