import Foundation
import Yams

/// Reads `site.yaml` into a ``SiteConfig``, logging every problem with its position.
struct SiteConfigReader {
    static let keys = ["title", "baseURL", "language", "languages", "theme", "policyPage", "navigation", "consent", "strings", "robots", "checks", "wrapper"]
    static let languageKeys = ["code", "path", "baseURL", "direction", "title", "navigation", "strings", "wrapper"]
    static let consentKeys = ["domain", "lifetime", "cookies", "googleConsentMode", "receipts", "reloadOnWithdraw", "settingsButton", "settingsLink"]
    static let cookieNameKeys = ["status", "preferencesSet", "version"]

    let reader: YAMLReader

    init(file: SourceFile) {
        reader = YAMLReader(file: file)
    }

    /// The config, or `nil` when it is too broken to build with; problems are in `log`.
    func read() -> SiteConfig? {
        guard let root = reader.parseRoot(),
            let mapping = reader.mapping(root, describedAs: "site.yaml")
        else { return nil }
        let context = "site.yaml"
        mapping.rejectUnknownKeys(allowed: Self.keys, in: context)

        let title = mapping.string("title", required: true, in: context)
        var config = SiteConfig(title: title?.value ?? "")
        config.baseURL = readBaseURL(mapping, in: context)
        if let language = mapping.string("language", in: context) {
            if Self.isLanguageTag(language.value) {
                config.language = language.value
            } else {
                reader.error(.siteLanguageInvalid, "'language' should be a language tag such as en-GB or cy, not '\(language.value)'", at: language.location)
            }
        }
        if let theme = mapping.string("theme", in: context) {
            if theme.value.contains("/") || theme.value.hasPrefix(".") {
                reader.error(.siteThemeInvalid, "'theme' should be the name of a folder under themes/, such as default", at: theme.location)
            } else {
                config.theme = theme.value
            }
        }
        config.policyPage = mapping.string("policyPage", in: context)
        config.navigation = readNavigation(mapping)
        if let consent = mapping.mapping("consent", in: context) {
            config.consent = readConsent(consent)
        }
        if let strings = mapping.mapping("strings", in: context) {
            config.strings = StringsReader.read(strings)
        }
        if let wrapper = mapping.mapping("wrapper", in: context) {
            config.wrapper = WrapperSettings.read(wrapper, reader: reader, in: "site.yaml's 'wrapper'")
        }
        if let checks = mapping.mapping("checks", in: context) {
            config.checks = CheckSettings.read(checks, reader: reader, in: "site.yaml's 'checks'")
        }
        if let robots = mapping.bool("robots", in: context) {
            config.robots = robots
            if robots, config.baseURL == nil, let node = mapping.value("robots") {
                reader.error(.siteBaseUrlMissing, "'robots: true' writes a robots.txt that names the sitemap, which needs the site's address: add 'baseURL'", at: node)
            }
        }
        config.languages = [SiteLanguage(code: config.language)]
        if let list = mapping.sequence("languages", in: context) {
            if let language = mapping.string("language", in: context) {
                reader.error(
                    .siteLanguageConflict, "site.yaml has both 'language' and 'languages'; list every language under 'languages', the default first, and remove 'language'",
                    at: language.location)
            }
            let languages = readLanguages(list, at: mapping.keyNode("languages").map(reader.location(of:)))
            if let first = languages.first {
                config.languages = languages
                config.language = first.code
            }
        }
        return title == nil ? nil : config
    }

    private func readBaseURL(_ mapping: YAMLMapping, in context: String) -> String? {
        guard let baseURL = mapping.string("baseURL", in: context) else { return nil }
        if !URLPolicy.allows(baseURL.value) {
            reader.error(.siteUrlRefused, URLPolicy.refusal(baseURL.value, of: "'baseURL'"), at: baseURL.location)
        } else if let address = URLPolicy.siteAddress(baseURL.value) {
            return address
        } else {
            reader.error(.siteBaseUrlInvalid, "'baseURL' should be the full address, such as https://www.example.gov.uk", at: baseURL.location)
        }
        return nil
    }

