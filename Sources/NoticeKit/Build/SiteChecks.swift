/// The checks that need every page rendered, in one place for `notice build`, `notice check` and the
/// preview (which runs them again after re-rendering one page): each a pass over the rendered pages of
/// every language, in order; a pass that only makes sense on a correct site waits for no errors.
public struct SiteChecks: Sendable {
    /// One language's renderer each, the default language's first.
    public let renderers: [SiteRenderer]

    public init(renderers: [SiteRenderer]) {
        self.renderers = renderers
    }

    /// One check over the rendered site.
    struct Pass: Sendable {
        let name: String
        /// Skipped once there is an error: its findings would be noise beside it.
        let needsNoErrors: Bool
        let run: @Sendable (SiteChecks, [RenderedPage]) -> [Diagnostic]
    }

    static let passes: [Pass] = [
        // Links among the pages published together: the languages beside the default one, and each
        // language with an address of its own on its own.
        Pass(name: "links", needsNoErrors: false) { checks, pages in
            let folders = checks.renderers.map(\.edition.placement.outputFolder)
            return Set(folders).sorted().flatMap { folder -> [Diagnostic] in
                guard let first = folders.firstIndex(of: folder) else { return [] }
                let together = pages.filter { folders[checks.edition(of: $0)] == folder }
                return checks.renderers[first].checkLinks(of: together)
            }
        },
        // Whether each language's pages show the whole registry and reach its settings.
        Pass(name: "completeness", needsNoErrors: true) { checks, pages in
            checks.renderers.indices.flatMap { edition in
                checks.renderers[edition].checkCompleteness(of: pages.filter { checks.edition(of: $0) == edition })
            }
        },
    ]

    /// The findings of every pass, given whether the pages themselves already had errors.
    public func run(on pages: [RenderedPage], errorsSoFar: Bool) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for pass in Self.passes {
            if pass.needsNoErrors, errorsSoFar || found.contains(where: { $0.severity == .error }) { continue }
            found += pass.run(self, pages)
        }
        return found
    }

    /// The renderer (language) a page belongs to.
    func edition(of page: RenderedPage) -> Int {
        renderers.firstIndex { $0.edition.language.code == page.page.language } ?? 0
    }

    /// The renderer for a page of this language.
    public func renderer(for page: PageSource) -> SiteRenderer {
        renderers.first { $0.edition.language.code == page.language } ?? renderers[0]
    }
}
