import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A program started in a process group of its own (chromedriver), so that it and everything it starts
/// (every Chromium process) can be ended together, on every way out of an audit: finished, failed, timed
/// out, or interrupted (Ctrl-C reaches only Notice, which then ends the group).
final class ProcessGroup: @unchecked Sendable {
    let leader: pid_t
    private let lock = NSLock()
    private var ended = false

    /// Starts `executable` with `arguments`, its output discarded, as the leader of a new process group.
    init(executable: String, arguments: [String]) throws {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        // The child starts with default signal handling and nothing blocked, whatever Notice set for itself.
        var everything = sigset_t()
        var nothing = sigset_t()
        sigfillset(&everything)
        sigemptyset(&nothing)
        posix_spawnattr_setsigdefault(&attributes, &everything)
        posix_spawnattr_setsigmask(&attributes, &nothing)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard status == 0 else { throw WebDriver.Failure(description: "\(executable) could not be started: \(String(cString: strerror(status)))") }
        leader = pid
        Self.register(self)
    }

    /// Whether the group's first process is still running.
    var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return !ended && kill(leader, 0) == 0
    }

    /// Ends the whole group: asked (SIGTERM), then told (SIGKILL) once `grace` has passed; waits for the
    /// leader, so that no process is left behind, not even as a zombie.
    func end(grace: Duration = .seconds(1)) {
        lock.lock()
        guard !ended else {
            lock.unlock()
            return
        }
        ended = true
        lock.unlock()
        Self.unregister(self)
        // Chromium's crash handler starts a session of its own, outside the group: every descendant is
        // found first, while they can still be traced to the leader, and ended too.
        let descendants = Self.descendants(of: leader)
        kill(-leader, SIGTERM)
        for pid in descendants { kill(pid, SIGTERM) }
        let deadline = ContinuousClock.now + grace
        var status: Int32 = 0
        var leaderGone = false
        while ContinuousClock.now < deadline {
            if waitpid(leader, &status, WNOHANG) == leader {
                leaderGone = true
                break
            }
            usleep(20_000)
        }
        kill(-leader, SIGKILL)
        for pid in descendants { kill(pid, SIGKILL) }
        if !leaderGone { waitpid(leader, &status, 0) }
    }

    /// Every process below `root`, read from /proc (empty where there is no /proc).
    static func descendants(of root: pid_t) -> [pid_t] {
        var children: [pid_t: [pid_t]] = [:]
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = pid_t(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            // "PID (name) STATE PPID …": the name may hold spaces and brackets, so read after its last ')'.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, let parent = pid_t(fields[1]) else { continue }
            children[parent, default: []].append(pid)
        }
        var found: [pid_t] = []
        var queue = [root]
        while let next = queue.popLast() {
            for child in children[next] ?? [] {
                found.append(child)
                queue.append(child)
            }
        }
        return found
    }

    // MARK: - Every group still running, for a signal's way out

    nonisolated(unsafe) private static var running: [pid_t: ProcessGroup] = [:]
    private static let registryLock = NSLock()

    private static func register(_ group: ProcessGroup) {
        registryLock.lock()
        running[group.leader] = group
        registryLock.unlock()
    }

    private static func unregister(_ group: ProcessGroup) {
        registryLock.lock()
        running[group.leader] = nil
        registryLock.unlock()
    }

    /// Ends every group still running: what an interrupted audit does before it exits.
    static func endAll() {
        registryLock.lock()
        let groups = Array(running.values)
        registryLock.unlock()
        for group in groups { group.end(grace: .milliseconds(300)) }
    }
}

/// Ctrl-C, `kill` and a closed terminal end an audit cleanly: its browsers first, then Notice, with the
/// exit status a shell expects (128 and the signal's number).
public enum AuditInterruption {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
    nonisolated(unsafe) private static var interrupted = false
    private static let lock = NSLock()

    /// Whether a signal is ending the audit: the browsers it kills make the audit's own requests fail, and
    /// those failures must not be reported as the audit's result.
    public static var isInterrupted: Bool {
        lock.lock()
        defer { lock.unlock() }
        return interrupted
    }

    /// Called on the audit's own ways out: when a signal is ending it, waits for the signal's handler to
    /// exit with the signal's status instead.
    public static func yieldToSignal() {
        guard isInterrupted else { return }
        while true { sleep(1) }
    }

    /// Installs the handlers; `message` is printed once, on standard error, before exiting.
    public static func install(message: @escaping @Sendable (Int32) -> String) {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                lock.lock()
                interrupted = true
                lock.unlock()
                ProcessGroup.endAll()
                FileHandle.standardError.write(Data(message(signalNumber).utf8))
                exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }
}