    /// `languages:`: each with its tag, and optionally its folder, address, direction, name, navigation
    /// and texts. The first is the default, whose pages are at the site's root.
    private func readLanguages(_ items: [Node], at location: SourceLocation?) -> [SiteLanguage] {
        var languages: [SiteLanguage] = []
        for (index, item) in items.enumerated() {
            let context = "a language under 'languages'"
            guard let entry = reader.mapping(item, describedAs: context) else { continue }
            entry.rejectUnknownKeys(allowed: Self.languageKeys, in: context)
            guard let code = entry.string("code", required: true, in: context) else { continue }
            guard Self.isLanguageTag(code.value) else {
                reader.error(.siteLanguageInvalid, "'code' should be a language tag such as en-GB or cy, not '\(code.value)'", at: code.location)
                continue
            }
            if languages.contains(where: { $0.code.lowercased() == code.value.lowercased() }) {
                reader.error(.siteLanguageDuplicate, "the language '\(code.value)' is listed twice under 'languages'; list each language once", at: code.location)
                continue
            }
            let baseURL = readBaseURL(entry, in: "the language '\(code.value)'")
            var path = index == 0 && baseURL == nil ? "" : code.value.lowercased()
            if let written = entry.string("path", in: context) {
                // One folder name, as the message says: `a/b`, `-`, or a folder the build writes itself are not.
                let name = written.value
                let valid =
                    !name.isEmpty && name.count <= 63 && name.first.map { $0.isASCII && ($0.isLetter || $0.isNumber) } == true
                    && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
                    && !Self.reservedFolders.contains(name.lowercased())
                if index == 0, baseURL == nil {
                    reader.error(.siteLanguagePathMisplaced, "the first language is the default, whose pages are at the site's root; remove its 'path', or give it a 'baseURL' of its own", at: written.location)
                } else if valid {
                    path = written.value
                } else {
                    let reason = Self.reservedFolders.contains(name.lowercased()) ? " (Notice writes its own \(name)/ folder)" : ""
                    reader.error(.siteLanguagePathInvalid, "'path' should be one folder name of letters, digits and hyphens, starting with a letter or digit, such as cy, not '\(written.value.prefix(80))'\(reason)", at: written.location)
                }
            }
            var rightToLeft: Bool?
            if let direction = entry.string("direction", in: context) {
                switch direction.value {
                case "ltr": rightToLeft = false
                case "rtl": rightToLeft = true
                default: reader.error(.siteLanguageDirectionInvalid, "'direction' is ltr (left to right) or rtl (right to left), not '\(direction.value)'", at: direction.location)
                }
            }
            let navigation = entry.sequence("navigation", in: context) == nil ? nil : readNavigation(entry)
            let strings = entry.mapping("strings", in: context).map(StringsReader.read) ?? Strings()
            let wrapper = entry.mapping("wrapper", in: context).map { WrapperSettings.read($0, reader: reader, in: "the '\(code.value)' language's 'wrapper'") }
            let title = entry.string("title", in: context)
            if let title, title.value.hasPrefix(Self.todoMarker) {
                reader.warning(.siteLanguageTitlePlaceholder, "the '\(code.value)' title is still '\(title.value)'; write the organisation's name in that language, as its pages show it", at: title.location)
            }
            var language = SiteLanguage(
                code: code.value, path: path, baseURL: baseURL, isRightToLeft: rightToLeft,
                title: title?.value, navigation: navigation, strings: strings,
                location: reader.location(of: item))
            language.wrapper = wrapper
            languages.append(language)
        }
        if languages.isEmpty, !items.isEmpty || location != nil {
            reader.error(.siteLanguagesEmpty, "'languages' lists no language; give each a 'code', such as - code: en-GB", at: location ?? reader.file.start)
        }
        if let first = languages.first, first.baseURL != nil, let shared = languages.dropFirst().first(where: { $0.baseURL == nil }) {
            reader.error(
                .siteLanguageBaseUrlMissing, "the first language has an address of its own, so each language needs one: give '\(shared.code)' a 'baseURL' too, or remove the first language's",
                at: shared.location ?? reader.file.start)
        }
        var paths: [String: String] = [:]
        for language in languages where language.baseURL == nil || languages.first != language {
            if let other = paths[language.path] {
                reader.error(
                    .siteLanguagePathClash, "the languages '\(other)' and '\(language.code)' would share the folder '\(language.path)'; give one a 'path' of its own",
                    at: language.location ?? reader.file.start)
            }
            paths[language.path] = language.code
        }
        return languages
    }

