import Foundation
import Testing

/// NoticeKit's folders depend one way: each uses only the folders in its own layer or below
/// (docs/architecture.md). A type from a higher layer named in a lower one fails here.
@Suite("Folder layering")
struct LayeringTests {
    /// Bottom to top; folders in one layer may use each other.
    static let layers: [[String]] = [
        ["Support", "Diagnostics"],
        ["ConsentContract"],
        ["Template"],
        ["YAML"],
        ["Registry"],
        ["Theme"],
        ["Site"],
        ["Output"],
        ["Markdown"],
        ["Rendering"],
        ["Directives"],
        ["Consent", "Declarations"],
        ["Build"],
        ["Starter"],
        ["Import"],
    ]

    static let sources = Repository.root.appendingPathComponent("Sources/NoticeKit")

    /// The layer folder a file is in: the folder right under Sources/NoticeKit (`Diagnostics` for
    /// `Diagnostics/Codes/SiteCodes.swift`).
    static func folder(of file: URL) -> String {
        let parts = file.standardizedFileURL.pathComponents
        guard let kit = parts.lastIndex(of: "NoticeKit"), kit + 1 < parts.count - 1 else { return file.deletingLastPathComponent().lastPathComponent }
        return parts[kit + 1]
    }

    static func swiftFiles() -> [URL] {
        let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }
    }

    static func matches(_ pattern: String, in text: String, group: Int = 1) -> [String] {
        let expression = try! NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: group), in: text).map { String(text[$0]) }
        }
    }

    /// The code of a file without comments and string literals, where type names may appear as words.
    static func code(of file: URL) -> String {
        var text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        text = text.replacingOccurrences(of: "//[^\n]*", with: "", options: .regularExpression)
        return text.replacingOccurrences(of: #""(?:[^"\\\n]|\\.)*""#, with: "\"\"", options: .regularExpression)
    }

    @Test func everyFolderIsInALayer() {
        let folders = Set(Self.swiftFiles().map(Self.folder(of:)))
        #expect(folders == Set(Self.layers.joined()), "add the new folder to LayeringTests.layers and docs/architecture.md")
    }

    @Test func noFolderUsesATypeFromAHigherLayer() {
        let rank = Dictionary(uniqueKeysWithValues: Self.layers.enumerated().flatMap { index, folders in folders.map { ($0, index) } })
        var owner: [String: String] = [:]
        for file in Self.swiftFiles() {
            // Top-level declarations only (nested types such as CookieDeclarationJSON.Cookie are not other
            // folders' names).
            let declaration = #"^(?:(?:public|internal|package|private|fileprivate|final|indirect)\s+)*(?:struct|enum|class|protocol|typealias|actor)\s+([A-Z]\w*)"#
            for name in Self.matches(declaration, in: Self.code(of: file)) where owner[name] == nil {
                owner[name] = Self.folder(of: file)
            }
        }
        #expect(owner.count > 50, "the declarations were not found")
        var upward: [String] = []
        for file in Self.swiftFiles() {
            let folder = Self.folder(of: file)
            for name in Set(Self.matches(#"\b([A-Z]\w*)\b"#, in: Self.code(of: file))).sorted() {
                guard let from = owner[name], let theirs = rank[from], let ours = rank[folder], theirs > ours else { continue }
                upward.append("\(folder)/\(file.lastPathComponent) uses \(name) from \(from)")
            }
        }
        #expect(upward == [])
    }
}
