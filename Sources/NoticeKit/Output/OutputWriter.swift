import CExchange
public import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a build into a staging folder and swaps it in whole, so a failed build leaves the old output.
///
/// Output folders carry a marker file that lists every file Notice wrote there; Notice replaces only a
/// folder that holds exactly those files (or an empty one), never a folder of the user's, unless told to
/// with `force`. Some folders are never replaced at all: the root, the home folder, the system's folders
/// and any folder that holds the site or the home folder.
public struct OutputWriter: Sendable {
    public static let markerName = ".notice-output"

    public var directory: URL
    public var siteDirectory: URL
    public var force: Bool
    public var paths: DisplayPaths
    /// The home folder as the environment names it (`$HOME`); the account's own is checked as well.
    public var environmentHome: String?
    /// What is written: a built site, or an audit report; each replaces only folders of its own kind.
    public var kind: Kind
    /// How messages name the folder ("the output folder", "the report folder").
    private var role: String { kind == .build ? "the output folder" : "the report folder" }

    public typealias Kind = OutputKind

    public init(directory: URL, siteDirectory: URL, force: Bool = false, paths: DisplayPaths = DisplayPaths(), kind: Kind = .build) {
        self.directory = directory.standardizedFileURL
        self.siteDirectory = siteDirectory.standardizedFileURL
        self.force = force
        self.paths = paths
        self.kind = kind
        environmentHome = ProcessInfo.processInfo.environment["HOME"]
    }

    /// The account's home folder from the password database, whatever `$HOME` says.
    public static var passwordHome: String? {
        guard let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir else { return nil }
        return String(cString: directory)
    }

    /// The folder actually replaced: when the output is a link (`output -> /srv/www/html`), its target,
    /// so that the link stays and the site it points to is updated.
    private var realDirectory: URL { directory.resolvingSymlinksInPath() }

    /// Checks that writing to the directory cannot destroy anything that is not Notice's.
    public func checkDestination() throws(BuildFailure) {
        try checkLocation()
        try checkContents()
    }

    /// Checks that the folder is not one no build may replace (the root, a home or system folder, the
    /// site's own), and not a file.
    func checkLocation() throws(BuildFailure) {
        let target = Self.canonical(directory.path)
        let site = Self.canonical(siteDirectory.path)
        let homes = Set([environmentHome, Self.passwordHome].compactMap { $0 }.filter { !$0.isEmpty }.map(Self.canonical))
        let shown = paths.display(directory)
        // These hold whatever --force says: no build may replace them.
        if target == "/" {
            throw refusal("\(role) \(shown) is the root of the file system; choose a folder of its own, such as \(kind.usualFolder)")
        }
        if homes.contains(target) {
            throw refusal("\(role) \(shown) is your home folder; choose a folder of its own, such as \(kind.usualFolder)")
        }
        if let home = homes.first(where: { $0.hasPrefix(target + "/") }) {
            throw refusal("\(role) \(shown) holds your home folder \(home); choose a folder of its own, such as \(kind.usualFolder)")
        }
        if let system = SystemFolders.protecting(target) {
            throw refusal("\(role) \(shown) is \(system == target ? "a system folder" : "inside the system folder \(system)"); choose a folder of its own, such as \(kind.usualFolder)")
        }
        if site == target || site.hasPrefix(target + "/") {
            throw refusal("\(role) \(shown) holds the site itself; choose another folder, such as \(kind.usualFolder)")
        }
        for folder in [SiteLoader.pagesFolderName, SiteLoader.themesFolderName, SiteLoader.staticFolderName] {
            let source = site + "/" + folder
            if target == source || target.hasPrefix(source + "/") {
                throw refusal("\(role) \(shown) is inside the site's \(folder)/ folder; choose a folder outside it, such as \(kind.usualFolder)")
            }
        }
        if FileSystem.isFile(directory) {
            throw refusal("\(shown) is a file, not a folder; choose a folder for the output")
        }
    }

    /// Checks that the folder holds only what Notice wrote there (unless `force`): the part of
    /// ``checkDestination()`` that lists the old output, which a build does while its pages render.
    func checkContents() throws(BuildFailure) {
        if !force, FileSystem.isDirectory(directory) {
            try checkOnlyNoticesFiles(in: realDirectory, shown: paths.display(directory))
        }
    }

