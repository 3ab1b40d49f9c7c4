public import Foundation

/// Reads a registry file on its own, outside a site (for `notice diff` and audits).
public enum RegistryFile {
    /// The registry in the file, or every problem found in it.
    public static func load(_ url: URL, paths: DisplayPaths = DisplayPaths()) throws(BuildFailure) -> (registry: CookieRegistry, warnings: [Diagnostic]) {
        let display = paths.display(url)
        guard FileSystem.isFile(url) else {
            throw BuildFailure(.error(.commandFileMissing, "there is no registry file at \(display)", at: nil))
        }
        guard let text = FileSystem.readText(url) else {
            throw BuildFailure(.error(.commandFileNotUtf8, "this file could not be read; save it as UTF-8 text", at: SourceLocation(path: display)))
        }
        return try load(text: text, shownAs: display)
    }

    /// The registry in text read from anywhere (standard input, a pipe, `<(git show …)`), shown in messages
    /// as `shownAs`.
    public static func load(text: String, shownAs display: String) throws(BuildFailure) -> (registry: CookieRegistry, warnings: [Diagnostic]) {
        let reader = RegistryReader(file: SourceFile(path: display, text: text))
        let registry = reader.read()
        let diagnostics = reader.reader.log.sorted
        guard let registry, !reader.reader.log.hasErrors else { throw BuildFailure(diagnostics: diagnostics) }
        return (registry, diagnostics)
    }
}
