import Foundation
import Yams

/// The reading stage of loading a site: its files as they are written (settings, registry and its
/// translations, pages, static files, the wrapper's fragments), each read once and parsed, with the
/// problems at their positions. Nothing here decides what a language publishes; ``EditionPlanner`` does.
struct SiteReader {
    let directory: URL
    let paths: DisplayPaths

    /// A record file as it was read, kept so that each other language's words are laid over it without
    /// reading and parsing the file again.
    struct RecordSource {
        let file: SourceFile
        let root: Node
    }

    /// A record the site keeps (`accessibility.yaml`, `processing.yaml`, `changes.yaml`), read by its
    /// reader with the reader's findings logged; nil when the site has none (or it cannot be read).
    func readRecord<Reader: RecordReading>(_ type: Reader.Type, log: inout DiagnosticLog) -> (record: Reader.Record, source: RecordSource)? {
        let url = directory.appendingPathComponent(Reader.fileName)
        guard FileSystem.isFile(url) else { return nil }
        guard let text = FileSystem.readText(url) else {
            log.error(.recordFileUnreadable, "this file could not be read; save it as UTF-8 text", at: SourceLocation(path: paths.display(url)))
            return nil
        }
        let file = SourceFile(path: paths.display(url), text: text)
        let reader = Reader(file: file)
        let root = reader.reader.parseRoot()
        let record = root.flatMap(reader.read(root:))
        log.append(contentsOf: reader.reader.log.diagnostics)
        guard let root, let record else { return nil }
        return (record, RecordSource(file: file, root: root))
    }

    /// A record in another language: the record as read, with the translation's words laid over it
    /// (`accessibility.cy.yaml`). The record's own findings were reported with the record; a language
    /// without a translation is a warning, and shows the record's words meanwhile (nil here).
    func translatedRecord<Reader: RecordReading>(
        _ type: Reader.Type, from source: RecordSource, into language: SiteLanguage, log: inout DiagnosticLog
    ) -> Reader.Record? {
        let name = Reader.fileName
        let base = (name as NSString).deletingPathExtension
        let candidates = [language.code, language.code.lowercased(), language.primary].map { directory.appendingPathComponent("\(base).\($0).yaml") }
        guard let file = candidates.first(where: FileSystem.isFile) else {
            let display = paths.display(candidates[1])
            log.warning(
                .recordTranslationTextMissing, "there is no \(display), so the '\(language.code)' pages show \(name)'s words as it writes them; add \(display) with their translations (the same keys, the words only)",
                at: source.file.start)
            return nil
        }
        let display = paths.display(file)
        guard let text = FileSystem.readText(file) else {
            log.error(.recordFileUnreadable, "this file could not be read; save it as UTF-8 text", at: SourceLocation(path: display))
            return nil
        }
        var translation = RecordTranslation(file: SourceFile(path: display, text: text), recordFile: name)
        let overlaid = translation.overlay(source.root, words: Reader.words)
        log.append(contentsOf: translation.reader.log.diagnostics)
        if !translation.missing.isEmpty {
            let listed = translation.missing.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (translation.missing.count > 3 ? " and \(translation.missing.count - 3) more" : "")
            log.warning(
                .recordTranslationTextMissing, "this file has no '\(language.code)' words for \(listed) of \(name), so the '\(language.code)' pages show those as \(name) writes them; add them",
                at: SourceLocation(path: display))
        }
        return overlaid.flatMap { Reader(file: source.file).read(root: $0) }
    }

    /// The files of `static/`, by their path in the output.
    func readStaticFiles() -> [String: URL] {
        var staticFiles: [String: URL] = [:]
        let staticFolder = directory.appendingPathComponent(SiteLoader.staticFolderName)
        for file in FileSystem.files(under: staticFolder) {
            staticFiles[FileSystem.relativePath(of: file, under: staticFolder)] = file
        }
        return staticFiles
    }

