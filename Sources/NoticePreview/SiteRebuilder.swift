import Foundation
import NoticeKit

/// Rebuilds the previewed site after a change: only the saved page when nothing but its Markdown
/// changed, the whole site otherwise (registry, settings, theme, pages added or removed).
///
/// An actor, so two rebuilds never run at once; the watcher loop awaits each before the next.
actor SiteRebuilder {
    /// What one rebuild did, for the log line.
    struct Outcome: Sendable {
        var summary: String
        var duration: Duration
        /// Errors when the build failed, else warnings.
        var diagnostics: [Diagnostic]
        var succeeded: Bool
    }

    let options: SiteBuilder.Options
    let paths: DisplayPaths
    let state: PreviewState
    /// The site-wide checks with every language's renderer, from the last whole build.
    private var checks: SiteChecks?
    /// Every page's links and anchors, by source file (a page and its translations share a name), so
    /// links can be checked after a one-page update.
    private var renderedPages: [String: RenderedPage] = [:]
    /// Problems of pages re-rendered on their own, by page name, until each is fixed.
    private var pageFailures: [String: [Diagnostic]] = [:]

    init(options: SiteBuilder.Options, paths: DisplayPaths, state: PreviewState) {
        self.options = options
        self.paths = paths
        self.state = state
    }

    private var pagesFolder: String {
        options.siteDirectory.appendingPathComponent(SiteLoader.pagesFolderName).standardizedFileURL.resolvingSymlinksInPath().path + "/"
    }

    /// Builds every page and file into memory and publishes it, or publishes the failure.
    func buildEverything(because reason: String) async -> Outcome {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let rendered = try SiteBuilder(options: options, paths: paths).render()
            let files = try Self.contents(of: rendered.files)
            checks = rendered.checks
            renderedPages = Dictionary(rendered.pages.map { ($0.page.path, $0) }, uniquingKeysWith: { first, _ in first })
            pageFailures = [:]
            await state.publish(files, strings: rendered.site.main.strings)
            return Outcome(
                summary: "Rebuilt \(rendered.pages.count) pages (\(reason))", duration: clock.now - start,
                diagnostics: rendered.diagnostics, succeeded: true)
        } catch let failure as BuildFailure {
            checks = nil
            await state.fail(with: failure.diagnostics)
            return Outcome(
                summary: "The site could not be rebuilt (\(reason))", duration: clock.now - start,
                diagnostics: failure.diagnostics, succeeded: false)
        } catch {
            checks = nil
            let diagnostic = Diagnostic.error(.previewFileUnreadable, "could not read a file of the site: \(error.localizedDescription)", at: nil)
            await state.fail(with: [diagnostic])
            return Outcome(
                summary: "The site could not be rebuilt (\(reason))", duration: clock.now - start,
                diagnostics: [diagnostic], succeeded: false)
        }
    }

    /// Rebuilds after these files changed.
    func rebuild(after changes: Set<String>) async -> Outcome {
        let shown = changes.sorted().map { paths.display(URL(fileURLWithPath: $0)) }
        let reason = shown.count == 1 ? "\(shown[0]) changed" : "\(shown.count) files changed"
        guard let checks, let pages = changedPages(changes, in: checks.renderers[0].site) else {
            return await buildEverything(because: reason)
        }
        let clock = ContinuousClock()
        let start = clock.now
        let loader = SiteLoader(
            directory: options.siteDirectory, themeSearchPaths: options.themeSearchPaths, paths: paths,
            contract: SiteBuilder.themeContract)
        var updated: [String: Data] = [:]
        var warnings: [Diagnostic] = []
        for file in pages {
            var (page, diagnostics) = loader.loadPage(at: URL(fileURLWithPath: file))
            if let loaded = page, !diagnostics.contains(where: { $0.severity == .error }) {
                var result = checks.renderer(for: loaded).render(page: loaded)
                diagnostics += result.diagnostics
                if let output = result.file, case .data(let data) = output.contents {
                    updated[output.path] = data
                    result.file = nil
                    renderedPages[loaded.path] = result
                } else {
                    page = nil
                }
            }
            let name = PageSource.name(forRelativePath: String(file.dropFirst(pagesFolder.count))) ?? file
            if diagnostics.contains(where: { $0.severity == .error }) {
                pageFailures[name] = diagnostics
            } else {
                pageFailures[name] = nil
                warnings += diagnostics
            }
        }
        // The site-wide checks again, as a build runs them: this page's links, other pages' links to it, and
        // whether the site is still complete; then what the site silences (`checks: ignore:`).
        let allPages = renderedPages.keys.sorted().compactMap { renderedPages[$0] }
        let pageErrors = pageFailures.keys.sorted().flatMap { pageFailures[$0] ?? [] }
        let found = checks.run(on: allPages, errorsSoFar: !pageErrors.isEmpty)
        let failures = pageErrors + found.filter { $0.severity == .error }
        warnings = checks.renderers[0].site.silencing(warnings + found.filter { $0.severity != .error }).kept
        await state.update(updated, failure: failures)
        let succeeded = failures.isEmpty
        return Outcome(
            summary: succeeded ? "Updated \(shown.joined(separator: ", "))" : "\(shown.joined(separator: ", ")) has problems; still showing the last good version",
            duration: clock.now - start, diagnostics: succeeded ? warnings : failures, succeeded: succeeded)
    }

    /// The page files to re-render on their own, or `nil` when the whole site must be rebuilt.
    private func changedPages(_ changes: Set<String>, in site: Site) -> [String]? {
        // A site in several languages is rebuilt whole: a page's save changes its translations' switches.
        guard site.editions.count == 1 else { return nil }
        let existing = Set(site.main.pages.map(\.name))
        var pages: [String] = []
        for path in changes {
            guard path.hasPrefix(pagesFolder), let name = PageSource.name(forRelativePath: String(path.dropFirst(pagesFolder.count))),
                FileManager.default.fileExists(atPath: path), existing.contains(name)
            else { return nil }
            pages.append(path)
        }
        return pages.sorted()
    }

    /// Output files as bytes: generated ones as they are, copied ones read now.
    static func contents(of files: [OutputFile]) throws -> [String: Data] {
        var contents: [String: Data] = [:]
        for file in files {
            switch file.contents {
            case .data(let data): contents[file.path] = data
            case .copy(let url): contents[file.path] = try Data(contentsOf: url)
            }
        }
        return contents
    }
}
