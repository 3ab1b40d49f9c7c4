import Foundation

@testable import NoticeKit

/// One part of Notice that reads untrusted input, with the promises it must keep for any input:
/// no crash, no hang, and every error carries a position. A broken promise stops the process, which
/// libFuzzer records as a finding (and the replay reports as a failure).
enum FuzzTarget: String, CaseIterable {
    case registry, settings
    case frontMatter = "front-matter"
    case duration
    case namePattern = "name-pattern"
    case page, template

    /// The checks a target makes beyond "no crash, no hang", each of which the committed corpus must
    /// reach at least once: a pattern that parses reaches the matcher; a template that renders is
    /// checked for its output, and one that cannot write values raw for its escaping.
    var checks: Set<String> {
        switch self {
        case .namePattern: ["matcher"]
        case .template: ["renders", "escaping"]
        default: ["reads"]
        }
    }

    /// Runs one input; returns the checks it reached, so that the replay can say when a committed input
    /// checks nothing, or when no input reaches a check.
    @discardableResult
    func run(_ data: Data) -> Set<String> {
        // Files are read as UTF-8 by Notice; anything else is turned away before these readers run.
        guard let text = String(data: data, encoding: .utf8) else { return [] }
        switch self {
        case .registry:
            let reader = RegistryReader(file: SourceFile(path: "registry.yaml", text: text))
            _ = reader.read()
            Self.requirePositions(reader.reader.log.diagnostics)
        case .settings:
            let reader = SiteConfigReader(file: SourceFile(path: "site.yaml", text: text))
            _ = reader.read()
            Self.requirePositions(reader.reader.log.diagnostics)
        case .frontMatter:
            var log = DiagnosticLog()
            _ = PageReader.read(name: "fuzz", file: SourceFile(path: "pages/fuzz.md", text: text), log: &log)
            Self.requirePositions(log.diagnostics)
        case .duration:
            Self.checkDuration(text)
        case .namePattern:
            return Self.checkNamePattern(text) ? ["matcher"] : []
        case .page:
            Self.checkPage(text)
        case .template:
            return Self.checkTemplate(text)
        }
        return ["reads"]
    }

    static func requirePositions(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics where diagnostic.location == nil {
            fatalError("a diagnostic without a position: \(diagnostic)")
        }
        for diagnostic in diagnostics where diagnostic.description.contains("\n") {
            fatalError("a diagnostic that prints more than one line: \(diagnostic)")
        }
    }

    /// A duration that reads, in any language's grammar or as a `lifetime:` value, gives a well-formed
    /// ISO 8601 value, and a range never ends before it starts.
    static func checkDuration(_ text: String) {
        for grammars in [[DurationGrammar.english], DurationGrammar.forLanguage("cy")] {
            if let duration = DurationParser.parse(text, grammars: grammars) { checkValue(duration, of: text) }
            _ = DurationParser.suggestion(for: text, grammars: grammars)
        }
        if let duration = DurationParser.lifetime(text) { checkValue(duration, of: text) }
    }

    static func checkValue(_ duration: CookieDuration, of text: String) {
        switch duration {
        case .session, .persistent, .unknown:
            break
        case .fixed(let value):
            requireISO(value)
        case .range(let min, let max):
            requireISO(min)
            requireISO(max)
            if min.approximateSeconds >= max.approximateSeconds { fatalError("the range '\(text)' does not end after it starts") }
        }
    }

