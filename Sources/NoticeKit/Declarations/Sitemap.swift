/// `sitemap.xml`: every page of the site at its full address (so a site needs `baseURL` for one), with
/// its last update and, on a site in several languages, its versions in the others (`xhtml:link`), as
/// search engines read them. Sorted by address, so builds stay byte for byte the same.
struct Sitemap {
    /// One page: its full address, its `updated` date, and its versions in other languages.
    struct Entry {
        var location: String
        var updated: String?
        var alternates: [(language: String, location: String)]
    }

    var entries: [Entry]

    /// The pages of the editions published in one folder (the default language and those beside it, or
    /// one language with an address of its own).
    init(editions: [Edition], alternates pageVersions: PageAlternates) {
        entries = editions.flatMap { edition -> [Entry] in
            guard let base = edition.config.baseURL else { return [] }
            return edition.pages.map { page in
                let versions = pageVersions.versions(of: page.name)
                let alternates =
                    versions.count > 1
                    ? versions.compactMap { version in
                        version.baseURL.map { (version.language.code, $0 + "/" + PageSource.encodedURLPath(version.urlPath)) }
                    } : []
                return Entry(
                    location: base + "/" + PageSource.encodedURLPath(page.urlPath), updated: page.frontMatter.updated?.iso,
                    alternates: alternates)
            }
        }.sorted { $0.location < $1.location }
    }

    func xml() -> String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">"#,
        ]
        for entry in entries {
            lines.append("<url>")
            lines.append("<loc>\(HTMLText.escape(entry.location))</loc>")
            if let updated = entry.updated { lines.append("<lastmod>\(updated)</lastmod>") }
            for alternate in entry.alternates {
                lines.append(#"<xhtml:link rel="alternate" hreflang="\#(HTMLText.escape(alternate.language))" href="\#(HTMLText.escape(alternate.location))"/>"#)
            }
            lines.append("</url>")
        }
        lines.append("</urlset>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `robots.txt` allowing every page and naming the sitemap.
    static func robots(baseURL: String) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(baseURL)/sitemap.xml\n"
    }
}
