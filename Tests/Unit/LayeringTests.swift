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
        ["Registry", "Records"],
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

    /// The instance members an `extension` of one of NoticeKit's own types declares (functions and
    /// properties, at the block's own level, not private), by name: a lower layer calling one is
    /// as upward as naming a type. Extensions of the standard library's types are left out: their
    /// members' names are the library's too.
    static func extensionMembers(in code: String, ofTypes types: Set<String>) -> Set<String> {
        var members = Set<String>()
        let opening = try! NSRegularExpression(pattern: #"^\s*(?:(?:public|internal|package)\s+)?extension\s+(\w+)[^{]*\{"#, options: [.anchorsMatchLines])
        let characters = Array(code.utf16)
        for match in opening.matches(in: code, range: NSRange(code.startIndex..., in: code)) {
            guard let range = Range(match.range(at: 1), in: code), types.contains(String(code[range])) else { continue }
            var depth = 1
            var index = match.range.location + match.range.length
            var level = ""
            while index < characters.count, depth > 0 {
                let character = characters[index]
                if character == 123 { depth += 1 } else if character == 125 { depth -= 1 } else if depth == 1 { level.append(Character(UnicodeScalar(character) ?? " ")) }
                if depth > 1, character == 123 { level.append(" ") }
                index += 1
            }
            // A static member is reached through its type's name, which the test above checks already.
            let privateMembers = Set(matches(#"\b(?:private|fileprivate)\s+(?:func|var|let)\s+([a-z_]\w*)"#, in: level))
            let staticMembers = Set(matches(#"\bstatic\s+(?:func|var|let)\s+([a-z_]\w*)"#, in: level))
            members.formUnion(Set(matches(#"\b(?:func|var|let)\s+([a-z_]\w*)"#, in: level)).subtracting(privateMembers).subtracting(staticMembers))
        }
        return members
    }

    @Test func noFolderUsesAnExtensionMemberFromAHigherLayer() {
        let rank = Dictionary(uniqueKeysWithValues: Self.layers.enumerated().flatMap { index, folders in folders.map { ($0, index) } })
        let files = Self.swiftFiles().map { (folder: Self.folder(of: $0), name: $0.lastPathComponent, code: Self.code(of: $0)) }
        // Where each extension member is declared, and every name declared at all in each layer.
        let declaration = #"^(?:(?:public|internal|package|private|fileprivate|final|indirect)\s+)*(?:struct|enum|class|protocol|actor)\s+([A-Z]\w*)"#
        let ownTypes = Set(files.flatMap { Self.matches(declaration, in: $0.code) })
        var extensionOwners: [String: Set<Int>] = [:]
        var declaredIn: [Int: Set<String>] = [:]
        for file in files {
            guard let layer = rank[file.folder] else { continue }
            for member in Self.extensionMembers(in: file.code, ofTypes: ownTypes) { extensionOwners[member, default: []].insert(layer) }
            declaredIn[layer, default: []].formUnion(Self.matches(#"\b(?:func|var|let|case)\s+([a-z_]\w*)"#, in: file.code))
        }
        #expect(extensionOwners.count > 10, "the extensions' members were not found")
        var upward: [String] = []
        for file in files {
            guard let ours = rank[file.folder] else { continue }
            let visible = (0...ours).reduce(into: Set<String>()) { $0.formUnion(declaredIn[$1] ?? []) }
            for name in Set(Self.matches(#"\.([a-z_]\w*)\b"#, in: file.code)).sorted() {
                guard let owners = extensionOwners[name], !visible.contains(name), let from = owners.min(), from > ours else { continue }
                upward.append("\(file.folder)/\(file.name) uses .\(name), which an extension in \(Self.layers[from].joined(separator: "/")) declares")
            }
        }
        #expect(upward == [])
    }
}