    private func readNavigation(_ mapping: YAMLMapping) -> [NavigationLink] {
        guard let items = mapping.sequence("navigation", in: "site.yaml") else { return [] }
        return items.compactMap { item in
            let context = "a navigation link"
            guard let link = reader.mapping(item, describedAs: context) else { return nil }
            link.rejectUnknownKeys(allowed: ["title", "page", "url"], in: context)
            let title = link.string("title", required: true, in: context)
            let page = link.string("page", in: context)
            let url = link.string("url", in: context)
            let target: NavigationLink.Target
            switch (page, url) {
            case let (page?, nil): target = .page(page)
            case let (nil, url?):
                guard URLPolicy.allows(url.value) else {
                    reader.error(.siteUrlRefused, URLPolicy.refusal(url.value, of: "the navigation link '\(title?.value ?? "")'"), at: url.location)
                    return nil
                }
                target = .url(url.value)
            case (_?, _?):
                reader.error(.siteNavigationTargetConflict, "a navigation link has both 'page' and 'url'; keep one", at: link.location)
                return nil
            case (nil, nil):
                reader.error(.siteNavigationTargetMissing, "a navigation link needs 'page' (a page of this site) or 'url'", at: link.location)
                return nil
            }
            return title.map { NavigationLink(title: $0.value, target: target) }
        }
    }

    /// An id a page can carry and a selector can name as it is: a letter, then letters, digits, - and _.
    static func isElementID(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
    }

