/// A position in a source file, as editors count it: lines and columns start at 1.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file's path as it should be shown to the user.
    public var path: String
    /// The line, counted from 1.
    public var line: Int
    /// The column in characters (Unicode scalars), counted from 1.
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = max(1, line)
        self.column = max(1, column)
    }

    /// `path:line:column`, the form compilers use and editors' tools recognise.
    public var description: String { "\(path):\(line):\(column)" }

    /// The description with control characters in the path escaped.
    var printable: String { PrintableText.escaping(description) }

    /// The path with control characters escaped.
    var printablePath: String { PrintableText.escaping(path) }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }

    /// The same file, moved down by `lines` (for text embedded after a preamble such as front matter).
    func offset(lines: Int) -> SourceLocation {
        SourceLocation(path: path, line: line + lines, column: column)
    }
}
