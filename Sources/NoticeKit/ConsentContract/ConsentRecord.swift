// What the consent script and the Swift side must agree on, each defined once here: the consent record
// the script stores, and the attributes that pages, templates and the script share. The settings the
// build bakes into the scripts are ConsentScriptConfig and ConsentSettingsConfig (ConsentScriptSettings.swift).
// ConsentContractTests reads the scripts' sources and fails when either side names something the other
// does not know.

/// The record of a visitor's choice, as the consent script stores it (JSON, URL-encoded, in the status
/// cookie) and as docs/consent.md documents it.
public struct ConsentRecord: Codable, Sendable, Equatable {
    /// Each optional category's id: allowed or not.
    public var choices: [String: Bool]
    /// When the choice was made (ISO 8601, by the visitor's clock).
    public var time: String
    /// The registry version the choice was made under.
    public var version: String
    /// 1 when Global Privacy Control was on, else 0.
    public var globalPrivacyControl: Int
    /// The consent id, a version 4 UUID; absent from records made before consent ids existed.
    public var id: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case choices = "c"
        case time = "t"
        case version = "v"
        case globalPrivacyControl = "g"
        case id = "i"
    }

    public init(choices: [String: Bool], time: String, version: String, globalPrivacyControl: Int, id: String?) {
        self.choices = choices
        self.time = time
        self.version = version
        self.globalPrivacyControl = globalPrivacyControl
        self.id = id
    }

    /// The record's keys, as the script writes them.
    static var keys: [String] { CodingKeys.allCases.map(\.rawValue) }
}

/// The attributes that connect a page's markup with the consent script.
public enum ConsentMarkup {
    /// On a gated `<script type="text/plain">` or a video placeholder: the category that must be allowed.
    public static let consent = "data-consent"
    /// The address a gated script or a video loads once allowed.
    public static let source = "data-src"
    /// A video's title, for its iframe.
    public static let title = "data-title"
    /// Marks a video placeholder the script replaces with the player.
    public static let embed = "data-notice-embed"
    /// On a video's button: the category it allows.
    public static let allow = "data-notice-allow"
    /// On a button or link: what it does (`accept`, `reject`, `choose`, `hide`, `cancel`).
    public static let action = "data-notice-action"
    /// Marks the element on the policy page where the script puts the settings form.
    public static let settings = "data-notice-settings"

    /// The id of the policy page's settings form: the footer's "Cookie settings" link leads there, and the
    /// script goes there when it cannot show the settings itself.
    public static let formAnchor = "cookie-settings"

    /// Every attribute above.
    public static let all = [consent, source, title, embed, allow, action, settings]

    /// The values of ``action`` the script acts on.
    public static let actions = ["accept", "reject", "choose", "hide", "cancel"]
}
