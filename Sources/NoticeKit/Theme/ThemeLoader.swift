import Foundation
import Yams

/// Loads a theme from the built-in themes folder, with the site's own `themes/NAME/` files laid over it.
struct ThemeLoader {
    /// Folders that may hold the theme, most specific first: the site's `themes/`, then the built-in ones.
    let searchPaths: [URL]
    let paths: DisplayPaths

    /// The file in a theme's folder that says which theme it builds on (`extends: default`).
    static let settingsFileName = "theme.yaml"

    func load(named name: String, requestedAt location: SourceLocation?, log: inout DiagnosticLog) -> Theme? {
        guard let folders = folders(of: name, requestedAt: location, log: &log) else { return nil }
        // Lowest priority first, so later folders override earlier ones file by file.
        var templates: [String: URL] = [:]
        var assets: [String: URL] = [:]
        var strings = Strings()
        var languageStrings: [String: Strings] = [:]
        var consentScript: URL?
        var consentSettingsScript: URL?
        var consentStylesheet: URL?
        var consentSettingsStylesheet: URL?
        for folder in folders.reversed() {
            // The minified consent files are preferred; a site that overrides the source alone gets its source.
            let consent = folder.appendingPathComponent("consent")
            if let script = ["consent.min.js", "consent.js"].map(consent.appendingPathComponent).first(where: FileSystem.isFile) {
                consentScript = script
            }
            if let script = ["consent-settings.min.js", "consent-settings.js"].map(consent.appendingPathComponent).first(where: FileSystem.isFile) {
                consentSettingsScript = script
            }
            if let stylesheet = ["consent.min.css", "consent.css"].map(consent.appendingPathComponent).first(where: FileSystem.isFile) {
                consentStylesheet = stylesheet
            }
            if let stylesheet = ["consent-settings.min.css", "consent-settings.css"].map(consent.appendingPathComponent).first(where: FileSystem.isFile) {
                consentSettingsStylesheet = stylesheet
            }
            for file in FileSystem.files(under: folder.appendingPathComponent("templates")) where file.pathExtension == "mustache" {
                templates[file.deletingPathExtension().lastPathComponent] = file
            }
            let assetsFolder = folder.appendingPathComponent("assets")
            for file in FileSystem.files(under: assetsFolder) {
                assets[FileSystem.relativePath(of: file, under: assetsFolder)] = file
            }
            let stringsFile = folder.appendingPathComponent("strings.yaml")
            if FileSystem.isFile(stringsFile), let read = readStrings(stringsFile, log: &log) {
                strings = strings.merging(read)
            }
            // `strings.cy.yaml`: the texts in another language, laid over the English ones key by key.
            for (name, isFolder) in FileTree.children(of: folder.path).sorted(by: { $0.name < $1.name }) where !isFolder {
                guard name.hasPrefix("strings."), name.hasSuffix(".yaml"), name != "strings.yaml" else { continue }
                let file = folder.appendingPathComponent(name)
                let code = String(name.dropFirst("strings.".count).dropLast(".yaml".count)).lowercased()
                if let read = readStrings(file, log: &log) {
                    languageStrings[code] = (languageStrings[code] ?? Strings()).merging(read)
                }
            }
        }

        var library = TemplateLibrary()
        var failed = false
        var displayed: [String: String] = [:]
        for (templateName, file) in templates.sorted(by: { $0.key < $1.key }) {
            let display = paths.display(file)
            displayed[templateName] = display
            guard let text = FileSystem.readText(file) else {
                log.error(.themeFileUnreadable, "could not read this template; check that it is saved as UTF-8 text", at: SourceLocation(path: display))
                failed = true
                continue
            }
            do {
                try library.add(text, named: templateName)
            } catch {
                log.error(.themeTemplateSyntax, "this template has a Mustache mistake: \(error.message)", at: SourceLocation(path: display, line: error.line, column: error.column))
                failed = true
            }
        }
        // A template that exists but has a mistake is reported once, above, not again where it is included.
        for missing in library.missingPartials() where templates[missing.partial] == nil {
            var message = "this template includes '\(missing.partial)' ({{> \(missing.partial)}}), but the theme has no template of that name"
            message += Spelling.suggestion(for: missing.partial, in: library.names, otherwise: "; add templates/\(missing.partial).mustache or remove the tag")
            log.error(.themeTemplatePartialMissing, message, at: SourceLocation(path: displayed[missing.template] ?? missing.template, line: missing.line, column: missing.column))
            failed = true
        }
        for required in Theme.requiredTemplates where templates[required] == nil {
            log.error(.themeTemplateRequiredMissing, "the theme '\(name)' has no template '\(required).mustache'; add it under templates/", at: SourceLocation(path: paths.display(folders[0])))
            failed = true
        }
        if failed { return nil }
        var theme = Theme(
            name: name, library: library, templateNames: Set(templates.keys), assets: assets, strings: strings,
            languageStrings: languageStrings,
            consentScript: consentScript, consentSettingsScript: consentSettingsScript, consentStylesheet: consentStylesheet,
            consentSettingsStylesheet: consentSettingsStylesheet)
        theme.templateFiles = displayed
        // Templates the site wrote itself (under its own themes/ folder), as opposed to built-in ones a
        // theme may inherit and not use.
        if searchPaths.count > 1, let siteThemes = searchPaths.first?.standardizedFileURL.path {
            theme.siteTemplateNames = Set(templates.filter { $0.value.standardizedFileURL.path.hasPrefix(siteThemes + "/") }.keys)
        }
        return theme
    }

