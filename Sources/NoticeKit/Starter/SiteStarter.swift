public import Foundation

/// `notice init`: a new site from the theme's starter (`themes/default/starter/`), with the
/// organisation's name, address and today's date filled in. It writes only into a folder that is
/// missing or empty, so nothing is ever overwritten.
public struct SiteStarter: Sendable {
    /// The starter site's folder (`starter/` in the built-in default theme).
    public var starter: URL
    /// The folder to create the site in.
    public var destination: URL
    public var title: String
    /// The organisation's name in each other language, by tag (`cy`); a language without one gets a
    /// `TODO` title that `notice check` warns about.
    public var otherTitles: [String: String] = [:]
    public var baseURL: String?
    /// `YYYY-MM-DD`, for the pages' `updated` dates.
    public var today: String
    /// The site's languages, the default first: `en-GB` alone, or `en-GB` and `cy` for a bilingual start.
    public var languages: [String]
    public var paths: DisplayPaths

    public init(
        starter: URL, destination: URL, title: String, baseURL: String?, today: String, languages: [String] = ["en-GB"],
        paths: DisplayPaths = DisplayPaths()
    ) {
        self.starter = starter
        self.destination = destination.standardizedFileURL
        self.title = title
        self.baseURL = baseURL
        self.today = today
        self.languages = languages.map(Self.canonicalTag)
        self.paths = paths
    }

    /// A language tag in its usual case: `cy` for `CY`, `en-GB` for `en-gb`, `sr-Latn` for `SR-LATN`.
    static func canonicalTag(_ tag: String) -> String {
        tag.split(separator: "-").enumerated().map { index, part in
            if index == 0 { return part.lowercased() }
            if part.count == 2 { return part.uppercased() }
            if part.count == 4 { return part.prefix(1).uppercased() + part.dropFirst().lowercased() }
            return part.lowercased()
        }.joined(separator: "-")
    }

    /// The other language of a starter file (`cy` for `cookies.cy.md` or `registry.cy.yaml`), nil for English.
    static func language(of file: URL) -> String? {
        let parts = file.lastPathComponent.split(separator: ".")
        return parts.count == 3 ? String(parts[1]) : nil
    }

