/// A generated block asked for in Markdown by a fenced code block's info string.
///
/// ```` ```cookie-table service=google-analytics ```` stays valid CommonMark: other renderers show a
/// code block, Notice puts the generated table in its place.
public struct Directive: Sendable, Equatable {
    public var name: String
    /// The `key=value` arguments in the order written.
    public var arguments: [(key: String, value: String)]
    /// The text between the fences.
    public var body: String
    public var location: SourceLocation
    /// The section ids the page gives this directive's elements (see `DirectiveHandler.sectionAnchors`).
    public var givenAnchors: [String] = []

    public init(name: String, arguments: [(key: String, value: String)], body: String = "", location: SourceLocation) {
        self.name = name
        self.arguments = arguments
        self.body = body
        self.location = location
    }

    public subscript(key: String) -> String? {
        arguments.first { $0.key == key }?.value
    }

    public static func == (lhs: Directive, rhs: Directive) -> Bool {
        lhs.name == rhs.name && lhs.body == rhs.body && lhs.location == rhs.location
            && lhs.arguments.map(\.key) == rhs.arguments.map(\.key)
            && lhs.arguments.map(\.value) == rhs.arguments.map(\.value)
    }
}

/// Reads a fence's info string: a name, then `key=value` arguments or bare flags; values with spaces go in quotes.
public enum DirectiveSyntax {
    /// The info string split into name and arguments, or a message saying what is wrong.
    public static func parse(info: String) -> Result<(name: String, arguments: [(key: String, value: String)]), DirectiveSyntaxError> {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for character in info {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character == " " || character == "\t" {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if quote != nil {
            return .failure(DirectiveSyntaxError(message: "a quoted value is not closed; add the closing quote"))
        }
        if inWord { words.append(current) }
        guard let name = words.first else {
            return .failure(DirectiveSyntaxError(message: "the directive has no name"))
        }
        var arguments: [(key: String, value: String)] = []
        for word in words.dropFirst() {
            // A bare word is a flag (`cookie-table all`), stored with an empty value.
            let key: String
            let value: String
            if let equals = word.firstIndex(of: "=") {
                guard equals != word.startIndex else {
                    return .failure(DirectiveSyntaxError(message: "'\(word)' has no name before '='; write it as key=value, e.g. service=google-analytics"))
                }
                key = String(word[..<equals])
                value = String(word[word.index(after: equals)...])
            } else {
                key = word
                value = ""
            }
            if arguments.contains(where: { $0.key == key }) {
                return .failure(DirectiveSyntaxError(message: "'\(key)' is given twice; keep one"))
            }
            arguments.append((key, value))
        }
        return .success((name, arguments))
    }
}

/// Why a directive's info string could not be read.
public struct DirectiveSyntaxError: Error, Sendable, Equatable {
    public var message: String
}
