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
    /// input that once found a bug run in `make test`.
    ///
    ///     notice-fuzz TARGET FILE-OR-FOLDER…
    @main
    enum FuzzReplay {
        static func main() {
            let arguments = CommandLine.arguments.dropFirst()
            guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
                print("usage: notice-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) FILE-OR-FOLDER…")
                exit(2)
            }
            var files: [URL] = []
            for path in arguments.dropFirst() {
                let url = URL(fileURLWithPath: path)
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
                if isFolder.boolValue {
                    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                    files += names.sorted().filter { !$0.hasPrefix(".") }.map { url.appendingPathComponent($0) }
                } else {
                    files.append(url)
                }
            }
            var slowest = (name: "", seconds: 0.0)
            for file in files {
                guard let data = FileManager.default.contents(atPath: file.path) else { continue }
                let started = Date()
                target.run(data)
                let seconds = Date().timeIntervalSince(started)
                if seconds > slowest.seconds { slowest = (file.lastPathComponent, seconds) }
            }
            print("\(target.rawValue): \(files.count) inputs replayed, slowest \(slowest.name) in \(String(format: "%.3f", slowest.seconds)) s")
        }
    }
#endif
