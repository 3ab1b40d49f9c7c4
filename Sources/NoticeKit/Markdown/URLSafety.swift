/// The link addresses cmark's safe mode removes, so editors can be told why a link went dead.
enum URLSafety {
    /// Mirrors cmark's check: `javascript:`, `vbscript:`, `file:` and non-image `data:` are unsafe.
    static func isDangerous(_ url: String) -> Bool {
        let lowered = url.lowercased()
        for scheme in ["javascript:", "vbscript:", "file:"] where lowered.hasPrefix(scheme) {
            return true
        }
        if lowered.hasPrefix("data:") {
            return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { lowered.hasPrefix($0) }
        }
        return false
    }
}
