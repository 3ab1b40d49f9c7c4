/// A mistake in a template's Mustache, with where it is: line and column from 1, columns in characters.
public struct TemplateSyntaxError: Error, Sendable, Equatable {
    public var message: String
    public var line: Int
    public var column: Int

    public init(_ message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }
}
