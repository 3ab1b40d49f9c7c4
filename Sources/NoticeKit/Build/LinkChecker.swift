import Foundation

/// Checks links between the site's own pages: that each leads to a page or file of the site, and that
/// a `#section` exists on its page. Links with a scheme (`https:`, `mailto:`) and links from the web
/// server's root (`/contact/`, which may be another part of the organisation's site) are not checked.
struct LinkChecker {
    /// The ids a page can be linked to, by the page's address (`cookies/`, `` for the home page).
    let anchors: [String: Set<String>]
    /// Page titles by address, for messages.
    let titles: [String: String]
    /// Every other file the build writes (static files, assets, declarations).
    let files: Set<String>

    func check(_ link: PageLink, onPage pageURL: String) -> Diagnostic? {
        let url = link.url
        if url.hasPrefix("/") || URLPolicy.scheme(of: url) != nil { return nil }
        let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let pathPart = String(parts[0].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0])
        let fragment = parts.count > 1 ? String(parts[1]).removingPercentEncoding ?? String(parts[1]) : nil

        var target = pageURL
        if !pathPart.isEmpty {
            let resolved = Self.resolving(pathPart, from: pageURL)
            target = resolved.target
            if resolved.climbsAboveRoot {
                // Browsers stay at the server's root, but from disk, or on a site below a path, the link leaves it.
                var fixed = relative(target, from: pageURL)
                if fixed.isEmpty { fixed = "./" }
                if let fragment { fixed += "#" + fragment }
                return .error(
                    .pageLinkAboveSite, "the link '\(url)' climbs above the site's top folder, so opened from disk or published below a path (https://…/policies/) it leads out of the site; write '\(fixed)'",
                    at: link.location)
            }
        }
        if target == "index.html" || target.hasSuffix("/index.html") { target = String(target.dropLast("index.html".count)) }
        if anchors[target] == nil, anchors[target + "/"] != nil { target += "/" }

        guard let sections = anchors[target] else {
            // A static file, or a static folder's index.html.
            if files.contains(target) || files.contains(target + "index.html") || files.contains(target + "/index.html") { return nil }
            var message = "the link '\(url)' leads to no page or file of this site"
            message += Spelling.suggestion(
                Spelling.nearest(to: target, in: anchors.keys.filter { !$0.isEmpty }).map { relative($0, from: pageURL) },
                otherwise: "; check the address, or write the full address (https://…) for another site")
            return .error(.pageLinkBroken, message, at: link.location)
        }
        guard let fragment, !fragment.isEmpty, !sections.contains(fragment) else { return nil }
        let page = target == pageURL ? "this page" : "the page '\(titles[target] ?? target)'"
        var message = "the link '\(url)' goes to a section '#\(fragment)' that \(page) does not have"
        message += Spelling.suggestion(
            Spelling.nearest(to: fragment, in: sections).map { "#" + $0 },
            otherwise: "; its sections are " + sections.sorted().prefix(8).map { "'#\($0)'" }.joined(separator: ", "))
        return .error(.pageAnchorMissing, message, at: link.location)
    }

    /// A relative path (as cmark resolved it: backslash escapes and entities already undone) resolved
    /// against a page's address and percent-decoded segment by segment, as a browser would find the file.
    /// `..` above the site's root stays at the root, as in browsers.
    static func resolve(_ path: String, from pageURL: String) -> String {
        resolving(path, from: pageURL).target
    }

    /// The resolved address, and whether a `..` went above the site's root on the way.
    static func resolving(_ path: String, from pageURL: String) -> (target: String, climbsAboveRoot: Bool) {
        var segments = pageURL.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var climbs = false
        for part in parts {
            switch part {
            case ".": continue
            case "..": if segments.isEmpty { climbs = true } else { segments.removeLast() }
            default: segments.append(part.removingPercentEncoding ?? part)
            }
        }
        let endsAsFolder = parts.last.map { $0.isEmpty || $0 == "." || $0 == ".." } ?? false
        if endsAsFolder, segments.last == "" { segments.removeLast() }
        let joined = segments.filter { !$0.isEmpty }.joined(separator: "/")
        return (endsAsFolder && !joined.isEmpty ? joined + "/" : joined, climbs)
    }

    /// A page address written relative to another page (`../cookies/`).
    private func relative(_ target: String, from page: String) -> String {
        String(repeating: "../", count: page.count { $0 == "/" }) + target
    }
}