    /// The wrapper's header and footer read from the site folder and checked (each file once, however
    /// many languages share it).
    func loadWrapper(_ wrapper: WrapperSettings, read fragments: inout [String: String?], log: inout DiagnosticLog) -> WrapperSettings {
        var wrapper = wrapper
        func load(_ path: Located<String>?) -> String? {
            guard let path else { return nil }
            if let known = fragments[path.value] { return known }
            let file = directory.appendingPathComponent(path.value)
            let display = paths.display(file)
            guard FileSystem.isFile(file), let text = FileSystem.readText(file) else {
                log.error(.siteWrapperFileMissing, "there is no readable \(display) (UTF-8 text); write the site's own \(path.value.contains("footer") ? "footer" : "header") there, or correct the path", at: path.location)
                fragments[path.value] = .some(nil)
                return nil
            }
            WrapperFragmentCheck.check(text, file: display, log: &log)
            fragments[path.value] = text
            return text
        }
        wrapper.headerHTML = load(wrapper.header)
        wrapper.footerHTML = load(wrapper.footer)
        return wrapper
    }

    /// The registry in a language's words, from `registry.LANG.yaml` beside `registry.yaml`. The first
    /// language's words are registry.yaml's own unless such a file gives them (a Welsh-only site may keep
    /// registry.yaml in English and its published words in registry.cy.yaml).
    func translatedRegistry(
        _ registry: CookieRegistry, into language: SiteLanguage, isDefault: Bool,
        log: inout DiagnosticLog
    ) -> CookieRegistry {
        let candidates = Self.registryTranslationNames(for: language).map { directory.appendingPathComponent($0) }
        let file = candidates.first(where: FileSystem.isFile) ?? candidates[1]
        let display = paths.display(file)
        guard FileSystem.isFile(file) else {
            if isDefault { return registry }
            log.warning(
                .siteRegistryTranslationMissing, "there is no \(display), so the '\(language.code)' pages show the registry's texts (titles, purposes, durations) as registry.yaml writes them; add \(display) with their translations",
                at: language.location ?? SourceLocation(path: paths.display(directory.appendingPathComponent(SiteLoader.registryFileName))))
            return registry
        }
        guard let text = FileSystem.readText(file) else {
            log.error(.siteFileUnreadable, "this file could not be read; save it as UTF-8 text", at: SourceLocation(path: display))
            return registry
        }
        let reader = RegistryTranslationReader(file: SourceFile(path: display, text: text))
        let translation = reader.read(for: registry)
        log.append(contentsOf: reader.reader.log.diagnostics)
        return translation?.apply(
            to: registry, languageName: "'\(language.code)'", file: display,
            grammars: DurationGrammar.forLanguage(language.code).filter { $0.language == language.primary }, log: &log) ?? registry
    }

    /// The file names a language's registry words may have: `registry.cy.yaml`, `registry.en-GB.yaml`.
    static func registryTranslationNames(for language: SiteLanguage) -> [String] {
        [language.code, language.code.lowercased(), language.primary].map { "registry.\($0).yaml" }
    }

    func readConfig(_ file: URL, log: inout DiagnosticLog) -> SiteConfig? {
        guard let text = readRequired(file, what: "the site settings (title, language, theme)", log: &log) else { return nil }
        let reader = SiteConfigReader(file: SourceFile(path: paths.display(file), text: text))
        let config = reader.read()
        log.append(contentsOf: reader.reader.log.diagnostics)
        return config
    }

    func readRegistry(grammars: [DurationGrammar], log: inout DiagnosticLog) -> CookieRegistry? {
        let file = directory.appendingPathComponent(SiteLoader.registryFileName)
        guard let text = readRequired(file, what: "the cookie registry (categories, services and cookies)", log: &log) else { return nil }
        let reader = RegistryReader(file: SourceFile(path: paths.display(file), text: text), grammars: grammars)
        let registry = reader.read()
        log.append(contentsOf: reader.reader.log.diagnostics)
        return registry
    }

