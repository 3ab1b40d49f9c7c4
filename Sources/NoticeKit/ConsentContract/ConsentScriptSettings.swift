// The consent scripts' side of the contract, defined once: the placeholders the build fills, the texts
// each script shows, and the settings baked into them. ConsentContractTests reads the scripts' sources
// and fails when a key differs between Swift and JavaScript.

/// Names the consent scripts and the build share.
enum ConsentScriptContract {
    static let placeholder = "NOTICE_CONFIG"
    static let settingsPlaceholder = "NOTICE_SETTINGS"

    /// The keys of the texts `consent.js` shows, under `consent.ui.` in the theme's strings.
    static let textKeys = [
        "heading", "essential", "optional", "purposes", "remember", "changed", "accept", "reject", "choose", "policyLink", "change",
        "hide", "gpc", "settingsButton",
    ]
    /// The keys of the texts only the settings form shows, sent with `consent-settings.js`.
    static let settingsTextKeys = [
        "necessary", "use", "doNotUse", "acceptAll", "rejectAll", "save", "cancel", "saved", "settingsHeading", "consentId",
        "accepted", "rejected", "chosen",
    ]
    /// Placeholders the scripts fill in themselves, at the moment they show the text.
    static let scriptPlaceholders = ["categories", "id"]
}

/// The settings baked into `consent.js` (as JSON, keys sorted so that builds are reproducible).
struct ConsentScriptConfig: Encodable {
    struct Cookies: Encodable {
        var status: String
        var set: String
        var version: String
    }

    struct Category: Encodable {
        var id: String
        /// One sentence for the banner: what the category is for.
        var summary: String
    }

    var version: String
    var cookies: Cookies
    /// How long a choice is remembered.
    var days: Int
    var domain: String?
    /// The policy page's address relative to the script's own.
    var policy: String
    /// The policy page's settings form, where the settings links lead without JavaScript.
    var form: String
    /// Ids of strictly necessary categories, always allowed.
    var necessary: [String]
    /// The optional categories, in registry order.
    var categories: [Category]
    var googleConsentMode: [String: [String]]?
    var texts: [String: String]
    /// Where receipts are sent; absent when none are.
    var receipts: String?
    /// Whether a withdrawal reloads the page.
    var reload: Bool
    /// `consent-settings.<hash>.js` and `consent-settings.<hash>.css`, relative to the script.
    var settings: String?
    var style: String?
    /// A regular expression of the cookie names no refusal deletes (the strictly necessary ones).
    var keep: String
    /// Whether the script shows its Cookie settings button once a choice is made.
    var button: Bool
}

/// The settings baked into `consent-settings.js`.
struct ConsentSettingsConfig: Encodable {
    struct Category: Encodable {
        var title: String
        var description: String
        /// "Services: Google Analytics, Hotjar", or absent when the category has none.
        var services: String?
        /// The policy page's section about the category, relative to the script.
        var section: String
        /// The text of the link to that section.
        var more: String
        /// A regular expression matching the category's cookie names, for deleting them on refusal.
        var names: String
        /// The same for its local and session storage keys.
        var keys: String
    }

    /// In the order of `consent.js`'s categories.
    var categories: [Category]
    var texts: [String: String]
}
