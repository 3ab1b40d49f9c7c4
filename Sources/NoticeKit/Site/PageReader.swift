import Foundation
import Yams

/// Splits a page file into front matter and Markdown body, and checks the front matter.
struct PageReader {
    static let frontMatterKeys = ["title", "description", "updated", "template"]

    /// Reads one page; returns `nil` when its front matter is unusable (errors are logged).
    static func read(name: String, file: SourceFile, log: inout DiagnosticLog) -> PageSource? {
        // "\r\n" is one Character in Swift, so Windows line endings are normalised before splitting.
        let lines = file.text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingTrailingSpace == "---" else {
            log.error("the page has no front matter; start it with a block such as\n---\ntitle: Cookies\n---", at: file.start)
            return nil
        }
        guard let closing = lines.dropFirst().firstIndex(where: { $0.trimmingTrailingSpace == "---" || $0.trimmingTrailingSpace == "..." }) else {
            log.error("the front matter that starts here has no closing '---' line; add one after the last setting", at: file.start)
            return nil
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let reader = YAMLReader(file: SourceFile(path: file.path, text: yaml, lineOffset: 1))
        defer { log.append(contentsOf: reader.log.diagnostics) }
        guard let root = reader.parseRoot(),
              let mapping = reader.mapping(root, describedAs: "the front matter") else { return nil }
        let context = "the front matter"
        mapping.rejectUnknownKeys(allowed: frontMatterKeys, in: context)
        let title = mapping.string("title", required: true, in: context)
        let description = mapping.string("description", in: context)
        if description == nil {
            reader.warning("the page has no 'description'; add one sentence that says what the page is about (search engines and link previews show it)", at: root)
        }
        var updated: CalendarDate?
        if let text = mapping.string("updated", in: context) {
            updated = CalendarDate(iso: text.value)
            if updated == nil {
                reader.error("'updated' should be a date written as YYYY-MM-DD, such as 2025-01-07, not '\(text.value)'", at: text.location)
            }
        }
        let template = mapping.string("template", in: context)
        guard let title else { return nil }
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return PageSource(
            name: name, path: file.path,
            frontMatter: FrontMatter(title: title.value, description: description?.value, updated: updated, template: template?.value ?? "page"),
            body: body, bodyLineOffset: closing + 1)
    }
}

extension Substring {
    var trimmingTrailingSpace: Substring {
        var text = self
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
        return text
    }
}