    /// A folder may be replaced without `--force` only when it is empty or holds exactly the files its
    /// marker lists: a marker copied into another folder proves nothing about that folder's files.
    private func checkOnlyNoticesFiles(in folder: URL, shown: String) throws(BuildFailure) {
        let present = FileSystem.entries(under: folder)
        guard !present.isEmpty else { return }
        let markerURL = folder.appendingPathComponent(Self.markerName)
        guard let marker = FileSystem.readText(markerURL).flatMap(OutputMarker.init(text:)) else {
            let problem =
                FileSystem.exists(markerURL)
                ? "has a \(Self.markerName) file from an older notice or another program, which does not say what notice wrote"
                : "already has files that notice did not write"
            throw refusal("\(role) \(shown) \(problem); empty it, choose another folder, or add --force to replace its contents")
        }
        guard marker.kind == kind else {
            throw refusal("\(role) \(shown) holds what `\(marker.kind.command)` wrote, which this would replace; choose a folder of its own, such as \(kind.usualFolder)")
        }
        let foreign = marker.foreignEntries(in: present)
        guard foreign.isEmpty else {
            let listed = foreign.prefix(5).map { "'\($0)'" }.joined(separator: ", ") + (foreign.count > 5 ? " and \(foreign.count - 5) more" : "")
            throw refusal("\(role) \(shown) has files that were not written by notice: \(listed); move them somewhere else, or add --force to replace them")
        }
    }

    /// A fresh staging folder beside the output, with Notice's marker in it, once the output's location
    /// is known to be one that may be replaced (its contents are checked by ``checkContents()``).
    func beginStaging() throws(BuildFailure) -> StagingFolder {
        try checkLocation()
        let manager = FileManager.default
        let real = realDirectory
        let parent = real.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(real.lastPathComponent).notice-staging-\(getpid())")
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            removeAbandonedStaging(in: parent)
            if FileSystem.exists(staging) { try manager.removeItem(at: staging) }
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            try? manager.removeItem(at: staging)
            throw refusal("could not prepare the output next to \(paths.display(directory)): \(Self.describe(error)); the previous output was left as it was", code: .outputWriteFailed)
        }
        return StagingFolder(url: staging, kind: kind, previous: previousOutput())
    }

    /// The files the current output's marker lists, to keep those whose bytes do not change.
    private func previousOutput() -> StagingFolder.Previous? {
        let real = realDirectory
        guard let marker = FileSystem.readText(real.appendingPathComponent(Self.markerName)).flatMap(OutputMarker.init(text:)),
            marker.kind == kind
        else { return nil }
        return StagingFolder.Previous(folder: real.path, sizes: marker.files)
    }

    /// Writes a few files as one replacement of the folder (an audit report): checked, staged, swapped in.
    public func replace(with files: [OutputFile]) throws(BuildFailure) {
        try checkDestination()
        let staging = try beginStaging()
        do {
            for file in files { try staging.write(file) }
        } catch {
            discard(staging)
            throw refusal("could not write into \(paths.display(directory)): \(Self.describe(error)); what was there was left as it was", code: .outputWriteFailed)
        }
        try commit(staging)
    }

    /// Puts a complete staging folder in place of the output, with the marker that lists its files.
    func commit(_ staging: StagingFolder) throws(BuildFailure) {
        do {
            try Data(staging.marker.text.utf8).write(to: staging.url.appendingPathComponent(Self.markerName))
            try swapIn(staging.url)
        } catch {
            discard(staging)
            throw refusal("could not replace \(paths.display(directory)) with the new build: \(Self.describe(error)); the previous output was left as it was", code: .outputWriteFailed)
        }
    }

    /// Throws a staging folder away (the build failed); the output is untouched.
    func discard(_ staging: StagingFolder) {
        FileTree.remove(staging.url.path)
    }

    /// Replaces the output folder with the staged one: in one step where Linux allows, else by two renames.
    private func swapIn(_ staging: URL) throws {
        let manager = FileManager.default
        let real = realDirectory
        guard FileSystem.exists(real) else {
            try manager.moveItem(at: staging, to: real)
            return
        }
        // Swapping both names in one step: readers never see a missing or half-written folder.
        if notice_exchange_paths(staging.path, real.path) == 0 {
            // The new build is in place; the old one (now at the staging name) is only cleaned up.
            FileTree.remove(staging.path)
            return
        }
        let previous = real.deletingLastPathComponent()
            .appendingPathComponent(".\(real.lastPathComponent).notice-previous-\(getpid())")
        try manager.moveItem(at: real, to: previous)
        do {
            try manager.moveItem(at: staging, to: real)
        } catch {
            try? manager.moveItem(at: previous, to: real)
            throw error
        }
        FileTree.remove(previous.path)
    }

    /// Removes staging folders left by builds that were killed (their process no longer exists).
    private func removeAbandonedStaging(in parent: URL) {
        let prefixes = [".\(realDirectory.lastPathComponent).notice-staging-", ".\(realDirectory.lastPathComponent).notice-previous-"]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names {
            guard let prefix = prefixes.first(where: name.hasPrefix), let pid = Int32(name.dropFirst(prefix.count)) else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
            }
        }
    }

    /// A path as the file system knows it: `..` and links resolved.
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    private func refusal(_ message: String, code: DiagnosticCode = .outputFolderRefused) -> BuildFailure {
        BuildFailure(.error(code, message, at: nil))
    }

    static func describe(_ error: any Error) -> String {
        if let failure = error as? FileTree.Failure { return failure.reason }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue)).lowercased()
        }
        return nsError.localizedDescription
    }
}

