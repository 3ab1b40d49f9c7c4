public import Foundation
public import NoticeKit

/// Where an audit's evidence comes from: the site built in memory, a published site, or recordings.
public enum AuditSource: Sendable {
    /// The build's pages, served on loopback exactly as written.
    case built(RenderedSite)
    /// A published site, crawled from this address up to `limit` pages.
    case published(URL, limit: Int)
    /// HAR files, by path, of the site at `site` (its `baseURL`) when known.
    case recordings([String], site: URL?)

    /// The evidence: in Chromium for a site, from the files for recordings.
    public func evidence(browser: BrowserAudit) async throws -> AuditEvidence {
        switch self {
        case .recordings(let paths, let site):
            let files = try paths.map { path in
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw HARReader.Failure(description: "\(path) could not be read; give the path of a HAR file exported from a browser's developer tools")
                }
                return (path, data)
            }
            return try HARReader.read(files, siteAddress: site)
        case .published(let start, let limit):
            return try await browser.run(start: start, pages: nil, limit: limit)
        case .built(let rendered):
            // Every language's pages, each where the build writes it (a language with an address of its own
            // in its folder).
            let paths = rendered.site.editions.flatMap { edition in edition.pages.map { edition.placement.outputFolder + $0.urlPath } }
            return try await SiteServer(files: rendered.files).serving { base in
                let pages = paths.compactMap { URL(string: base.absoluteString + $0) }
                return try await browser.run(start: base, pages: pages, limit: pages.count)
            }
        }
    }
}
