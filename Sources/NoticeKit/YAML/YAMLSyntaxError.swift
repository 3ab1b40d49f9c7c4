import Yams

/// Turns libyaml's terse parse errors into diagnostics an editor can act on.
enum YAMLSyntaxError {
    static func diagnostic(for error: YamlError, in file: SourceFile) -> Diagnostic {
        switch error {
        case let .scanner(_, problem, mark, _),
             let .parser(_, problem, mark, _),
             let .composer(_, problem, mark, _):
            return .error(explain(problem), at: file.location(line: mark.line, column: mark.column))
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error(
                "the key \(keys) is written more than once in the same block; keep only one",
                at: file.location(line: context.mark.line, column: context.mark.column))
        case let .reader(problem, offset, _, yaml):
            var location = file.start
            if let offset {
                let prefix = yaml.prefix(offset)
                let line = prefix.count { $0 == "\n" } + 1
                let column = prefix.count - (prefix.lastIndex(of: "\n").map { prefix.distance(from: prefix.startIndex, to: $0) + 1 } ?? 0) + 1
                location = file.location(line: line, column: column)
            }
            return .error("the file could not be read as text (\(problem)); save it as UTF-8", at: location)
        default:
            return .error("this is not valid YAML: \(error)", at: file.start)
        }
    }

    /// libyaml's wording, followed by what usually causes it.
    static func explain(_ problem: String) -> String {
        let hint: String
        switch problem {
        case let text where text.contains("Maximum nesting level reached"):
            return "the settings here are nested more than 1,000 levels deep, which no Notice file needs; check the brackets and the indentation"
        case let text where text.contains("mapping values are not allowed"):
            hint = "a value that contains ': ' must be put in quotes, or the line is indented wrongly"
        case let text where text.contains("cannot start any token"), let text where text.contains("tab character"):
            hint = "YAML does not allow tabs for indentation (use spaces), and values starting with @ or ` need quotes"
        case let text where text.contains("did not find expected key"):
            hint = "check the indentation of this line against the lines above it"
        case let text where text.contains("did not find expected '-' indicator"):
            hint = "a list item should start with '- ' at the same indentation as the others"
        case let text where text.contains("found undefined alias"), let text where text.contains("found unknown escape"):
            hint = "put the value in single quotes"
        case let text where text.contains("could not find expected ':'"):
            hint = "each line should be `key: value`; a long value may need quotes"
        default:
            hint = "check the indentation and put values with special characters in quotes"
        }
        return "this is not valid YAML (\(problem)): \(hint)"
    }
}
