import Foundation
import Yams

/// Splits a page file into front matter and Markdown body, and checks the front matter.
struct PageReader {
    static let frontMatterKeys = ["title", "description", "updated", "template", "slug", "translationOf", "checks"]

    /// Reads one page; returns `nil` when its front matter is unusable (errors are logged).
    static func read(name: String, file: SourceFile, log: inout DiagnosticLog) -> PageSource? {
        let parts: Parts
        switch split(file.text) {
        case .success(let found):
            parts = found
        case .failure(.noFrontMatter):
            log.error(.pageFrontMatterMissing, "the page has no front matter; start it with a line '---', then settings such as 'title: Cookies', then another '---' line", at: file.start)
            return nil
        case .failure(.unclosed):
            log.error(.pageFrontMatterUnclosed, "the front matter that starts here has no closing '---' line; add one after the last setting", at: file.start)
            return nil
        }
        let yaml = parts.frontMatter
        let reader = YAMLReader(file: SourceFile(path: file.path, text: yaml, lineOffset: 1))
        defer { log.append(contentsOf: reader.log.diagnostics) }
        guard let root = reader.parseRoot(),
            let mapping = reader.mapping(root, describedAs: "the front matter")
        else { return nil }
        let context = "the front matter"
        mapping.rejectUnknownKeys(allowed: frontMatterKeys, in: context)
        let title = mapping.string("title", required: true, in: context)
        let description = mapping.string("description", in: context)
        let checks = mapping.mapping("checks", in: context).map { CheckSettings.read($0, reader: reader, in: "the front matter's 'checks'") }
        if description == nil {
            reader.warning(.pageDescriptionMissing, "the page has no 'description'; add one sentence that says what the page is about (search engines and link previews show it)", at: root)
        }
        var updated: CalendarDate?
        if let text = mapping.string("updated", in: context) {
            updated = CalendarDate(iso: text.value)
            if updated == nil {
                reader.error(.pageUpdatedInvalid, "'updated' should be a date written as YYYY-MM-DD, such as 2025-01-07, not '\(text.value)'", at: text.location)
            }
        }
        let template = mapping.string("template", in: context)
        let slug = mapping.string("slug", in: context)
        if let slug, !slug.value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) || slug.value.hasPrefix("-") || slug.value.count > 100 {
            let shown = slug.value.count > 100 ? String(slug.value.prefix(40)) + "…" : slug.value
            reader.error(.pageSlugInvalid, "'slug' is the last part of the page's address: letters, digits and hyphens, at most 100 of them, such as cwcis or polisi-cwcis, not '\(shown)'", at: slug.location)
        }
        let translationOf = mapping.string("translationOf", in: context)
        guard let title else { return nil }
        var frontMatter = FrontMatter(
            title: title.value, description: description?.value, updated: updated, template: template?.value ?? "page",
            slug: slug, translationOf: translationOf)
        frontMatter.checks = checks ?? CheckSettings()
        return PageSource(name: name, path: file.path, frontMatter: frontMatter, body: parts.body, bodyLineOffset: parts.bodyLineOffset)
    }
}

extension PageReader {
    struct Parts {
        var frontMatter: String
        var body: String
        /// Lines before the body: the two `---` lines and the front matter between them.
        var bodyLineOffset: Int
    }

    enum SplitError: Error {
        case noFrontMatter, unclosed
    }

    /// Finds the front matter between the first two `---` lines by scanning bytes, without splitting
    /// the whole page into lines (this runs for every page of every build). Windows line endings work:
    /// libyaml and cmark both read `\r\n`.
    static func split(_ text: String) -> Result<Parts, SplitError> {
        var text = text
        return text.withUTF8 { bytes -> Result<Parts, SplitError> in
            let newline = UInt8(ascii: "\n")
            func isFence(_ start: Int, _ end: Int, dots: Bool) -> Bool {
                var last = end
                while last > start, [UInt8(ascii: "\r"), UInt8(ascii: " "), UInt8(ascii: "\t")].contains(bytes[last - 1]) { last -= 1 }
                guard last - start == 3 else { return false }
                let dash = UInt8(ascii: "-")
                let dot = UInt8(ascii: ".")
                return (bytes[start] == dash && bytes[start + 1] == dash && bytes[start + 2] == dash)
                    || (dots && bytes[start] == dot && bytes[start + 1] == dot && bytes[start + 2] == dot)
            }
            var lineStart = 0
            var lineIndex = 0
            var frontMatterStart = -1
            while lineStart <= bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != newline { lineEnd += 1 }
                if lineIndex == 0 {
                    guard isFence(lineStart, lineEnd, dots: false) else { return .failure(.noFrontMatter) }
                    frontMatterStart = min(lineEnd + 1, bytes.count)
                } else if isFence(lineStart, lineEnd, dots: true) {
                    let frontMatter = String(decoding: UnsafeBufferPointer(rebasing: bytes[frontMatterStart..<max(frontMatterStart, lineStart - 1)]), as: UTF8.self)
                    let bodyStart = min(lineEnd + 1, bytes.count)
                    let body = String(decoding: UnsafeBufferPointer(rebasing: bytes[bodyStart...]), as: UTF8.self)
                    return .success(Parts(frontMatter: frontMatter, body: body, bodyLineOffset: lineIndex + 1))
                }
                if lineEnd >= bytes.count { break }
                lineStart = lineEnd + 1
                lineIndex += 1
            }
            return .failure(.unclosed)
        }
    }
}

extension Substring {
    var trimmingTrailingSpace: Substring {
        var text = self
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
        return text
    }
}
