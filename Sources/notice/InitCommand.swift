import ArgumentParser
import Foundation
import NoticeKit

/// `notice init [DIR]`: a new site to start from, clean under `notice check --strict`.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new site: settings, a registry, a cookie policy, a privacy notice and an accessibility statement.",
        discussion: "Writes into a new or empty folder only (content by default); nothing is ever overwritten."
    )

    @Argument(help: ArgumentHelp("The folder to create the site in.", valueName: "dir"))
    var directory: String = "content"

    @Option(help: ArgumentHelp("The organisation's name, shown on every page.", valueName: "name"))
    var title: String = "Example Council"

    @Option(name: .customLong("title-cy"), help: ArgumentHelp("The organisation's name in Welsh, for a site started with --languages en-GB,cy.", valueName: "name"))
    var welshTitle: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("The site's public address, such as https://www.example.gov.uk.", valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("The site's languages, the default first: en-GB, or en-GB,cy for English and Welsh pages.", valueName: "tags"))
    var languages: String = "en-GB"

    @Option(name: .long, help: ArgumentHelp("A folder of themes to take the starter site from instead of the built-in ones.", valueName: "dir"))
    var themes: String?

    func run() throws {
        let searchPaths = themes.map { [URL(fileURLWithPath: $0, isDirectory: true)] } ?? BuiltInThemes.searchPaths()
        let starter = (searchPaths.first ?? URL(fileURLWithPath: "themes")).appendingPathComponent("default/starter", isDirectory: true)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        let starterSite = SiteStarter(
            starter: starter, destination: URL(fileURLWithPath: directory, isDirectory: true), title: title,
            baseURL: baseURL, today: formatter.string(from: Date()),
            languages: languages.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        var site = starterSite
        if let welshTitle { site.otherTitles["cy"] = welshTitle }
        do {
            let files = try site.write()
            let shown = DisplayPaths().display(URL(fileURLWithPath: directory))
            // Notice finds the site in the folder it runs in (or in content/), so the next steps start
            // with `cd` into any other folder; the path is quoted as a shell reads it when pasted.
            let goThere = shown == "content" ? "" : "  cd \(ShellText.quoted(shown))\n"
            Console.standardOutput.write(
                """
                Created a site in \(ShellText.printable(shown))/ (\(English.count(files.count, "file"))).
                Next: preview it as you edit, then check and build it:
                \(goThere)  notice serve --open
                  notice check --strict
                  notice build

                """)
        } catch {
            let formatter = DiagnosticFormatter(useColour: Console.standardError.allowsColour)
            for diagnostic in error.diagnostics { Console.standardError.write(formatter.format(InstalledDocs.located(diagnostic)) + "\n") }
            throw ExitCode.failure
        }
    }
}
