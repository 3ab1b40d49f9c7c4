import Foundation
import Yams

/// Reads a YAML file into typed values, logging every problem with its position instead of stopping.
///
/// One reader serves one file. It keeps Yams' source marks so that each diagnostic points at the key
/// or value that is wrong.
final class YAMLReader {
    let file: SourceFile
    private(set) var log = DiagnosticLog()

    init(file: SourceFile) {
        self.file = file
    }

    /// Parses the whole file; returns `nil` (with an error logged) when it is not valid YAML or uses
    /// anchors and aliases. An empty file gives an empty mapping.
    func parseRoot() -> Node? {
        if let found = YAMLAliasScan.first(in: file.text) {
            let written = found.kind == .anchor ? "&\(found.name)" : "*\(found.name)"
            let kind = found.kind == .anchor ? "anchor" : "alias"
            log.error(
                .yamlAliasRefused, "'\(written)' is a YAML \(kind); Notice's files do not use anchors and aliases (&name, *name): write the value out in full where it is needed",
                at: file.location(line: found.line, column: found.column))
            return nil
        }
        do {
            // Notice reads every value as text (its readers say what a value must be), so the basic resolver,
            // without the regular expressions that tell numbers and dates apart; UTF-8 given rather than
            // Yams' default, which reads the whole process environment on every call.
            return try Yams.compose(yaml: file.text, .basic, .default, .utf8) ?? Node.mapping(.init([]))
        } catch let error as YamlError {
            log.append(YAMLSyntaxError.diagnostic(for: error, in: file))
        } catch {
            log.error(.yamlFileUnreadable, "could not read this YAML file: \(error)", at: file.start)
        }
        return nil
    }

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return file.start }
        return file.location(line: mark.line, column: mark.column)
    }

    func error(_ code: DiagnosticCode, _ message: String, at node: Node) {
        log.error(code, message, at: location(of: node))
    }

    func warning(_ code: DiagnosticCode, _ message: String, at node: Node) {
        log.warning(code, message, at: location(of: node))
    }

    func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation) {
        log.error(code, message, at: location)
    }

    func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation) {
        log.warning(code, message, at: location)
    }

    /// The node as a mapping, or an error naming what was expected.
    func mapping(_ node: Node, describedAs what: String) -> YAMLMapping? {
        guard case .mapping(let mapping) = node else {
            error(.yamlValueNotMapping, "\(what) should be a set of `key: value` lines, but this is \(node.kindDescription)", at: node)
            return nil
        }
        return YAMLMapping(node: node, pairs: Array(mapping), reader: self)
    }

    /// The node as a list, or an error naming what was expected.
    func sequence(_ node: Node, describedAs what: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            error(.yamlValueNotList, "\(what) should be a list (lines starting with `- `), but this is \(node.kindDescription)", at: node)
            return nil
        }
        return Array(sequence)
    }
}

extension Node {
    /// A plain-words name of the node's kind, for messages.
    var kindDescription: String {
        switch self {
        case .scalar(let scalar):
            if scalar.string.isEmpty && scalar.style == .plain { return "empty" }
            return "the single value \"\(scalar.string)\""
        case .mapping: return "a set of `key: value` lines"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