/// A build being written: files go here first, and the folder replaces the output only when complete.
final class StagingFolder: OutputSink, @unchecked Sendable {
    let url: URL
    let kind: OutputKind
    /// The output being replaced, when Notice wrote it: a file whose bytes are the same is linked from
    /// there rather than written again, so it keeps its time and a deploy that syncs by time and size
    /// uploads only what changed.
    let previous: Previous?
    private let lock = NSLock()
    private var written: [String: Int] = [:]
    private var kept = 0
    /// Folders already made, so each page costs one `open` rather than a walk up its folders.
    private var madeFolders: Set<String> = []

    struct Previous: Sendable {
        let folder: String
        /// Sizes by path, from its marker: only files it lists are reused.
        let sizes: [String: Int]
    }

    init(url: URL, kind: OutputKind, previous: Previous? = nil) {
        self.url = url
        self.kind = kind
        self.previous = previous
    }

    /// How many files were kept from the previous output.
    var keptCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return kept
    }

    /// Links the previous output's copy of the file into place when its bytes are `bytes`.
    private func keepPrevious(_ path: String, at destination: String, sameAs bytes: () -> Data?) -> Bool {
        guard let previous, let size = previous.sizes[path] else { return false }
        let old = previous.folder + "/" + path
        guard FileSystem.size(of: URL(fileURLWithPath: old)) == size, let new = bytes(), new.count == size,
            FileManager.default.contents(atPath: old) == new, link(old, destination) == 0
        else { return false }
        lock.lock()
        kept += 1
        lock.unlock()
        return true
    }

    func write(_ file: OutputFile) throws {
        let destination = url.path + "/" + file.path
        let folder = (destination as NSString).deletingLastPathComponent
        lock.lock()
        let folderMade = madeFolders.contains(folder)
        lock.unlock()
        if !folderMade {
            try FileTree.makeFolders(folder)
            lock.lock()
            madeFolders.insert(folder)
            lock.unlock()
        }
        let size: Int
        switch file.contents {
        case .data(let data):
            if !keepPrevious(file.path, at: destination, sameAs: { data }) {
                try FileTree.write(data, to: destination)
            }
            size = data.count
        case .copy(let source):
            if !keepPrevious(file.path, at: destination, sameAs: { FileManager.default.contents(atPath: source.path) }) {
                try FileManager.default.copyItem(at: source, to: URL(fileURLWithPath: destination))
            }
            size = FileSystem.size(of: URL(fileURLWithPath: destination)) ?? 0
        }
        lock.lock()
        written[file.path] = size
        lock.unlock()
    }

    /// The marker for what has been written so far.
    var marker: OutputMarker {
        lock.lock()
        defer { lock.unlock() }
        return OutputMarker(files: written, kind: kind)
    }
}
