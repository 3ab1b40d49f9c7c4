// The consent scripts' side of the contract, defined once: the placeholders the build fills, the texts
// the consent templates get, and the settings baked into the scripts. ConsentContractTests reads the scripts' sources
// and fails when a key differs between Swift and JavaScript.

/// Names the consent scripts and the build share.
enum ConsentScriptContract {
    static let placeholder = "NOTICE_CONFIG"
    static let settingsPlaceholder = "NOTICE_SETTINGS"

    /// The keys of the texts the consent templates get (`{{text.heading}}`), under `consent.ui.` in the
    /// theme's strings.
    static let textKeys = [
        "heading", "essential", "optional", "purposes", "remember", "changed", "accept", "reject", "choose", "policyLink", "change",
        "hide", "gpc", "settingsButton", "necessary", "use", "doNotUse", "acceptAll", "rejectAll", "save", "cancel", "saved",
        "settingsHeading", "consentId", "accepted", "rejected", "chosen",
    ]
    /// The keys of the texts the build words each category's values with.
    static let categoryTextKeys = ["purpose", "services", "moreAbout"]
    /// Placeholders the scripts fill in themselves, at the moment they show the text: they become
    /// `{value}`.
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
    }

    var version: String
    var cookies: Cookies
    /// How long a choice is remembered.
    var days: Int
    var domain: String?
    /// The policy page's settings form, where the settings links lead without JavaScript.
    var form: String
    /// Ids of strictly necessary categories, always allowed.
    var necessary: [String]
    /// The optional categories, in registry order.
    var categories: [Category]
    var googleConsentMode: [String: [String]]?
    /// The markup of the banner, the GPC banner and the settings button, from the theme's templates.
    var html: [String: String]
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
        /// Escaped for HTML, for the confirmation's list of what was accepted.
        var title: String
        /// A regular expression matching the category's cookie names, for deleting them on refusal.
        var names: String
        /// The same for its local and session storage keys.
        var keys: String
    }

    /// In the order of `consent.js`'s categories.
    var categories: [Category]
    /// The markup of the settings dialog and of the confirmation, from the theme's templates.
    var html: [String: String]
}
