// The consent interface's markup is the theme's: five templates, rendered by the build into the scripts'
// settings. What the scripts need in each (the actions they act on, the conditional parts they choose
// between) is listed here once; the build checks every rendered template against it, and
// ConsentContractTests checks the scripts against it.

/// One of the theme's consent templates: where it goes and what the scripts need in it.
enum ConsentTemplate: String, CaseIterable, Sendable {
    /// The banner that asks, on every page until a choice.
    case banner = "consent-banner"
    /// The banner under Global Privacy Control.
    case gpc = "consent-gpc"
    /// The Cookie settings button once a choice is made.
    case bar = "consent-bar"
    /// The banner after a choice.
    case confirm = "consent-confirm"
    /// The settings: a dialog holding the form (the policy page shows the form alone).
    case dialog = "consent-dialog"

    /// Its key under `html` in the script's settings.
    var key: String {
        switch self {
        case .banner: "ask"
        case .gpc: "gpc"
        case .bar: "bar"
        case .confirm: "confirm"
        case .dialog: "dialog"
        }
    }

    /// Whether `consent.js` carries it (every page), or `consent-settings.js` (fetched when needed).
    var onEveryPage: Bool {
        switch self {
        case .banner, .gpc, .bar: true
        case .confirm, .dialog: false
        }
    }

    /// The `data-notice-action` values it must offer: without them a visitor could not answer.
    var requiredActions: [String] {
        switch self {
        case .banner: ["accept", "reject", "choose"]
        case .gpc: ["hide", "choose"]
        case .bar: ["choose"]
        case .confirm: ["hide"]
        case .dialog: ["accept", "reject"]
        }
    }

    /// The `data-notice-when` values the script chooses between here; those marked required must each
    /// be present, since the script shows one of them.
    var conditions: (required: [String], optional: [String]) {
        switch self {
        case .banner: ([], ["changed"])
        case .gpc, .bar: ([], [])
        case .confirm: (["accepted", "chosen", "rejected"], [])
        case .dialog: ([], ["dialog", "gpc", "consent-id", "saved"])
        }
    }

    /// The root element it must be, when one kind is needed.
    var rootElement: String? {
        self == .dialog ? "dialog" : nil
    }

    /// The templates `consent.js` carries, and those the settings file does.
    static let everyPage = allCases.filter(\.onEveryPage)
    static let onDemand = allCases.filter { !$0.onEveryPage }
}

/// The attributes and values of the consent templates' side of the contract.
enum ConsentTemplateMarkup {
    /// On an element shown only under a condition (`changed`, `accepted`…); its `{value}` is filled in.
    static let when = "data-notice-when"
    /// On the settings form inside the dialog.
    static let form = "data-notice-form"
    /// Where a value only the script knows goes, in a conditional part (`chosen`, `consent-id`).
    static let value = "{value}"
    /// The prefix of each category's radio buttons' name (`notice-analytics`), with values 1 and 0.
    static let inputPrefix = "notice-"
}
