import Foundation

/// How a request path maps to a file of the site, with pretty URLs and nothing outside the site.
///
/// The preview serves files from memory, so no path can reach the disk; it still rejects anything
/// that tries (`..`, encoded or not, empty segments, backslashes, NUL), so that what works in the
/// preview also works behind a real web server.
public enum PreviewPaths {
    public enum Resolution: Equatable, Sendable {
        /// Serve this output file.
        case file(String)
        /// Ask the browser to add the trailing slash (`/cookies` → `/cookies/`).
        case redirect(String)
        case notFound
        /// A path that tries to leave the site or is not a path at all.
        case forbidden
    }

    public static func resolve(_ rawPath: String, files: Set<String>) -> Resolution {
        guard rawPath.hasPrefix("/"), let decoded = rawPath.removingPercentEncoding else { return .forbidden }
        if decoded.contains("\0") || decoded.contains("\\") || decoded.hasPrefix("//") { return .forbidden }
        let segments = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            if segment == ".." || segment == "." { return .forbidden }
            // Only a trailing slash may leave an empty segment.
            if segment.isEmpty && index != segments.count - 1 { return .forbidden }
        }
        var path = String(decoded.dropFirst())
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        if files.contains(path) { return .file(path) }
        if !decoded.hasSuffix("/"), files.contains(path + "/index.html") { return .redirect(rawPath + "/") }
        return .notFound
    }

    /// The media type for a file name, with a character set for text.
    public static func contentType(for path: String) -> String {
        let fileExtension = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch fileExtension {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "txt", "md": return "text/plain; charset=utf-8"
        case "xml": return "application/xml; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "ico": return "image/x-icon"
        case "pdf": return "application/pdf"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "mp4": return "video/mp4"
        case "webm": return "video/webm"
        default: return "application/octet-stream"
        }
    }
}
