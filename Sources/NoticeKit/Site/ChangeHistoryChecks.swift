/// What makes a change history untrue: the registry or the processing record changed since the last
/// recorded change, or a policy page's "last updated" date older than a change it should show.
/// Warnings (errors under `--strict`): a policy never changes without its history saying so.
struct ChangeHistoryChecks {
    /// The registry as registry.yaml has it (without the consent script's own cookies).
    let registry: CookieRegistry
    let processing: ProcessingRecord?
    let pages: [PageSource]
    let policyPage: String

    func check(_ history: ChangeHistory, log: inout DiagnosticLog) {
        let last = history.entries.last
        let at = last?.location ?? history.file
        if let recorded = history.lastRecording(\.registry), recorded.registry != RegistryContent.fingerprint(of: registry) {
            log.warning(
                .recordChangeUnrecorded, "registry.yaml has changed since the change recorded on \(recorded.date.iso), and the history does not say so; record it with 'notice diff --record changes.yaml OLD registry.yaml' (OLD: the registry as published, such as <(git show HEAD:registry.yaml)), then give the cookie policy's 'updated' date",
                at: at)
        } else if history.entries.isEmpty || history.lastRecording(\.registry) == nil {
            log.warning(
                .recordChangeUnrecorded, "the change history does not yet record the registry as it is; record it with 'notice diff --record changes.yaml OLD registry.yaml' so later changes are found",
                at: at)
        }
        if let processing {
            let recorded = history.lastRecording(\.processing)
            if recorded?.processing != processing.fingerprint {
                log.warning(
                    .recordChangeUnrecorded,
                    recorded.map { "processing.yaml has changed since the change recorded on \($0.date.iso), and the history does not say so; record it with 'notice diff --record changes.yaml OLD NEW', giving the site folders before and after" }
                        ?? "the change history does not yet record processing.yaml as it is; record it with 'notice diff --record changes.yaml OLD NEW', giving the site folders before and after",
                    at: at)
            }
        }
        guard let last else { return }
        // A page that shows a change must not say it was last updated before it.
        let changedPages = [(policyPage, last.registry != nil && last.changesCookies), ("privacy", last.changesProcessing)]
        for (name, changed) in changedPages where changed {
            for page in pages where page.name == name || page.name.hasPrefix(name + ".") {
                if let updated = page.frontMatter.updated, updated < last.date {
                    log.warning(
                        .recordChangeUnrecorded, "this page says it was last updated on \(updated.iso), but changes.yaml records a change to it on \(last.date.iso); set 'updated: \(last.date.iso)'",
                        at: SourceLocation(path: page.path))
                }
            }
        }
    }
}