    func readPages(log: inout DiagnosticLog) -> [PageSource] {
        let folder = directory.appendingPathComponent(SiteLoader.pagesFolderName)
        let files = FileSystem.files(under: folder).filter { $0.pathExtension == "md" }
        guard !files.isEmpty else {
            log.error(.sitePagesMissing, "there are no pages: add Markdown files (ending in .md) to \(paths.display(folder))/", at: nil)
            return []
        }
        // Pages are read and their front matter parsed in parallel; results keep the files' order.
        let paths = self.paths
        let results = parallelMap(count: files.count) { index -> (PageSource?, [Diagnostic]) in
            let file = files[index]
            var pageLog = DiagnosticLog()
            let display = paths.display(file)
            var page: PageSource?
            let relative = FileSystem.relativePath(of: file, under: folder)
            if let problem = Self.addressProblem(ofPagePath: relative) {
                pageLog.error(.pageFileNameInvalid, problem, at: SourceLocation(path: display))
            } else if let text = FileSystem.readText(file) {
                let name = PageSource.name(forRelativePath: relative) ?? ""
                page = PageReader.read(name: name, file: SourceFile(path: display, text: text), log: &pageLog)
            } else {
                pageLog.error(.pageFileUnreadable, "this page could not be read; save it as UTF-8 text", at: SourceLocation(path: display))
            }
            return (page, pageLog.diagnostics)
        }
        var pages: [PageSource] = []
        for (page, diagnostics) in results {
            log.append(contentsOf: diagnostics)
            if let page { pages.append(page) }
        }
        return pages
    }

    /// Why a page's file name cannot become its address, or `nil`: its address is its path, so a space,
    /// `#`, `?`, `%`, a control character or a name too long for a folder would break links, the sitemap
    /// or the build's own writing.
    static func addressProblem(ofPagePath path: String) -> String? {
        let unsafe: Set<Character> = [" ", "#", "?", "%", "\"", "<", ">", "\\", "^", "`", "{", "|", "}", "'"]
        for part in path.split(separator: "/") {
            if part.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }) {
                return "this page's file name has a control character, which its address cannot carry; rename the file with letters, digits and hyphens"
            }
            if let character = part.first(where: { unsafe.contains($0) || $0.isWhitespace }) {
                let suggestion = part.split(whereSeparator: { unsafe.contains($0) || $0.isWhitespace }).joined(separator: "-")
                return "this page's file name has \(character == " " || character.isWhitespace ? "a space" : "'\(character)'"), which its address (\(PageSource.urlPath(forPage: String(part.dropLast(part.hasSuffix(".md") ? 3 : 0))))) would have to encode; rename it with letters, digits and hyphens, such as \(suggestion.prefix(60))"
            }
            if part.utf8.count > 200 {
                return "this page's file name is \(part.utf8.count) bytes long, more than a folder's name can be; give it a shorter name (its address is its name)"
            }
        }
        return nil
    }

    func readRequired(_ file: URL, what: String, log: inout DiagnosticLog) -> String? {
        let display = paths.display(file)
        guard FileSystem.isFile(file) else {
            log.error(.siteFileMissing, "\(display) is missing; it holds \(what). Is --site pointing at the right folder?", at: nil)
            return nil
        }
        guard let text = FileSystem.readText(file) else {
            log.error(.siteFileUnreadable, "this file could not be read; save it as UTF-8 text", at: SourceLocation(path: display))
            return nil
        }
        return text
    }

    /// One page, read again after an editor saved it, with its diagnostics.
    func readPage(at file: URL) -> (page: PageSource?, diagnostics: [Diagnostic]) {
        var log = DiagnosticLog()
        let folder = directory.appendingPathComponent(SiteLoader.pagesFolderName)
        let display = paths.display(file)
        guard let text = FileSystem.readText(file) else {
            log.error(.pageFileUnreadable, "this page could not be read; save it as UTF-8 text", at: SourceLocation(path: display))
            return (nil, log.sorted)
        }
        let name = PageSource.name(forRelativePath: FileSystem.relativePath(of: file, under: folder)) ?? ""
        let page = PageReader.read(name: name, file: SourceFile(path: display, text: text), log: &log)
        return (page, log.sorted)
    }
}
