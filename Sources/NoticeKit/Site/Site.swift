public import Foundation

/// A site as loaded from disk and checked: settings, registry, pages and theme, ready to render.
public struct Site: Sendable {
    public var directory: URL
    public var config: SiteConfig
    /// The registry, with the consent script's own cookies declared.
    public var registry: CookieRegistry
    /// Pages sorted by name.
    public var pages: [PageSource]
    public var theme: Theme
    /// The theme's texts with the site's `strings:` laid over them.
    public var strings: Strings
    /// Files from the site's `static/` folder, copied as they are, by their path in the output.
    public var staticFiles: [String: URL]
}
