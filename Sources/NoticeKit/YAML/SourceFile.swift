/// The text of one source file, with the path to show in diagnostics.
public struct SourceFile: Sendable {
    /// The path as shown to the user (relative to the working directory where possible).
    public var path: String
    public var text: String
    /// Lines of the real file that come before `text` (front matter's opening `---`, say).
    public var lineOffset: Int

    public init(path: String, text: String, lineOffset: Int = 0) {
        self.path = path
        self.text = text
        self.lineOffset = lineOffset
    }

    /// The location of a line and column of `text` in the real file.
    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line + lineOffset, column: column)
    }

    /// Where the file starts.
    var start: SourceLocation { location(line: 1, column: 1) }
}
