import Foundation

/// The one rule for every address Notice publishes: links in pages, navigation, the site's address,
/// registry links and videos.
///
/// Only web, mail and phone addresses and addresses within the site pass; anything else (`javascript:`,
/// `data:`, `vbscript:`, `file:` …) is an error where it was written. The scheme is read as a browser
/// reads it, so `" JaVaScRiPt:"` or `"java\tscript:"` cannot slip through.
enum URLPolicy {
    static let allowedSchemes: Set<String> = ["https", "http", "mailto", "tel"]

    /// Whether the address may be published.
    static func allows(_ address: String) -> Bool {
        guard let scheme = scheme(of: address) else { return true }
        return allowedSchemes.contains(scheme)
    }

    /// The scheme in lowercase as a browser would find it, or `nil` for an address within the site.
    ///
    /// Browsers drop leading and trailing control characters and spaces and remove tabs and line breaks
    /// anywhere before they look for the scheme (WHATWG URL parsing).
    static func scheme(of address: String) -> String? {
        var scheme = ""
        for scalar in address.unicodeScalars {
            if scalar == "\t" || scalar == "\n" || scalar == "\r" { continue }
            if scheme.isEmpty, scalar.value <= 0x20 { continue }
            if scalar == ":" { return scheme.isEmpty ? nil : scheme.lowercased() }
            let isLetter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            let allowed = scheme.isEmpty ? isLetter : isLetter || ("0"..."9").contains(scalar) || "+-.".unicodeScalars.contains(scalar)
            guard allowed else { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }

    /// A site's own address (`baseURL`, `--base-url`) without its trailing slash, or `nil` when it is not a
    /// full http or https address the policy allows.
    static func siteAddress(_ address: String) -> String? {
        guard allows(address), let url = URL(string: address), url.scheme == "https" || url.scheme == "http", url.host != nil else {
            return nil
        }
        return address.hasSuffix("/") ? String(address.dropLast()) : address
    }

    /// What an editor is told when an address breaks the policy; `what` names the field (`'url' of …`).
    static func refusal(_ address: String, of what: String) -> String {
        "the address '\(address.prefix(60))' of \(what) is not allowed: only https:, http:, mailto: and tel: addresses and addresses within the site can be published; use the page's https:// address"
    }
}
