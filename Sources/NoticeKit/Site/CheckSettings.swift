import Yams

/// `checks:` in site.yaml (the whole site) or in a page's front matter (that page's own diagnostics):
/// warnings and notes silenced by their codes (docs/diagnostics.md). Errors are never silenced.
public struct CheckSettings: Sendable {
    public var ignore: [Located<String>] = []

    public init(ignore: [Located<String>] = []) {
        self.ignore = ignore
    }

    /// The codes silenced, as written.
    var ignoredCodes: Set<String> { Set(ignore.map(\.value)) }

    static let keys = ["ignore"]

    /// Reads `checks:`, checking each code: one Notice does not have (with the nearest suggested), or an
    /// error's, is an error at its line.
    static func read(_ mapping: YAMLMapping, reader: YAMLReader, in context: String) -> CheckSettings {
        mapping.rejectUnknownKeys(allowed: keys, in: context)
        var settings = CheckSettings()
        for node in mapping.sequence("ignore", in: context) ?? [] {
            guard case .scalar(let scalar) = node, case let written = scalar.string.trimmingSpacesAndNewlines, !written.isEmpty else {
                reader.error(.siteChecksCodeUnknown, "each entry of 'ignore' in \(context) should be a diagnostic's code, such as page.description.missing", at: node)
                continue
            }
            guard let code = DiagnosticCode.byID[written] else {
                reader.error(
                    .siteChecksCodeUnknown,
                    "'\(written)' is not a code Notice reports"
                        + Spelling.suggestion(for: written, in: DiagnosticCode.byID.keys, otherwise: "; docs/diagnostics.md lists every code"), at: node)
                continue
            }
            guard code.canBeIgnored else {
                reader.error(.siteChecksErrorIgnored, "'\(written)' is an error, which cannot be silenced (the page would be wrong); fix what it reports instead", at: node)
                continue
            }
            settings.ignore.append(Located(written, at: reader.location(of: node)))
        }
        return settings
    }
}

extension Site {
    /// The diagnostics without those `checks: ignore:` silences (site.yaml's anywhere, a page's for that
    /// page's file), and how many were silenced, so that the summary can say so.
    public func silencing(_ diagnostics: [Diagnostic]) -> (kept: [Diagnostic], silenced: Int) {
        let siteWide = main.config.checks.ignoredCodes
        var byPage: [String: Set<String>] = [:]
        for edition in editions {
            for page in edition.pages where !page.frontMatter.checks.ignore.isEmpty {
                byPage[page.path] = page.frontMatter.checks.ignoredCodes
            }
        }
        guard !siteWide.isEmpty || !byPage.isEmpty else { return (diagnostics, 0) }
        var kept: [Diagnostic] = []
        var silenced = 0
        for diagnostic in diagnostics {
            let code = diagnostic.code
            if code.canBeIgnored,
                siteWide.contains(code.id) || (diagnostic.location.flatMap { byPage[$0.path] }?.contains(code.id) ?? false)
            {
                silenced += 1
            } else {
                kept.append(diagnostic)
            }
        }
        return (kept, silenced)
    }
}
