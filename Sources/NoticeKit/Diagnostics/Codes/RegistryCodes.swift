/// Codes of the cookie registry and its translations (docs/diagnostics.md).
extension DiagnosticCode {
    public static let registryCategoriesMissing = DiagnosticCode.error("registry.categories.missing", "a registry without categories")
    public static let registryConsentManagerDuplicate = DiagnosticCode.error("registry.consent-manager.duplicate", "more than one consent manager service")
    public static let registryCategoryUnknown = DiagnosticCode.error("registry.category.unknown", "a service naming a category the registry does not have")
    public static let registryUrlRefused = DiagnosticCode.error("registry.url.refused", "an address the URL policy refuses")
    public static let registryLinkInvalid = DiagnosticCode.warning("registry.link.invalid", "a privacy or opt-out link that is not a full https:// address")
    public static let registryLinkInsecure = DiagnosticCode.warning("registry.link.insecure", "a privacy or opt-out link over http://")
    public static let registryConsentManagerCookies = DiagnosticCode.error("registry.consent-manager.cookies", "cookies listed under the consent manager")
    public static let registryHostInvalid = DiagnosticCode.error("registry.host.invalid", "a host that is not a host name")
    public static let registryLifetimeInvalid = DiagnosticCode.error("registry.lifetime.invalid", "a 'lifetime' that is not a machine value")
    public static let registryLifetimeDisagrees = DiagnosticCode.warning("registry.lifetime.disagrees", "a published duration that reads differently from 'lifetime'")
    public static let registryDurationUnread = DiagnosticCode.warning("registry.duration.unread", "a published duration Notice cannot read as a length of time")
    public static let registryDurationNotStated = DiagnosticCode.warning("registry.duration.not-stated", "a published duration that states no duration")
    public static let registryDurationMissing = DiagnosticCode.warning("registry.duration.missing", "a cookie without a duration")
    public static let registryNameConflict = DiagnosticCode.error("registry.name.conflict", "both 'name' and 'names'")
    public static let registryNameSeveral = DiagnosticCode.error("registry.name.several", "several names written as one")
    public static let registryNamesEmpty = DiagnosticCode.error("registry.names.empty", "an empty 'names' list")
    public static let registryNamesInvalid = DiagnosticCode.error("registry.names.invalid", "an item of 'names' that is not a name")
    public static let registryNamesDuplicate = DiagnosticCode.error("registry.names.duplicate", "a name listed twice in 'names'")
    public static let registryNameUnreadable = DiagnosticCode.error("registry.name.unreadable", "a cookie name pattern that cannot be read")
    public static let registryNameLooksPublished = DiagnosticCode.warning("registry.name.looks-published", "a name that looks like a published name cell")
    public static let registryNameInvalid = DiagnosticCode.error("registry.name.invalid", "a name no cookie can have")
    public static let registryNameSpace = DiagnosticCode.warning("registry.name.space", "a cookie name with a space")
    public static let registryNamePrefixExact = DiagnosticCode.warning("registry.name.prefix-exact", "a name that looks like the start of a family of names")
    public static let registryNameCovered = DiagnosticCode.warning("registry.name.covered", "a name another name of the service already covers")
    public static let registryTextInvalid = DiagnosticCode.error("registry.text.invalid", "a registry text Notice cannot use")
    public static let registryIdInvalid = DiagnosticCode.error("registry.id.invalid", "an id that is not lowercase letters, digits and hyphens")
    public static let registryCookieRepeated = DiagnosticCode.warning("registry.cookie.repeated", "a cookie a service lists twice")
    public static let registryCookieShared = DiagnosticCode.warning("registry.cookie.shared", "a cookie two services list")
    public static let registryIdDuplicate = DiagnosticCode.error("registry.id.duplicate", "an id used twice")
    public static let registryTranslationTextMissing = DiagnosticCode.warning("registry.translation.text-missing", "a text a registry translation leaves out")
    public static let registryTranslationDurationDisagrees = DiagnosticCode.warning("registry.translation.duration-disagrees", "a translated duration that reads differently")
    public static let registryTranslationRowsMismatch = DiagnosticCode.error("registry.translation.rows-mismatch", "a translation with a different number of rows")
    public static let registryTranslationIdUnknown = DiagnosticCode.error("registry.translation.id-unknown", "a translation naming an id registry.yaml does not have")

    public static let registryCodes: [DiagnosticCode] = [
        registryCategoriesMissing, registryConsentManagerDuplicate, registryCategoryUnknown, registryUrlRefused,
        registryLinkInvalid, registryLinkInsecure, registryConsentManagerCookies, registryHostInvalid, registryLifetimeInvalid,
        registryLifetimeDisagrees, registryDurationUnread, registryDurationNotStated, registryDurationMissing,
        registryNameConflict, registryNameSeveral, registryNamesEmpty, registryNamesInvalid, registryNamesDuplicate,
        registryNameUnreadable, registryNameLooksPublished, registryNameInvalid, registryNameSpace, registryNamePrefixExact,
        registryNameCovered, registryTextInvalid, registryIdInvalid, registryCookieRepeated, registryCookieShared,
        registryIdDuplicate, registryTranslationTextMissing, registryTranslationDurationDisagrees,
        registryTranslationRowsMismatch, registryTranslationIdUnknown,
    ]
}
