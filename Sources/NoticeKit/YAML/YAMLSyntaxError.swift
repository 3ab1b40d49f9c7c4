import Yams

/// Turns libyaml's terse parse errors into diagnostics an editor can act on.
enum YAMLSyntaxError {
    static func diagnostic(for error: YamlError, in file: SourceFile) -> Diagnostic {
        switch error {
        case let .scanner(_, problem, mark, _),
            let .parser(_, problem, mark, _),
            let .composer(_, problem, mark, _):
            if let advice = misalignedKey(in: file, near: mark.line) {
                return .error(.yamlSyntaxInvalid, advice.message, at: file.location(line: advice.line, column: advice.column))
            }
            return .error(.yamlSyntaxInvalid, explain(problem), at: file.location(line: mark.line, column: mark.column))
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error(
                .yamlSyntaxInvalid,
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
            return .error(.yamlFileNotUtf8, "the file could not be read as text (\(problem)); save it as UTF-8", at: location)
        default:
            return .error(.yamlSyntaxInvalid, "this is not valid YAML: \(error)", at: file.start)
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

    /// A key indented one or two spaces off the keys of its block, on the line libyaml stopped at or the one
    /// before: the usual slip behind its messages, told as it is ("line it up with 'id' above").
    static func misalignedKey(in file: SourceFile, near line: Int) -> (message: String, line: Int, column: Int)? {
        let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
        for candidate in [line, line - 1] where candidate >= 2 && candidate <= lines.count {
            let current = lines[candidate - 1]
            let indent = current.prefix { $0 == " " }.count
            let rest = current.dropFirst(indent)
            guard !rest.hasPrefix("-"), !rest.hasPrefix("#"), let key = keyName(rest) else { continue }
            // The nearest line above with content: a key of the same block, or the list item that opens it.
            var above = candidate - 2
            while above >= 0, lines[above].allSatisfy({ $0 == " " }) || lines[above].drop(while: { $0 == " " }).hasPrefix("#") { above -= 1 }
            guard above >= 0 else { continue }
            let previous = lines[above]
            let previousIndent = previous.prefix { $0 == " " }.count
            var previousRest = previous.dropFirst(previousIndent)
            var column = previousIndent
            if previousRest.hasPrefix("- ") {
                let afterDash = previousRest.dropFirst(1).prefix { $0 == " " }.count
                column += 1 + afterDash
                previousRest = previousRest.dropFirst(1 + afterDash)
            }
            guard let sibling = keyName(previousRest), indent != column, abs(indent - column) <= 2,
                !previousRest.hasSuffix(":")
            else { continue }
            return (
                "'\(key)' is indented \(indent) \(indent == 1 ? "space" : "spaces"), but '\(sibling)' on the line above is indented \(column); keys of one block line up, so put \(column) spaces before '\(key)'",
                candidate, indent + 1
            )
        }
        return nil
    }

    /// The key of a `key: value` (or `key:`) line.
    private static func keyName(_ text: Substring) -> String? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let key = text[..<colon]
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }) else { return nil }
        let after = text[text.index(after: colon)...]
        guard after.isEmpty || after.hasPrefix(" ") else { return nil }
        return String(key)
    }
}
