import Yams

/// The words of a record that a translation gives (`accessibility.cy.yaml` beside `accessibility.yaml`):
/// the same keys as the record, its texts only, lists in the record's order. Facts that are not words
/// (dates, criteria, addresses, bases) stay the record's, so the languages can never disagree on them.
indirect enum RecordWords: Sendable {
    case text
    case mapping([String: RecordWords])
    case list(RecordWords)
}

/// A record's reader: its file's name, the words a translation of it gives, and how it reads the record
/// from parsed YAML (the file's own, or with a translation laid over it).
protocol RecordReading {
    associatedtype Record
    static var fileName: String { get }
    static var words: RecordWords { get }
    var reader: YAMLReader { get }
    init(file: SourceFile)
    func read(root: Node) -> Record?
}

extension AccessibilityRecordReader: RecordReading {}
extension ProcessingRecordReader: RecordReading {}
extension ChangeHistoryReader: RecordReading {}

/// Lays a translation's words over a record's YAML, so the record's reader reads the record in that
/// language: every key a translation gives must be one of the record's words at a place the record
/// has; a text it leaves out is a warning (the page shows the record's own words meanwhile).
struct RecordTranslation {
    let reader: YAMLReader
    /// The record's file, as messages name it.
    let recordFile: String
    private(set) var missing: [String] = []

    init(file: SourceFile, recordFile: String) {
        reader = YAMLReader(file: file)
        self.recordFile = recordFile
    }

    /// The record's root with the translation's words in place, keeping the record's positions.
    mutating func overlay(_ record: Node, words: RecordWords) -> Node? {
        guard let root = reader.parseRoot() else { return nil }
        return overlay(record, with: root, words: words, path: "")
    }

    private mutating func overlay(_ original: Node, with translated: Node?, words: RecordWords, path: String) -> Node {
        switch (words, original) {
        case (.text, .scalar(let scalar)):
            guard let translated else {
                // "none" is a record's machine word (`transfers: none`), not one to translate.
                if scalar.string != "none" { missing.append(path) }
                return original
            }
            guard case .scalar(let given) = translated else {
                reader.error(.recordTranslationMismatch, "'\(path)' is a text; write the translation as a single value, not \(translated.kindDescription)", at: translated)
                return original
            }
            return .scalar(Node.Scalar(given.string, scalar.tag, given.style, scalar.mark))
        case (.mapping(let keys), .mapping(let mapping)):
            var given: [String: Node] = [:]
            if let translated {
                guard case .mapping(let written) = translated else {
                    reader.error(.recordTranslationMismatch, "'\(path.isEmpty ? "the translation" : path)' is a mapping in \(recordFile); write it as one, with the same keys", at: translated)
                    return original
                }
                for (key, value) in written {
                    let name = key.string ?? ""
                    guard keys[name] != nil, mapping[Node(name)] != nil else {
                        let words = keys.keys.filter { mapping[Node($0)] != nil }.sorted()
                        reader.error(
                            .recordTranslationMismatch,
                            "'\(join(path, name))' is not one of the words of \(recordFile) to translate here; \(words.isEmpty ? "there are none" : "they are " + words.map { "'\($0)'" }.joined(separator: ", "))"
                                + Spelling.suggestion(for: name, in: words, otherwise: ""),
                            at: key)
                        continue
                    }
                    given[name] = value
                }
            }
            var pairs: [(Node, Node)] = []
            for (key, value) in mapping {
                let name = key.string ?? ""
                if let inner = keys[name] {
                    pairs.append((key, overlay(value, with: given[name], words: inner, path: join(path, name))))
                } else {
                    pairs.append((key, value))
                }
            }
            return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
        case (.list(.text), .scalar):
            // A list of one written as its one text (`purpose: To answer enquiries.`).
            if let translated, case .sequence(let written) = translated, written.count == 1 {
                return overlay(original, with: written[0], words: .text, path: path)
            }
            return overlay(original, with: translated, words: .text, path: path)
        case (.list(let inner), .sequence(let sequence)):
            var items: [Node] = []
            if let translated, case .scalar = translated, sequence.count == 1 {
                items = [translated]
            } else if let translated {
                guard case .sequence(let written) = translated else {
                    reader.error(.recordTranslationMismatch, "'\(path)' is a list in \(recordFile); write its translation as a list in the same order", at: translated)
                    return original
                }
                items = Array(written)
                if items.count != sequence.count {
                    reader.error(
                        .recordTranslationMismatch, "\(recordFile) has \(sequence.count) item\(sequence.count == 1 ? "" : "s") under '\(path)', but this list has \(items.count); give one entry for each, in the record's order",
                        at: translated)
                }
            }
            let overlaid = sequence.enumerated().map { index, item in
                overlay(item, with: index < items.count ? items[index] : nil, words: inner, path: "\(path) \(index + 1)")
            }
            return .sequence(Node.Sequence(overlaid, sequence.tag, sequence.style, sequence.mark))
        default:
            // The record's own reader says what is wrong with a value of the wrong kind.
            return original
        }
    }

    private func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path) \(key)"
    }
}
