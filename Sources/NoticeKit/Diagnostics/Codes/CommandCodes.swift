/// Codes of the commands' own problems: files given on the command line, the output folder, the
/// preview (docs/diagnostics.md).
extension DiagnosticCode {
    public static let commandFileMissing = DiagnosticCode.error("command.file.missing", "a file given on the command line does not exist")
    public static let commandFileIsFolder = DiagnosticCode.error("command.file.is-folder", "a folder given where a file is needed")
    public static let commandFileUnreadable = DiagnosticCode.error("command.file.unreadable", "a file that could not be read")
    public static let commandFileNotUtf8 = DiagnosticCode.error("command.file.not-utf8", "a file that is not UTF-8 text")
    public static let commandFetchFailed = DiagnosticCode.error("command.fetch.failed", "an address that could not be fetched")
    public static let commandFolderNotEmpty = DiagnosticCode.error("command.folder.not-empty", "a folder for new files that already has files")
    public static let commandWriteFailed = DiagnosticCode.error("command.write.failed", "files that could not be written")
    public static let outputFolderRefused = DiagnosticCode.error("output.folder.refused", "an output folder Notice will not write into")
    public static let outputWriteFailed = DiagnosticCode.error("output.write.failed", "the output could not be written or swapped into place")
    public static let previewFileUnreadable = DiagnosticCode.error("preview.file.unreadable", "a file of the site the preview could not read")

    public static let commandCodes: [DiagnosticCode] = [
        commandFileMissing, commandFileIsFolder, commandFileUnreadable, commandFileNotUtf8, commandFetchFailed, commandFolderNotEmpty,
        commandWriteFailed, outputFolderRefused, outputWriteFailed, previewFileUnreadable,
    ]
}
