import NoticeKit

/// What the preview adds to pages: the live-reload script, and, while the site has errors, a panel
/// listing them at the top of every page. Never part of `notice build`'s output.
enum PreviewOverlay {
    static let scriptPath = "/__notice/live-reload.js"
    static let stylesheetPath = "/__notice/preview.css"
    static let eventsPath = "/__notice/events"

    /// Reloads the page when the server says a rebuild finished; the browser reconnects by itself.
    static let script = """
        // Notice preview: reload this page after each rebuild.
        new EventSource('\(eventsPath)').addEventListener('reload', () => location.reload());

        """

    static let stylesheet = """
        .notice-preview-errors { position: sticky; top: 0; z-index: 1000; max-height: 60vh; overflow: auto;
          margin: 0; padding: 1rem 1.25rem; border: 5px solid #d4351c; background: #fff; color: #0b0c0c;
          font: 1rem/1.5 system-ui, sans-serif; }
        .notice-preview-errors h2 { margin: 0 0 0.5rem; font-size: 1.25rem; }
        .notice-preview-errors p { margin: 0 0 0.75rem; }
        .notice-preview-errors ol { margin: 0; padding-left: 1.5rem; }
        .notice-preview-errors li { margin-bottom: 0.5rem; }
        .notice-preview-errors code { font-weight: 700; overflow-wrap: anywhere; }
        .notice-preview-errors:focus { outline: 3px solid #ffdd00; }

        """

    /// The texts of the panel, from the theme's `preview` strings when the site has loaded once.
    struct Texts: Sendable {
        var title = "This preview is out of date"
        var advice = "Notice could not rebuild the site. Fix the problems below and save: this page reloads by itself. Until then it shows the last version that worked."
        var error = "error"
        var warning = "warning"

        init(strings: Strings? = nil) {
            guard let strings else { return }
            title = strings["preview.title"] ?? title
            advice = strings["preview.advice"] ?? advice
            error = strings["preview.error"] ?? error
            warning = strings["preview.warning"] ?? warning
        }
    }

    /// The panel listing every diagnostic, escaped; an alert, so screen readers announce it.
    static func panel(for diagnostics: [Diagnostic], texts: Texts) -> String {
        let items = diagnostics.map { diagnostic -> String in
            let location = diagnostic.location.map { "<code>\(HTMLText.escape($0.description))</code> " } ?? ""
            let severity = diagnostic.severity == .error ? texts.error : texts.warning
            return "<li>\(location)\(HTMLText.escape(severity)): \(HTMLText.escape(diagnostic.message))</li>"
        }.joined()
        return """
            <section class="notice-preview-errors" role="alert" aria-labelledby="notice-preview-errors-title">\
            <link rel="stylesheet" href="\(stylesheetPath)">\
            <h2 id="notice-preview-errors-title">\(HTMLText.escape(texts.title))</h2>\
            <p>\(HTMLText.escape(texts.advice))</p><ol>\(items)</ol></section>
            """
    }

    /// The page with the panel first in its body and the reload script last.
    static func inject(into html: String, panel: String?) -> String {
        var page = html
        let scriptTag = "<script src=\"\(scriptPath)\"></script>\n"
        if let end = page.range(of: "</body>", options: .backwards) {
            page.insert(contentsOf: scriptTag, at: end.lowerBound)
        } else {
            page += scriptTag
        }
        if let panel, let body = page.range(of: "<body"), let close = page[body.upperBound...].firstIndex(of: ">") {
            page.insert(contentsOf: "\n" + panel, at: page.index(after: close))
        }
        return page
    }

    /// A page for when there has never been a good build to show.
    static func errorPage(for diagnostics: [Diagnostic], texts: Texts) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>\(HTMLText.escape(texts.title))</title></head>
        <body>
        <main>\(panel(for: diagnostics, texts: texts))</main>
        </body>
        </html>
        """
    }
}
