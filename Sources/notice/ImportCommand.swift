import ArgumentParser
import Foundation
import NoticeKit

/// `notice import SOURCE [DIR]`: the cookie page an organisation already publishes, as a new Notice site.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Start a site from the cookie policy you already publish: its tables become the registry, word for word.",
        discussion: """
            SOURCE is the policy page's https:// address, the page saved from a browser (HTML), or its table as CSV. \
            Writes into a new or empty \
            folder only (content by default), says what it found and what it guessed, then checks the new site: \
            exits 0 when it builds.
            """
    )

    @Argument(help: ArgumentHelp("The cookie policy's https:// address, the page saved from a browser (.html), or its table (.csv).", valueName: "source"))
    var source: String

    @Argument(help: ArgumentHelp("The folder to create the site in.", valueName: "dir"))
    var directory: String = "content"

    @Option(help: ArgumentHelp("The page's language when it does not say (cy for a Welsh page).", valueName: "tag"))
    var language: String?

    @Option(help: ArgumentHelp("Compare with an existing site instead: print, as notice diff does, what the page adds to its registry or words differently. Writes nothing.", valueName: "dir"))
    var into: String?

    func validate() throws {
        if let language, !SiteImporter.isLanguageTag(language) {
            throw ValidationError("--language takes a language tag, such as en-GB or cy")
        }
    }

    /// `--into DIR`: the page's registry merged into the site's, shown as the difference; nothing written.
    private func compare(_ result: SiteImporter.Result, into folder: String, source: String, fail: ([Diagnostic]) -> ExitCode) throws {
        let file = URL(fileURLWithPath: folder, isDirectory: true).appendingPathComponent(SiteLoader.registryFileName)
        let existing: CookieRegistry
        let imported: CookieRegistry
        do {
            // The site's registry as its pages declare it: with the consent cookies site.yaml defines.
            existing = try SiteLoader(
                directory: URL(fileURLWithPath: folder, isDirectory: true), themeSearchPaths: BuiltInThemes.searchPaths(),
                contract: .none
            ).load().site.main.registry
            imported = try RegistryFile.load(text: result.files.first { $0.path == SiteLoader.registryFileName }?.text ?? "", shownAs: "the page's registry").registry
        } catch {
            throw fail(error.diagnostics)
        }
        let merged = RegistryMerge.merge(imported, into: existing)
        let shownRegistry = DisplayPaths().display(file)
        Console.standardOutput.write(RegistryDiffText.render(RegistryDiff(old: existing, new: merged), old: shownRegistry, new: "\(shownRegistry) with \(source)"))
        Console.standardOutput.write("Nothing was written: add to \(shownRegistry) what the page publishes and the registry lacks, or correct the words that differ.\n")
    }

    func run() async throws {
        let formatter = DiagnosticFormatter(useColour: Console.standardError.allowsColour)
        func fail(_ diagnostics: [Diagnostic]) -> ExitCode {
            for diagnostic in diagnostics { Console.standardError.write(formatter.format(InstalledDocs.located(diagnostic)) + "\n") }
            return ExitCode.failure
        }
        let isAddress = source.lowercased().hasPrefix("https://") || source.lowercased().hasPrefix("http://")
        let file = URL(fileURLWithPath: source)
        let shownSource = isAddress ? source : DisplayPaths().display(file)
        let data: Data
        var address: URL?
        if isAddress {
            do {
                (data, address) = try await PageFetcher.fetch(source)
            } catch {
                throw fail([.error(.commandFetchFailed, "\(error)", at: nil)])
            }
        } else if let read = FileManager.default.contents(atPath: file.path) {
            data = read
        } else {
            throw fail([.error(.commandFileUnreadable, "\(shownSource) could not be read; give the path of the cookie policy page saved from a browser, or a CSV of its table", at: nil)])
        }
        // Pages from older systems are often Windows-1252 rather than UTF-8.
        let text = String(validating: data, as: UTF8.self) ?? String(data: data, encoding: .windowsCP1252) ?? String(decoding: data, as: UTF8.self)
        let destination = URL(fileURLWithPath: directory, isDirectory: true)
        let shown = DisplayPaths().display(destination)
        if into == nil, FileManager.default.fileExists(atPath: destination.path),
            let present = try? FileManager.default.contentsOfDirectory(atPath: destination.path), !present.isEmpty
        {
            throw fail([.error(.commandFolderNotEmpty, "\(shown) already has files; notice import never overwrites anything, so give it a new or empty folder", at: nil)])
        }
        let isCSV = (address ?? file).pathExtension.lowercased() == "csv"
        var importer = SiteImporter(source: SourceFile(path: shownSource, text: text), kind: isCSV ? .csv : .html, language: language)
        importer.address = address
        let result: SiteImporter.Result
        do {
            result = try importer.run()
        } catch {
            throw fail(error.diagnostics)
        }
        for diagnostic in result.diagnostics { Console.standardError.write(formatter.format(diagnostic) + "\n") }
        if let into {
            try compare(result, into: into, source: shownSource, fail: fail)
            return
        }
        do {
            for (path, contents) in result.files {
                let target = destination.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(contents.utf8).write(to: target)
            }
        } catch {
            throw fail([.error(.commandWriteFailed, "could not write the new site into \(shown): \(error.localizedDescription)", at: nil)])
        }
        Console.standardOutput.write("Imported \(English.count(result.tableCount, "table")) (\(English.count(result.rowCount, "cookie row"))) from \(ShellText.printable(shownSource)) into \(ShellText.printable(shown))/.\n")
        // The new site, checked as `notice check` would.
        let builder = SiteBuilder(
            options: SiteBuilder.Options(
                siteDirectory: destination, outputDirectory: destination,
                themeSearchPaths: BuiltInThemes.searchPaths()))
        do {
            let checked = try builder.check()
            for diagnostic in checked.diagnostics { Console.standardError.write(formatter.format(InstalledDocs.located(diagnostic)) + "\n") }
            let goThere = shown == "content" ? "" : "  cd \(ShellText.quoted(shown))\n"
            Console.standardOutput.write(
                """
                The new site builds. Next: compare its tables with your page, then preview and check it:
                \(goThere)  notice serve --open
                  notice check --strict

                """)
        } catch {
            for diagnostic in error.diagnostics { Console.standardError.write(formatter.format(InstalledDocs.located(diagnostic)) + "\n") }
            Console.standardError.write("The new site does not build yet: \(DiagnosticFormatter.summary(errors: error.errorCount, warnings: error.diagnostics.count { $0.severity == .warning })); fix the lines above, then run notice check.\n")
            throw ExitCode.failure
        }
    }
}
