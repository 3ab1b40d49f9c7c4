import Foundation
import NoticeKit

/// The preview's current site, held in memory: the files of the last good build, the problems of the
/// latest failed one, and the pages listening for the next change.
actor PreviewState {
    /// The files of the last build that succeeded, by output path (`cookies/index.html`).
    private(set) var files: [String: Data] = [:]
    /// The errors (and warnings) of the latest build if it failed; empty once a build succeeds.
    private(set) var failure: [Diagnostic] = []
    /// Counts builds, successful or not; sent to listening pages so they reload.
    private(set) var revision = 0
    /// The texts of the error panel, from the last site that loaded.
    private(set) var texts = PreviewOverlay.Texts()
    private var listeners: [UUID: AsyncStream<Int>.Continuation] = [:]
    private var finished = false

    init(files: [String: Data] = [:], failure: [Diagnostic] = []) {
        self.files = files
        self.failure = failure
    }

    /// A successful build: serve these files from now on and tell every open page to reload.
    func publish(_ files: [String: Data], strings: Strings? = nil) {
        self.files = files
        if let strings { texts = PreviewOverlay.Texts(strings: strings) }
        failure = []
        announce()
    }

    /// A failed build: keep serving the last good files, with the problems shown on every page.
    func fail(with diagnostics: [Diagnostic]) {
        failure = diagnostics
        announce()
    }

    /// Pages re-rendered on their own: their new files, and the problems pages still have.
    func update(_ changed: [String: Data], failure: [Diagnostic]) {
        files.merge(changed) { _, new in new }
        self.failure = failure
        announce()
    }

    /// A stream of revisions, one after each build, until the preview stops.
    func listen() -> AsyncStream<Int> {
        let (stream, continuation) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
        if finished {
            continuation.finish()
            return stream
        }
        let id = UUID()
        listeners[id] = continuation
        continuation.onTermination = { _ in Task { await self.stopListening(id) } }
        return stream
    }

    var listenerCount: Int { listeners.count }

    /// Ends every stream, so that open event connections close and the server can shut down.
    func finish() {
        finished = true
        for continuation in listeners.values { continuation.finish() }
        listeners = [:]
    }

    private func stopListening(_ id: UUID) {
        listeners[id] = nil
    }

    private func announce() {
        revision += 1
        for continuation in listeners.values { continuation.yield(revision) }
    }
}
