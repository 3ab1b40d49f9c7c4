/// The site's settings from `site.yaml`: its name, address, language, theme and consent settings.
public struct SiteConfig: Sendable {
    /// The site's name, shown in the header and in every page title.
    public var title: String
    /// The public address of the site, e.g. `https://www.kent.gov.uk`; used for canonical links.
    public var baseURL: String?
    /// The BCP 47 language of the pages, e.g. `en-GB`; written to `<html lang>`.
    public var language: String
    /// The name of the theme folder under `themes/`.
    public var theme: String
    /// The page that explains cookies and holds the consent settings, e.g. `cookies`.
    public var policyPage: Located<String>?
    /// Links shown in the site's navigation, in order.
    public var navigation: [NavigationLink]
    public var consent: ConsentSettings
    /// Texts that replace the theme's own (`strings:` in `site.yaml`).
    public var strings: Strings
    /// The languages the site is published in, the default first; one (`language`) unless `languages:`
    /// lists more.
    public var languages: [SiteLanguage]
    /// Whether the build writes a `robots.txt` that allows everything and names the sitemap.
    public var robots = false
    /// Warnings the whole site silences (`checks: ignore: [...]`).
    public var checks = CheckSettings()
    /// The organisation's own header, footer and stylesheet, for a theme that wraps pages in them.
    public var wrapper = WrapperSettings()

    public init(
        title: String, baseURL: String? = nil, language: String = "en-GB", theme: String = "default",
        policyPage: Located<String>? = nil, navigation: [NavigationLink] = [],
        consent: ConsentSettings = ConsentSettings(), strings: Strings = Strings()
    ) {
        self.title = title
        self.baseURL = baseURL
        self.language = language
        self.theme = theme
        self.policyPage = policyPage
        self.navigation = navigation
        self.consent = consent
        self.strings = strings
        languages = [SiteLanguage(code: language)]
    }

    /// The site's settings as one language shows them: its tag, name, address, navigation and texts.
    public func settings(for language: SiteLanguage) -> SiteConfig {
        var config = self
        config.language = language.code
        config.title = language.title ?? title
        if language.baseURL != nil { config.baseURL = language.baseURL }
        config.navigation = language.navigation ?? navigation
        if let own = language.wrapper { config.wrapper = own }
        // `strings:` words the default language; another language has only its own.
        config.strings = language == languages.first ? strings.merging(language.strings) : language.strings
        return config
    }
}

/// One entry of the site's navigation: a page of the site, or an outside address.
public struct NavigationLink: Sendable {
    public enum Target: Sendable {
        /// A page of the site, named as in `pages/` without `.md` (`cookies`, `index`, `help/contact`).
        case page(Located<String>)
        case url(String)
    }

    public var title: String
    public var target: Target

    public init(title: String, target: Target) {
        self.title = title
        self.target = target
    }
}

/// How the consent script stores its choices, and what the registry declares for them.
public struct ConsentSettings: Sendable {
    /// The names of the consent script's own cookies (the seed's names by default).
    public struct CookieNames: Sendable, Equatable {
        public var status = "cookie-management-status"
        public var preferencesSet = "cookie-management-preferences-set"
        public var version = "cookie-management-version"
        public init() {}
    }

    /// The domain the consent cookies are set on (`kent.gov.uk` shares them with every subdomain).
    public var domain: String?
    /// How long a choice is remembered.
    public var lifetime = ISODuration(days: 90)
    /// The lifetime in whole days (a month counted as 30 days, a year as 365), for cookie expiry.
    public var lifetimeDays: Int { max(1, Int((lifetime.approximateSeconds / 86_400).rounded())) }
    /// The lifetime as the editor wrote it, shown in the cookie table.
    public var lifetimeText: String = "90 days"
    /// Whether site.yaml gives `lifetime` (then its words are shown in the first language); otherwise every
    /// language shows the theme's `consent.cookie.lifetime`.
    public var lifetimeWritten = false
    public var cookieNames = CookieNames()
    /// Google Consent Mode v2: the consent types each category grants, in the order written; empty when off.
    public var googleConsentMode: [GoogleConsentMapping] = []
    /// Where each choice is sent as a JSON receipt (`consent.receipts`), for proof of consent; none when `nil`.
    public var receipts: String?
    /// Whether the page reloads after a choice withdraws a category, so that its running tags stop.
    public var reloadOnWithdraw = true
    /// Whether the consent script shows its Cookie settings button at the top of every page once a
    /// choice is made (`settingsButton`); off only when `settingsLink` names the pages' own control.
    public var settingsButton = true
    /// The id of the pages' own Cookie settings control, which every page must have (`settingsLink`).
    public var settingsLink: Located<String>?

    public init() {}
}

/// The Google Consent Mode types a category grants (`analytics: [analytics_storage]`).
public struct GoogleConsentMapping: Sendable {
    /// The consent types Google's tags understand.
    public static let consentTypes = [
        "ad_storage", "ad_user_data", "ad_personalization", "analytics_storage", "functionality_storage",
        "personalization_storage", "security_storage",
    ]

    public var category: Located<String>
    public var types: [String]

    public init(category: Located<String>, types: [String]) {
        self.category = category
        self.types = types
    }
}