    private func readConsent(_ mapping: YAMLMapping) -> ConsentSettings {
        let context = "the consent settings"
        mapping.rejectUnknownKeys(allowed: Self.consentKeys, in: context)
        var settings = ConsentSettings()
        if let domain = mapping.string("domain", in: context) {
            let value = domain.value.hasPrefix(".") ? String(domain.value.dropFirst()) : domain.value
            if value.contains("/") || value.contains(":") || !value.contains(".") {
                reader.error(.siteConsentDomainInvalid, "'domain' should be a domain name such as example.gov.uk, without https:// or a path", at: domain.location)
            } else {
                settings.domain = value
            }
        }
        if let lifetime = mapping.string("lifetime", in: context) {
            if let reading = DurationParser.read(lifetime.value, grammars: DurationGrammar.all), !reading.qualified, case .fixed(let duration) = reading.lifetime,
                duration.approximateSeconds >= 86_400
            {
                settings.lifetime = duration
                settings.lifetimeText = lifetime.value
                settings.lifetimeWritten = true
            } else {
                reader.error(.siteConsentLifetimeInvalid, "'lifetime' should say how long a choice is remembered, at least a day, such as 90 days or 6 months", at: lifetime.location)
            }
        }
        if let receipts = mapping.string("receipts", in: context) {
            if let address = Self.receiptAddress(receipts.value) {
                settings.receipts = address
            } else if !URLPolicy.allows(receipts.value) {
                reader.error(.siteUrlRefused, URLPolicy.refusal(receipts.value, of: "'receipts'"), at: receipts.location)
            } else {
                reader.error(
                    .siteConsentReceiptsInvalid, "'receipts' should be the full https:// address that collects consent receipts, such as https://consent.example.gov.uk/receipts (http:// only for this computer, for testing)",
                    at: receipts.location)
            }
        }
        if let reload = mapping.bool("reloadOnWithdraw", in: context) {
            settings.reloadOnWithdraw = reload
        }
        if let link = mapping.string("settingsLink", in: context) {
            if Self.isElementID(link.value) {
                settings.settingsLink = link
            } else {
                reader.error(.siteConsentSettingsLinkInvalid, "'settingsLink' should be the id of the pages' own Cookie settings control (letters, digits, - and _), such as cookie-settings-link, without #", at: link.location)
            }
        }
        if let button = mapping.bool("settingsButton", in: context) {
            settings.settingsButton = button
            if !button, settings.settingsLink == nil {
                let location = mapping.keyNode("settingsButton").map { reader.location(of: $0) } ?? mapping.location
                reader.error(
                    .siteConsentSettingsLinkMissing, "'settingsButton: false' takes away the Cookie settings button that keeps withdrawing consent one action away on every page; keep it, or say where the pages' own control is with 'settingsLink': the id of an element with data-notice-action=\"choose\" near the top of every page",
                    at: location)
            }
        }
        if let modes = mapping.mapping("googleConsentMode", in: context) {
            settings.googleConsentMode = readGoogleConsentMode(modes)
        }
        if let cookies = mapping.mapping("cookies", in: context) {
            let context = "the consent cookie names"
            cookies.rejectUnknownKeys(allowed: Self.cookieNameKeys, in: context)
            var names = ConsentSettings.CookieNames()
            for key in Self.cookieNameKeys {
                guard let name = cookies.string(key, in: context) else { continue }
                guard CookieNameRules.isPlainName(name.value) else {
                    reader.error(.siteConsentCookieNameInvalid, "'\(name.value)' cannot be a cookie name: use letters, digits and - _ . only", at: name.location)
                    continue
                }
                switch key {
                case "status": names.status = name.value
                case "preferencesSet": names.preferencesSet = name.value
                default: names.version = name.value
                }
            }
            settings.cookieNames = names
        }
        return settings
    }

    /// `googleConsentMode: {analytics: [analytics_storage]}`: which consent types each category grants.
    private func readGoogleConsentMode(_ mapping: YAMLMapping) -> [GoogleConsentMapping] {
        mapping.pairs.compactMap { key, value in
            guard let category = key.string else { return nil }
            let context = "the Google Consent Mode types of '\(category)'"
            guard let items = reader.sequence(value, describedAs: context) else { return nil }
            let types = items.compactMap { item -> String? in
                guard let type = item.string, GoogleConsentMapping.consentTypes.contains(type) else {
                    reader.error(
                        .siteConsentTypeUnknown,
                        "'\(item.string ?? "")' is not a Google Consent Mode type"
                            + Spelling.suggestion(
                                for: item.string ?? "", in: GoogleConsentMapping.consentTypes,
                                otherwise: "; use \(GoogleConsentMapping.consentTypes.joined(separator: ", "))"),
                        at: item)
                    return nil
                }
                return type
            }
            return GoogleConsentMapping(category: Located(category, at: reader.location(of: key)), types: types)
        }
    }

    /// The receipts address as the script uses it: https with a host, or http on this computer (for
    /// testing); nothing for anything else.
    static func receiptAddress(_ text: String) -> String? {
        guard URLPolicy.allows(text), let url = URL(string: text), let host = url.host, !host.isEmpty,
            url.user == nil, url.password == nil, url.fragment == nil
        else { return nil }
        switch url.scheme?.lowercased() {
        case "https": return text
        case "http": return ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host.lowercased()) ? text : nil
        default: return nil
        }
    }

    /// Folders every build writes at the site's root, which no language can have as its own.
    static let reservedFolders: Set<String> = ["assets"]

    /// How `notice init` marks a text the editor still has to write (the Welsh title, without `--title-cy`).
    public static let todoMarker = "TODO"

    /// A rough BCP 47 check: letters and digits in hyphen-separated parts, first part 2 or 3 letters.
    public static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return false
        }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}
