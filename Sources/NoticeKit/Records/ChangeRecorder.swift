import Foundation

/// `notice diff --record changes.yaml OLD NEW`: appends the change from OLD to NEW to the history, as
/// one dated entry after the ones the file has, leaving every line already there as it was (the
/// editor's notes and comments included). The file is replaced in one step, so it is never half written.
public struct ChangeRecorder: Sendable {
    /// The history file, as given, and as messages show it.
    public var path: String
    public var today: CalendarDate

    public init(path: String, today: CalendarDate = .today) {
        self.path = path
        self.today = today
    }

    /// What recording did.
    public enum Outcome: Sendable, Equatable {
        /// The entry was appended.
        case recorded
        /// Nothing changed since the version last recorded.
        case unchanged
    }

    /// Appends the entry for the change, or says there is nothing to record; a history that cannot be
    /// read is an error, and the file is left as it was. `warnings` gets a note when OLD is not the
    /// version the history last recorded.
    public func record(
        oldRegistry: CookieRegistry, newRegistry: CookieRegistry, oldProcessing: ProcessingRecord?, newProcessing: ProcessingRecord?, note: String?,
        warnings: inout [Diagnostic]
    ) throws(BuildFailure) -> Outcome {
        var existing = ""
        var history = ChangeHistory(entries: [], file: SourceLocation(path: path))
        if FileManager.default.fileExists(atPath: path) {
            guard let text = FileSystem.readText(URL(fileURLWithPath: path)) else {
                throw BuildFailure(.error(.commandFileUnreadable, "\(path) could not be read as UTF-8 text; it is left as it was", at: SourceLocation(path: path)))
            }
            let reader = ChangeHistoryReader(file: SourceFile(path: path, text: text))
            let read = reader.read()
            if reader.reader.log.hasErrors || read == nil {
                throw BuildFailure(diagnostics: reader.reader.log.sorted)
            }
            history = read ?? history
            existing = text
        }
        var entry = ChangeHistory.Entry(date: today, oldRegistry: oldRegistry, newRegistry: newRegistry, oldProcessing: oldProcessing, newProcessing: newProcessing)
        entry.note = note
        let recordedRegistry = history.lastRecording(\.registry)?.registry
        let recordedProcessing = history.lastRecording(\.processing)?.processing
        if let recordedRegistry, recordedRegistry != RegistryContent.fingerprint(of: oldRegistry), recordedRegistry != entry.registry {
            warnings.append(
                .warning(
                    .recordChangeUnrecorded, "the older registry given is not the one the history last recorded, so this entry may leave out changes made in between; compare against the registry as it was published then",
                    at: SourceLocation(path: path)))
        }
        // The history already ends at this version: recording the same change twice would say it happened twice.
        if note == nil, entry.registry == recordedRegistry, entry.processing == recordedProcessing || newProcessing == nil {
            return .unchanged
        }
        var text = existing
        if text.isEmpty {
            text = "# The policy's change history, oldest first: 'notice diff --record' appends to it (docs/changes.md).\n# Edit a 'note' as you like; keep the other lines as written.\n"
        } else if !text.hasSuffix("\n") {
            text += "\n"
        }
        text += entry.yaml
        // Replaced where it really is: a history kept behind a link stays behind it.
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let staging = (target as NSString).deletingLastPathComponent + "/.\((target as NSString).lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp"
        do throws(FileTree.Failure) {
            try FileTree.write(Data(text.utf8), to: staging)
            guard rename(staging, target) == 0 else { throw FileTree.Failure(path: path, code: errno) }
        } catch {
            unlink(staging)
            throw BuildFailure(.error(.commandWriteFailed, "could not write \(path): \(error.reason); it is left as it was", at: nil))
        }
        return .recorded
    }
}
