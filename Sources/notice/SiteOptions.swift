import ArgumentParser
import Foundation
import NoticeKit

/// Where the site and its themes are: `--site` and `--themes`, for every command that reads a site.
struct SiteLocationOptions: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp("The site folder, holding site.yaml, registry.yaml and pages/.", valueName: "dir"))
    var site: String = "content"

    @Option(name: .long, help: ArgumentHelp("A folder of themes to use instead of the built-in ones.", valueName: "dir"))
    var themes: String?

    var siteDirectory: URL { URL(fileURLWithPath: site, isDirectory: true) }

    /// The folders searched for themes after the site's own `themes/`.
    var themeSearchPaths: [URL] {
        if let themes { return [URL(fileURLWithPath: themes, isDirectory: true)] }
        return BuiltInThemes.searchPaths()
    }

    /// Whether the site folder holds a site; when not, says so as the build's own message would.
    func hasSite() -> Bool {
        guard FileManager.default.fileExists(atPath: siteDirectory.appendingPathComponent(SiteLoader.configFileName).path) else {
            Console.standardError.write("error: there is no site at \(site) (no \(SiteLoader.configFileName)); run notice from the folder that holds content/, or give --site\n")
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
