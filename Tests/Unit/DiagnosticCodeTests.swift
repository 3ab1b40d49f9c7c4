import Foundation
import Testing

@testable import NoticeKit

/// Every diagnostic's code: unique, well formed, used, and listed in docs/diagnostics.md.
@Suite("Diagnostic codes")
struct DiagnosticCodeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func codesAreUniqueAndWellFormed() {
        var seen: [String: Int] = [:]
        for code in DiagnosticCode.all { seen[code.id, default: 0] += 1 }
        #expect(seen.filter { $0.value > 1 }.isEmpty, "declared twice: \(seen.filter { $0.value > 1 }.keys.sorted())")
        let wellFormed = /^[a-z][a-z0-9]*(-[a-z0-9]+)*(\.[a-z][a-z0-9]*(-[a-z0-9]+)*){2,3}$/
        let malformed = DiagnosticCode.all.filter { (try? wellFormed.wholeMatch(in: $0.id)) == nil }.map(\.id)
        #expect(malformed.isEmpty, "ids are area.subject.problem in lower case: \(malformed)")
        #expect(DiagnosticCode.all.allSatisfy { !$0.summary.isEmpty && !$0.summary.hasSuffix(".") })
    }

    /// Each code's Swift name is its id in lower camel case, and something outside the catalogue uses it:
    /// a code nothing reports is a stale line in the docs.
    @Test func everyCodeIsReportedSomewhere() throws {
        var sources = ""
        for folder in ["Sources/NoticeKit", "Sources/NoticeAudit", "Sources/NoticePreview", "Sources/notice"] {
            let enumerator = FileManager.default.enumerator(at: Self.root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                guard url.pathExtension == "swift", !url.path.contains("/Diagnostics/Codes/") else { continue }
                sources += try String(contentsOf: url, encoding: .utf8)
            }
        }
        let unused = DiagnosticCode.all.filter { !sources.contains(".\(Self.swiftName(of: $0.id))") }.map(\.id)
        #expect(unused.isEmpty, "declared but never reported (or not named as its id in lower camel case): \(unused)")
    }

    /// docs/diagnostics.md's tables are the catalogue's: `UPDATE_GOLDEN=1` rewrites them.
    @Test func docsListEveryCode() throws {
        let file = Self.root.appendingPathComponent("docs/diagnostics.md")
        let docs = try String(contentsOf: file, encoding: .utf8)
        let start = "<!-- codes: generated from DiagnosticCode.all; UPDATE_GOLDEN=1 swift test --filter DiagnosticCodeTests -->\n"
        let end = "<!-- end of codes -->"
        let begin = try #require(docs.range(of: start))
        let finish = try #require(docs.range(of: end))
        let table = Self.tables()
        let environment = ProcessInfo.processInfo.environment
        if environment["UPDATE_GOLDEN"] != nil, !(environment["CI"] ?? "").isEmpty {
            Issue.record("UPDATE_GOLDEN is refused when CI is set: docs/diagnostics.md is a reviewed change, not something a pipeline rewrites")
        } else if environment["UPDATE_GOLDEN"] != nil, String(docs[begin.upperBound..<finish.lowerBound]) != table {
            try Data((String(docs[..<begin.upperBound]) + table + String(docs[finish.lowerBound...])).utf8).write(to: file)
            FileHandle.standardError.write(Data("rewrote docs/diagnostics.md's code tables\n".utf8))
            return
        }
        #expect(String(docs[begin.upperBound..<finish.lowerBound]) == table, "docs/diagnostics.md is out of date: run UPDATE_GOLDEN=1 swift test --filter DiagnosticCodeTests")
    }

    static func tables() -> String {
        let areas: [(prefix: String, title: String)] = [
            ("yaml", "YAML files"), ("registry", "The registry"), ("record", "The accessibility record"), ("site", "site.yaml and the site folder"), ("page", "Pages"),
            ("theme", "Themes"), ("consent", "The consent script"), ("build", "The build"), ("output", "The output folder"),
            ("init", "`notice init`"), ("import", "`notice import`"), ("audit", "`notice audit`"), ("command", "Commands"),
            ("preview", "The preview"),
        ]
        var text = ""
        var listed = Set<String>()
        for area in areas {
            let codes = DiagnosticCode.all.filter { $0.id.hasPrefix(area.prefix + ".") }.sorted()
            guard !codes.isEmpty else { continue }
            text += "\n### \(area.title)\n\n| code | severity | what it means |\n| --- | --- | --- |\n"
            for code in codes {
                text += "| `\(code.id)` | \(code.severity.rawValue) | \(code.summary) |\n"
                listed.insert(code.id)
            }
        }
        let others = DiagnosticCode.all.filter { !listed.contains($0.id) }.sorted()
        if !others.isEmpty {
            text += "\n### Others\n\n| code | severity | what it means |\n| --- | --- | --- |\n"
            for code in others { text += "| `\(code.id)` | \(code.severity.rawValue) | \(code.summary) |\n" }
        }
        return text + "\n"
    }

    /// `page.link.broken` → `pageLinkBroken`; `command.file.not-utf8` → `commandFileNotUtf8`.
    static func swiftName(of id: String) -> String {
        let words = id.split(whereSeparator: { $0 == "." || $0 == "-" }).map(String.init)
        return words[0] + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