    /// Writes the site, or throws every reason it cannot (nothing is written then). Returns the files written.
    @discardableResult
    public func write() throws(BuildFailure) -> [String] {
        var log = DiagnosticLog()
        let shown = paths.display(destination)
        let title = self.title.trimmingSpacesAndNewlines
        // The options are checked as `notice check` would check what they become, before anything is written.
        if title.isEmpty || title.contains(where: \.isNewline) || title.unicodeScalars.contains(where: Self.isControl) {
            log.error(.initTitleInvalid, "--title is the organisation's name on one line, in plain characters, such as --title \"Example County Council\"", at: nil)
        }
        for (language, name) in otherTitles.sorted(by: { $0.key < $1.key })
        where name.trimmingSpacesAndNewlines.isEmpty || name.contains(where: \.isNewline) || name.unicodeScalars.contains(where: Self.isControl) {
            log.error(.initTitleInvalid, "--title-\(language) is the organisation's name in that language on one line, in plain characters", at: nil)
        }
        for language in languages where !SiteConfigReader.isLanguageTag(language) {
            log.error(.initLanguageInvalid, "'\(language.unicodeScalars.map { Self.isControl($0) ? "?" : String($0) }.joined())' in --languages is not a language tag; give tags such as en-GB or cy, separated by commas", at: nil)
        }
        var baseURL = self.baseURL
        if let written = baseURL {
            if URLPolicy.allows(written), let url = URL(string: written), url.scheme == "https" || url.scheme == "http", url.host != nil {
                baseURL = written.hasSuffix("/") ? String(written.dropLast()) : written
            } else {
                log.error(.initBaseUrlInvalid, "--base-url should be the site's full address, such as https://www.example.gov.uk, not '\(written)'", at: nil)
            }
        }
        if FileSystem.isFile(destination) {
            log.error(.initFolderIsFile, "\(shown) is a file; give notice init a new or empty folder", at: nil)
        } else if FileSystem.isDirectory(destination) {
            let present = FileTree.children(of: destination.path).map(\.name).sorted()
            if !present.isEmpty {
                let listed = present.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (present.count > 3 ? " and \(present.count - 3) more" : "")
                log.error(.initFolderNotEmpty, "\(shown) already has files (\(listed)); notice init never overwrites anything, so give it a new or empty folder", at: nil)
            }
        }
        let starterFiles = FileSystem.files(under: starter)
        let available = Set(starterFiles.compactMap(Self.language(of:))).sorted()
        if let first = languages.first, !first.lowercased().hasPrefix("en") {
            log.error(.initLanguageNotEnglish, "the starter pages are in English, so the first language (the default) must be English, such as --languages en-GB,cy", at: nil)
        }
        for language in languages.dropFirst() where !available.contains(language.lowercased()) {
            log.error(.initLanguageUnavailable, "the starter site has no pages in '\(language)'; it can start a site in English\(available.isEmpty ? "" : " and " + available.map { "'\($0)'" }.joined(separator: ", ")), and you can add other languages afterwards (docs/languages.md)", at: nil)
        }
        let wanted = Set(languages.dropFirst().map { $0.lowercased() })
        // A file for another language (`cookies.cy.md`, `registry.cy.yaml`) only when the site has it.
        let files = starterFiles.filter { file in Self.language(of: file).map(wanted.contains) ?? true }
        if files.isEmpty {
            log.error(.initStarterMissing, "the starter site was not found at \(paths.display(starter)); this is a problem with how Notice is installed: reinstall it with 'make install', or set NOTICE_THEMES to its themes folder", at: nil)
        }
        if log.hasErrors { throw BuildFailure(diagnostics: log.sorted) }

        let languageLines =
            languages.count > 1
            ? "languages:\n"
                + languages.enumerated().map { index, code in
                    guard index > 0 else { return "  - code: \(code)" }
                    let primary = code.split(separator: "-").first.map(String.init) ?? code
                    let name = otherTitles[code] ?? otherTitles[primary]
                    let title =
                        name.map { YAMLQuoting.quoted($0.trimmingSpacesAndNewlines) }
                        ?? "\"\(SiteConfigReader.todoMarker): the organisation's name in '\(code)' (notice init --title-\(primary) sets it)\""
                    return "  - code: \(code)\n    title: \(title)"
                }.joined(separator: "\n")
            : "language: \(languages.first ?? "en-GB")"
        let values = [
            "languageLines": languageLines,
            "title": YAMLQuoting.escaped(title),
            "baseURLLine": baseURL.map { "baseURL: \($0)" } ?? "# baseURL: https://www.example.gov.uk",
            "baseURL": baseURL ?? "\"[the website's address]\"",
            "today": today,
        ]
        var written: [String] = []
        do {
            for file in files {
                let relative = FileSystem.relativePath(of: file, under: starter)
                guard let text = FileSystem.readText(file) else { continue }
                // Titles go into YAML quoted and into Markdown with its punctuation escaped.
                var fill = values
                if relative.hasSuffix(".md") { fill["title"] = Self.markdownEscaped(title) }
                if relative.hasSuffix(".yaml") {
                    // A record's words in another language name the organisation as that language does.
                    let named = Self.language(of: file).flatMap { otherTitles[$0] }?.trimmingSpacesAndNewlines ?? title
                    fill["title"] = YAMLQuoting.quoted(named)
                    // Inside a quoted value (`scope: "the policy pages of {titleText}"`).
                    fill["titleText"] = YAMLQuoting.escaped(named)
                }
                let target = destination.appendingPathComponent(relative)
                try FileTree.makeFolders(target.deletingLastPathComponent().path)
                try FileTree.write(Data(Placeholders.fill(text, fill).utf8), to: target.path)
                written.append(relative)
            }
            // The output is made from the site, so it stays out of the site's repository.
            try FileTree.write(Data("/output/\n".utf8), to: destination.appendingPathComponent(".gitignore").path)
            written.append(".gitignore")
        } catch {
            throw BuildFailure(.error(.initWriteFailed, "could not write the new site into \(shown): \(error.reason)", at: nil))
        }
        if try startHistory() { written.append(ChangeHistoryReader.fileName) }
        return written.sorted()
    }

    /// The change history starts at the starter's records, so that `notice check` finds any change made
    /// to them after (docs/changes.md); false when the starter has no registry.
    private func startHistory() throws(BuildFailure) -> Bool {
        let registryFile = destination.appendingPathComponent(SiteLoader.registryFileName)
        guard let registryText = FileSystem.readText(registryFile) else { return false }
        let registry = try RegistryFile.load(text: registryText, shownAs: paths.display(registryFile)).registry
        let processingFile = destination.appendingPathComponent(ProcessingRecordReader.fileName)
        let processing = try FileSystem.readText(processingFile).map { text throws(BuildFailure) in
            try ProcessingRecord.load(text: text, shownAs: paths.display(processingFile))
        }
        var warnings: [Diagnostic] = []
        let recorder = ChangeRecorder(
            path: destination.appendingPathComponent(ChangeHistoryReader.fileName).path, today: CalendarDate(iso: today) ?? .today)
        _ = try recorder.record(oldRegistry: registry, newRegistry: registry, oldProcessing: processing, newProcessing: processing, note: nil, warnings: &warnings)
        return true
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Markdown's punctuation backslash-escaped, so a name shows as written (`characters`: which to escape).
    static func markdownEscaped(_ text: String, characters: String = "\\`*_{}[]()<>#+-.!|~&") -> String {
        var escaped = ""
        for character in text {
            if characters.contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
