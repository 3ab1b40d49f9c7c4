import Foundation

/// The theme's stylesheets and the consent script under content-hashed names, with Subresource
/// Integrity values, so that pages can be cached for ever and a changed file is fetched at once.
struct AssetManifest: Sendable {
    /// A file pages link to: its path in the output and its `integrity` attribute (if wanted).
    struct Asset: Sendable, Equatable {
        var path: String
        var integrity: String?
    }

    var stylesheets: [Asset] = []
    var consentScript: Asset?
    var consentStylesheet: Asset?

    /// `notice.3f2a1b4c9d.css` for `notice.css` with these bytes.
    static func fingerprinted(_ path: String, contents: Data) -> String {
        let hash = Digest.sha256Hex(contents, bytes: 5)
        let name = path as NSString
        let stem = name.deletingPathExtension
        return name.pathExtension.isEmpty ? "\(stem).\(hash)" : "\(stem).\(hash).\(name.pathExtension)"
    }

    /// `sha384-…`, the value of an `integrity` attribute.
    static func integrity(of contents: Data) -> String {
        "sha384-" + Data(Digest.sha384(contents)).base64EncodedString()
    }

    static func asset(_ path: String, contents: Data, withIntegrity: Bool) -> (Asset, OutputFile) {
        let hashed = fingerprinted(path, contents: contents)
        return (Asset(path: hashed, integrity: withIntegrity ? integrity(of: contents) : nil), OutputFile(path: hashed, contents: .data(contents)))
    }
}
