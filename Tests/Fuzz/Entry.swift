import Foundation

#if FUZZING
    import FuzzDriver

    /// The program's entry point in fuzz builds: SwiftPM names an executable's entry `notice_fuzz_main`, so
    /// libFuzzer's own `main` is not used; its driver runs with the target `NOTICE_FUZZ_TARGET` names.
    @_cdecl("notice_fuzz_main")
    func fuzzMain(_ count: Int32, _ arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
        var count = count
        var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = arguments
        _ = FuzzEntry.target
        return LLVMFuzzerRunDriver(&count, &arguments) { bytes, size in fuzzOneInput(bytes, size) }
    }

    /// One input for the chosen target; also the name libFuzzer's runtime looks for.
    @_cdecl("LLVMFuzzerTestOneInput")
    func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        guard let bytes else { return 0 }
        FuzzEntry.target.run(Data(bytes: bytes, count: size))
        return 0
    }

    enum FuzzEntry {
        static let target: FuzzTarget = {
            let name = ProcessInfo.processInfo.environment["NOTICE_FUZZ_TARGET"] ?? ""
            guard let target = FuzzTarget(rawValue: name) else {
                fatalError("set NOTICE_FUZZ_TARGET to one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return target
        }()
    }
#else
    /// Without libFuzzer: replays saved inputs through the same targets, so the seed corpus and every
    /// input that once found a bug run in `make test`. It fails (exit 1) on a corpus folder that is
    /// missing or empty, a file it cannot read, an input that reaches none of the target's checks (a
    /// name pattern the parser refuses checks no matcher), and an input that runs longer than the time
    /// limit: a hang fails the run instead of stalling it.
    ///
    ///     notice-fuzz TARGET FILE-OR-FOLDER…
    @main
    enum FuzzReplay {
        /// Seconds one input may take: 10, or what `NOTICE_FUZZ_TIME_LIMIT` says.
        static let timeLimit: UInt32 = ProcessInfo.processInfo.environment["NOTICE_FUZZ_TIME_LIMIT"].flatMap { UInt32($0) }.map { max($0, 1) } ?? 10

        static func main() {
            let arguments = CommandLine.arguments.dropFirst()
            guard let name = arguments.first, let target = FuzzTarget(rawValue: name), arguments.count > 1 else {
                print("usage: notice-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) FILE-OR-FOLDER…")
                exit(2)
            }
            var failures: [String] = []
            var files: [URL] = []
            for path in arguments.dropFirst() {
                let url = URL(fileURLWithPath: path)
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                    failures.append("\(path) does not exist")
                    continue
                }
                if isFolder.boolValue {
                    let names = (try? FileManager.default.contentsOfDirectory(atPath: path))?.sorted().filter { !$0.hasPrefix(".") } ?? []
                    if names.isEmpty { failures.append("\(path) holds no inputs") }
                    files += names.map { url.appendingPathComponent($0) }
                } else {
                    files.append(url)
                }
            }
            // A hang is ended by the alarm, which names the input it was on. The signal is unblocked first:
            // a parent may have blocked it (a test runner's threads do), and a child inherits the mask.
            var alarmOnly = sigset_t()
            sigemptyset(&alarmOnly)
            sigaddset(&alarmOnly, SIGALRM)
            sigprocmask(SIG_UNBLOCK, &alarmOnly, nil)
            signal(SIGALRM) { _ in
                let message = "notice-fuzz: an input ran longer than the time limit: "
                _ = message.withCString { write(2, $0, strlen($0)) }
                if let current = FuzzReplay.current { _ = write(2, current, strlen(current)) }
                _ = write(2, "\n", 1)
                _exit(1)
            }
            var slowest = (name: "", seconds: 0.0)
            var checked = 0
            var reachedChecks = Set<String>()
            for file in files {
                guard let data = FileManager.default.contents(atPath: file.path) else {
                    failures.append("\(file.path) could not be read")
                    continue
                }
                free(current)
                current = strdup(file.path)
                let started = Date()
                alarm(timeLimit)
                let reached = target.run(data)
                alarm(0)
                let seconds = Date().timeIntervalSince(started)
                reachedChecks.formUnion(reached)
                if !reached.isEmpty { checked += 1 } else { failures.append("\(file.path) reaches none of the \(target.rawValue) target's checks; replace it with an input that does") }
                if seconds > slowest.seconds { slowest = (file.lastPathComponent, seconds) }
            }
            print("\(target.rawValue): \(files.count) inputs replayed, \(checked) reaching its checks, slowest \(slowest.name) in \(String(format: "%.3f", slowest.seconds)) s")
            for check in target.checks.subtracting(reachedChecks).sorted() {
                failures.append("no input reaches the \(target.rawValue) target's '\(check)' check; commit one that does")
            }
            for failure in failures { print("notice-fuzz: \(failure)") }
            if !failures.isEmpty { exit(1) }
        }

        /// The input being run, for the alarm's message (a C string: the handler may not allocate).
        nonisolated(unsafe) static var current: UnsafeMutablePointer<CChar>?
    }
#endif