    /// The theme's folders, most specific first: its own (the site's `themes/NAME/`, then the built-in
    /// one), then those of the theme it extends (`extends:` in its theme.yaml), and so on; nil when a
    /// theme in the chain does not exist or the chain comes back on itself.
    private func folders(of name: String, requestedAt location: SourceLocation?, log: inout DiagnosticLog) -> [URL]? {
        var chain: [URL] = []
        var seen: [String] = []
        var current = (name: name, location: location)
        while true {
            let own = searchPaths.map { $0.appendingPathComponent(current.name, isDirectory: true) }.filter(FileSystem.isDirectory)
            guard !own.isEmpty else {
                let looked = searchPaths.map { paths.display($0) }.joined(separator: ", ")
                let known = Set(searchPaths.flatMap { folder in FileTree.children(of: folder.path).filter(\.isFolder).map(\.name) })
                let what = seen.isEmpty ? "check 'theme' in site.yaml" : "check 'extends' in the theme '\(seen.last ?? "")'"
                log.error(
                    seen.isEmpty ? .themeNameUnknown : .themeExtendsUnknown,
                    "there is no theme called '\(current.name)' (looked in \(looked))" + Spelling.suggestion(for: current.name, in: known, otherwise: "; \(what)"),
                    at: current.location)
                return nil
            }
            seen.append(current.name)
            chain += own
            guard let file = own.map({ $0.appendingPathComponent(Self.settingsFileName) }).first(where: FileSystem.isFile),
                let parent = readExtends(file, log: &log)
            else { break }
            guard !seen.contains(parent.value) else {
                log.error(
                    .themeExtendsCycle, "the theme '\(current.name)' extends '\(parent.value)', which comes back to it (\((seen + [parent.value]).joined(separator: " → "))); one of them must extend nothing",
                    at: parent.location)
                return nil
            }
            current = (parent.value, parent.location)
        }
        return chain
    }

    /// `extends:` from a theme.yaml, checked for unknown keys.
    private func readExtends(_ file: URL, log: inout DiagnosticLog) -> Located<String>? {
        guard let text = FileSystem.readText(file) else {
            log.error(.themeSettingsUnreadable, "could not read this file; check that it is saved as UTF-8 text", at: SourceLocation(path: paths.display(file)))
            return nil
        }
        let reader = YAMLReader(file: SourceFile(path: paths.display(file), text: text))
        defer { log.append(contentsOf: reader.log.diagnostics) }
        guard let root = reader.parseRoot(), let mapping = reader.mapping(root, describedAs: Self.settingsFileName) else { return nil }
        mapping.rejectUnknownKeys(allowed: ["extends"], in: Self.settingsFileName)
        return mapping.string("extends", in: Self.settingsFileName)
    }

    private func readStrings(_ file: URL, log: inout DiagnosticLog) -> Strings? {
        let display = paths.display(file)
        guard let text = FileSystem.readText(file) else {
            log.error(.themeFileUnreadable, "could not read this file; check that it is saved as UTF-8 text", at: SourceLocation(path: display))
            return nil
        }
        let reader = YAMLReader(file: SourceFile(path: display, text: text))
        defer { log.append(contentsOf: reader.log.diagnostics) }
        guard let root = reader.parseRoot(), let mapping = reader.mapping(root, describedAs: "strings.yaml") else { return nil }
        return StringsReader.read(mapping)
    }
}
