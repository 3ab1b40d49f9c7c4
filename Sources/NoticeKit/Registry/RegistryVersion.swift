import Foundation

/// A short, stable fingerprint of everything a visitor's consent depends on.
///
/// The consent script stores it with the visitor's choice and asks again when it changes. It covers the
/// categories (and which are strictly necessary), which service belongs to which category, and every
/// cookie name or pattern with where it is stored. Rewording a title, a purpose or a duration does not
/// change it; adding, removing, renaming or moving a cookie does.
public enum RegistryVersion {
    /// 16 hexadecimal digits of SHA-256 over the canonical form.
    public static func of(_ registry: CookieRegistry) -> String {
        Digest.sha256Hex(Data(canonicalForm(of: registry).utf8), bytes: 8)
    }

    /// One line per fact, sorted, so that the order of the registry does not matter either.
    static func canonicalForm(of registry: CookieRegistry) -> String {
        var lines: [String] = []
        for category in registry.categories {
            lines.append("category\t\(category.id)\t\(category.necessary ? "necessary" : "optional")")
        }
        for service in registry.services {
            lines.append("service\t\(service.id)\t\(service.categoryID)")
            for cookie in service.cookies.flatMap(\.each) {
                lines.append("cookie\t\(service.categoryID)\t\(service.id)\t\(cookie.name)\t\(cookie.storage.rawValue)")
            }
        }
        return lines.sorted().joined(separator: "\n") + "\n"
    }
}