    static func requireISO(_ value: ISODuration) {
        let iso = value.iso
        if iso.range(of: #"^P(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$"#, options: .regularExpression) == nil
            || iso == "P" || iso.hasSuffix("T")
        {
            fatalError("'\(iso)' is not an ISO 8601 duration")
        }
    }

    /// The Swift matcher and the consent script's regular expression agree on every name tried.
    static func checkNamePattern(_ text: String) -> Bool {
        // The first line is the pattern; the lines after it are names to try it on.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first, let pattern = try? CookieNamePattern(first) else { return false }
        // As JavaScript reads `^(?:…)$` with the 's' flag: anchors at the very ends, dot matches every
        // code unit (ICU's dot would take "\r\n" as one, so it becomes [\s\S]).
        guard let regex = try? NSRegularExpression(pattern: "\\A(?:" + Self.javaScriptDots(pattern.regexSource) + ")\\z") else {
            fatalError("the pattern '\(first)' gives the regular expression '\(pattern.regexSource)', which does not compile")
        }
        var names = Array(lines.dropFirst())
        names.append(pattern.literalText)
        names.append(first)
        for name in names {
            let range = NSRange(name.startIndex..., in: name)
            let regexSays = regex.firstMatch(in: name, range: range) != nil
            if regexSays != pattern.matches(name) {
                fatalError("the pattern \(first.debugDescription) (regex \(pattern.regexSource.debugDescription)) and its regular expression disagree on \(name.debugDescription): regex \(regexSays)")
            }
        }
        return true
    }

    /// `.` (outside escapes) as `[\s\S]`, which ICU matches one code point at a time, as JavaScript does.
    static func javaScriptDots(_ source: String) -> String {
        var result = ""
        var escaped = false
        for character in source {
            if escaped {
                result.append(character)
                escaped = false
                continue
            }
            if character == "\\" {
                escaped = true
                result.append(character)
                continue
            }
            result += character == "." ? "[\\s\\S]" : String(character)
        }
        return result
    }

    /// A page renders without a crash, every problem has a position, and no script or script address
    /// comes through from the Markdown.
    /// A theme template compiles or names its mistake's line and column inside the text; one that
    /// compiles renders (including itself as a partial) without hanging, and an escaped value stays escaped.
    static func checkTemplate(_ text: String) -> Set<String> {
        var library = TemplateLibrary()
        do throws(TemplateSyntaxError) {
            try library.add(text, named: "fuzz")
        } catch {
            let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
            if error.line < 1 || error.line > lines || error.column < 1 { fatalError("a mistake outside the template: \(error)") }
            return ["renders"]
        }
        _ = library.missingPartials()
        let hostile = TemplateValue.text("<\u{1}\"'&")
        let item = TemplateValue.view(TemplateDictionary(["a": hostile, "b": .flag(true), "fuzz": hostile]))
        let values = TemplateDictionary(["a": hostile, "b": .list([item, item, .text("x")]), "c": item, "d": .flag(false)])
        guard let html = library.render("fuzz", [.view(values)]) else { return ["renders"] }
        // The marker may only come from the value: a template that writes it itself, or may write values
        // raw, proves nothing.
        let canWriteRaw = text.contains("{{{") || text.contains("&") || text.contains("=") || text.contains("\u{1}")
        if !canWriteRaw, html.contains("<\u{1}") { fatalError("an escaped value came out unescaped: \(html.prefix(300))") }
        return !canWriteRaw && html.contains("&lt;\u{1}") ? ["renders", "escaping"] : ["renders"]
    }

    static func checkPage(_ text: String) {
        var log = DiagnosticLog()
        let page = PageSource(name: "fuzz", path: "pages/fuzz.md", frontMatter: FrontMatter(title: "Fuzz"), body: text, bodyLineOffset: 3)
        let content = PageContentRenderer(context: ExampleSite.context).render(page, log: &log)
        requirePositions(log.diagnostics)
        // Text may say "javascript:" or show "<script>" escaped; only real elements and attributes count.
        for (element, attributes) in HTMLTags.scan(content.html) {
            if element == "script" || element == "iframe" || element == "object" || element == "embed" {
                fatalError("a <\(element)> element came through from Markdown: \(content.html.prefix(300))")
            }
            for (name, value) in attributes {
                if name.hasPrefix("on") { fatalError("an \(name) attribute came through: \(content.html.prefix(300))") }
                // A refused address is an error, and a site with errors is not published.
                if ["href", "src", "action", "formaction"].contains(name), !Self.isWebAddress(value), !log.hasErrors {
                    fatalError("the address '\(value)' came through in \(name): \(content.html.prefix(300))")
                }
            }
        }
    }

    /// The test's own allowlist, written apart from `URLPolicy` so that a mistake there cannot hide here:
    /// an attribute's value, its entities decoded as a browser would, with the characters the URL parser
    /// drops removed, may start with https:, http:, mailto: or tel:, or have no scheme at all.
    static func isWebAddress(_ attribute: String) -> Bool {
        var value = attribute
        for (entity, character) in [("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")] {
            value = value.replacingOccurrences(of: entity, with: character)
        }
        let kept = value.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        let trimmed = String(String.UnicodeScalarView(kept.drop { $0.value <= 0x20 })).lowercased()
        for allowed in ["https:", "http:", "mailto:", "tel:"] where trimmed.hasPrefix(allowed) { return true }
        // No scheme: no colon before the first / ? or #.
        let head = trimmed.prefix { !"/?#".contains($0) }
        return !head.contains(":") && !trimmed.hasPrefix("&#")
    }
}

/// The start tags of an HTML text with their attributes, read as a browser's tokenizer reads them
/// (quoted and unquoted values, entities left as written), so that text inside a value is never
/// mistaken for an attribute.
enum HTMLTags {
    static func scan(_ html: String) -> [(String, [(String, String)])] {
        let bytes = Array(html.utf8)
        var tags: [(String, [(String, String)])] = []
        var index = 0
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
        func word(_ stop: (UInt8) -> Bool) -> String {
            let start = index
            while index < bytes.count, !stop(bytes[index]) { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self).lowercased()
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count,
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[index + 1] | 0x20)
            else {
                if index + 3 < bytes.count, bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "!") {
                    // A comment: skip to its end.
                    while index + 2 < bytes.count, !(bytes[index] == UInt8(ascii: "-") && bytes[index + 1] == UInt8(ascii: "-") && bytes[index + 2] == UInt8(ascii: ">")) { index += 1 }
                }
                index += 1
                continue
            }
            index += 1
            let name = word { isSpace($0) || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "/") }
            var attributes: [(String, String)] = []
            while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
                if isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") {
                    index += 1
                    continue
                }
                let attribute = word { isSpace($0) || $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "/") }
                var value = ""
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                    index += 1
                    while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                        let quote = bytes[index]
                        index += 1
                        value = word { $0 == quote }
                        index += 1
                    } else {
                        value = word { isSpace($0) || $0 == UInt8(ascii: ">") }
                    }
                }
                if !attribute.isEmpty { attributes.append((attribute, value)) }
            }
            tags.append((name, attributes))
        }
        return tags
    }
}

/// The example site's registry, theme and texts, loaded once, for rendering fuzzed pages.
enum ExampleSite {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let context: RenderContext = {
        let loader = SiteLoader(
            directory: root.appendingPathComponent("content"), themeSearchPaths: [root.appendingPathComponent("themes")],
            contract: SiteBuilder.themeContract)
        guard let site = try? loader.load().site else { fatalError("the example site in content/ does not load") }
        return RenderContext(config: site.main.config, registry: site.main.registry, theme: site.theme, strings: site.main.strings, directives: .standard)
    }()
}
