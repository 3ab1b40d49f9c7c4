import ArgumentParser
import Foundation
import NoticeKit

/// Where the site and its themes are: `--site` and `--themes`, for every command that reads a site.
struct SiteLocationOptions: ParsableArguments {
    @Option(
        name: [.customShort("s"), .customLong("site")],
        help: ArgumentHelp("The site folder, holding site.yaml, registry.yaml and pages/ (default: this folder if it holds site.yaml, else content/).", valueName: "dir"))
    var explicitSite: String?

    @Option(name: .long, help: ArgumentHelp("A folder of themes to use instead of the built-in ones.", valueName: "dir"))
    var themes: String?

    @Flag(name: .long, help: "Say which site folder is used, and why.")
    var verbose = false

    /// The site folder: `--site`, else this folder when it holds site.yaml (as after `notice init DIR`
    /// and `cd DIR`), else `content/` (a repository with the site in a folder of its own).
    var site: String {
        if let explicitSite { return explicitSite }
        return FileManager.default.fileExists(atPath: SiteLoader.configFileName) ? "." : "content"
    }

    var siteDirectory: URL { URL(fileURLWithPath: site, isDirectory: true) }

    /// With `--verbose`, one line on standard error naming the site folder and why it was chosen.
    func announce() {
        guard verbose else { return }
        let reason: String
        if explicitSite != nil {
            reason = "given by --site"
        } else if site == "." {
            reason = "this folder holds \(SiteLoader.configFileName)"
        } else {
            reason = "this folder has no \(SiteLoader.configFileName), so its content/ folder"
        }
        Console.standardError.write("Using the site in \(DisplayPaths().display(siteDirectory.standardizedFileURL)) (\(reason))\n")
    }

    /// The folders searched for themes after the site's own `themes/`.
    var themeSearchPaths: [URL] {
        if let themes { return [URL(fileURLWithPath: themes, isDirectory: true)] }
        return BuiltInThemes.searchPaths()
    }

    /// What to say when there is no site where Notice looked.
    static func noSiteMessage(site: String, explicit: Bool) -> String {
        explicit
            ? "there is no site at \(site) (no \(SiteLoader.configFileName)); check --site"
            : "there is no site here: neither this folder nor content/ holds \(SiteLoader.configFileName); run notice from your site's folder, or give --site"
    }

    /// Whether the site folder holds a site; when not, says so as the build's own message would.
    func hasSite() -> Bool {
        guard FileManager.default.fileExists(atPath: siteDirectory.appendingPathComponent(SiteLoader.configFileName).path) else {
            Console.standardError.write("error: \(SiteLocationOptions.noSiteMessage(site: site, explicit: explicitSite != nil))\n")
            return false
        }
        return true
    }
}

/// Where the site, the output and the built-in themes are; shared by every command that builds a site.
struct SiteOptions: ParsableArguments {
    @OptionGroup var location: SiteLocationOptions

    @Option(name: [.short, .long], help: ArgumentHelp("Where the built site is written.", valueName: "dir"))
    var output: String = "output"

    var site: String { location.site }
    var siteDirectory: URL { location.siteDirectory }
    var outputDirectory: URL { URL(fileURLWithPath: output, isDirectory: true) }
    var themeSearchPaths: [URL] { location.themeSearchPaths }
}

/// Finds the themes that ship with Notice: `NOTICE_THEMES`, then beside the executable (a checkout's
/// `themes/` above `.build/`, or an installed `share/notice/themes`).
enum BuiltInThemes {
    static func searchPaths() -> [URL] {
        if let fromEnvironment = ProcessInfo.processInfo.environment["NOTICE_THEMES"], !fromEnvironment.isEmpty {
            return [URL(fileURLWithPath: fromEnvironment, isDirectory: true)]
        }
        // The program's own file (through /proc/self/exe on Linux), wherever it was started from: by a
        // path, a link, or a name found on PATH.
        let executable = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<6 {
            for candidate in ["themes", "share/notice/themes"] {
                let themes = folder.appendingPathComponent(candidate, isDirectory: true)
                if FileManager.default.fileExists(atPath: themes.appendingPathComponent("default").path) {
                    return [themes]
                }
            }
            folder = folder.deletingLastPathComponent()
        }
        return []
    }
}
