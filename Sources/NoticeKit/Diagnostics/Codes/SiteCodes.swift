/// Codes of Site diagnostics (docs/diagnostics.md): site.yaml and the site folder (`site.`), a page's
/// file and front matter (`page.`), and `notice init`'s starter (`init.`).
extension DiagnosticCode {
    // The site folder.
    public static let siteFolderMissing = DiagnosticCode.error("site.folder.missing", "the site folder does not exist")
    public static let siteFileMissing = DiagnosticCode.error("site.file.missing", "a file the site needs, such as site.yaml or registry.yaml, is missing")
    public static let siteFileUnreadable = DiagnosticCode.error("site.file.unreadable", "a file of the site that is not UTF-8 text")
    public static let sitePagesMissing = DiagnosticCode.error("site.pages.missing", "the pages folder has no Markdown files")
    public static let siteHomePageMissing = DiagnosticCode.warning("site.home-page.missing", "there is no pages/index.md for the header and 'page not found' to link to")
    public static let siteBuiltinThemesMissing = DiagnosticCode.error("site.builtin-themes.missing", "Notice's built-in themes are not installed")
    public static let siteRegistryTranslationMissing = DiagnosticCode.warning("site.registry-translation.missing", "a language without its registry.LANG.yaml, whose pages show the registry's own words")
    public static let siteRegistryTranslationUnused = DiagnosticCode.warning("site.registry-translation.unused", "a registry.LANG.yaml for a language the site is not published in")

    // site.yaml's settings.
    public static let siteUrlRefused = DiagnosticCode.error("site.url.refused", "an address of a kind that cannot be published, such as javascript:")
    public static let siteBaseUrlInvalid = DiagnosticCode.error("site.base-url.invalid", "a 'baseURL' (or --base-url) that is not a full http or https address")
    public static let siteBaseUrlMissing = DiagnosticCode.error("site.base-url.missing", "a setting that needs the site's 'baseURL', which is not given")
    public static let siteThemeInvalid = DiagnosticCode.error("site.theme.invalid", "a 'theme' that is not a folder name")
    public static let sitePolicyPageMissing = DiagnosticCode.error("site.policy-page.missing", "optional cookies, but no 'policyPage' for the consent banner to link to")
    public static let sitePolicyPageUnknown = DiagnosticCode.error("site.policy-page.unknown", "a 'policyPage' that names no page")
    public static let siteLanguageInvalid = DiagnosticCode.error("site.language.invalid", "a 'language' or 'code' that is not a language tag")
    public static let siteLanguageConflict = DiagnosticCode.error("site.language.conflict", "both 'language' and 'languages' in site.yaml")
    public static let siteLanguageDuplicate = DiagnosticCode.error("site.language.duplicate", "a language listed twice under 'languages'")
    public static let siteLanguagesEmpty = DiagnosticCode.error("site.languages.empty", "'languages' that lists no language")
    public static let siteLanguagePathMisplaced = DiagnosticCode.error("site.language.path.misplaced", "a 'path' for the default language, whose pages are at the site's root")
    public static let siteLanguagePathInvalid = DiagnosticCode.error("site.language.path.invalid", "a language's 'path' that is not one folder name")
    public static let siteLanguagePathClash = DiagnosticCode.error("site.language.path.clash", "two languages that would share one folder")
    public static let siteLanguageBaseUrlMissing = DiagnosticCode.error("site.language.base-url.missing", "a language without an address of its own when the first language has one")
    public static let siteLanguageDirectionInvalid = DiagnosticCode.error("site.language.direction.invalid", "a 'direction' other than ltr or rtl")
    public static let siteLanguageTitlePlaceholder = DiagnosticCode.warning("site.language.title.placeholder", "a language's title still the TODO that notice init wrote")
    public static let siteNavigationTargetConflict = DiagnosticCode.error("site.navigation.target.conflict", "a navigation link with both 'page' and 'url'")
    public static let siteNavigationTargetMissing = DiagnosticCode.error("site.navigation.target.missing", "a navigation link with neither 'page' nor 'url'")
    public static let siteNavigationPageUnknown = DiagnosticCode.error("site.navigation.page.unknown", "a navigation link to a page that does not exist")
    public static let siteStringsMissing = DiagnosticCode.error("site.strings.missing", "a text the pages need that neither the theme nor site.yaml gives")
    public static let siteStringsInvalid = DiagnosticCode.error("site.strings.invalid", "a text of the wrong form: a list for a single text, or not 12 month names")
    public static let siteStringsIncomplete = DiagnosticCode.warning("site.strings.incomplete", "a language the theme gives only some texts in, shown in English")
    public static let siteStringsUntranslated = DiagnosticCode.warning("site.strings.untranslated", "a language the theme has no texts in, whose pages show its English")

    // site.yaml's consent settings.
    public static let siteConsentDomainInvalid = DiagnosticCode.error("site.consent.domain.invalid", "a consent 'domain' that is not a domain name")
    public static let siteConsentLifetimeInvalid = DiagnosticCode.error("site.consent.lifetime.invalid", "a consent 'lifetime' that is not a duration of a day or more")
    public static let siteConsentReceiptsInvalid = DiagnosticCode.error("site.consent.receipts.invalid", "a 'receipts' address that is not https://")
    public static let siteConsentSettingsLinkInvalid = DiagnosticCode.error("site.consent.settings-link.invalid", "a 'settingsLink' that is not an element id")
    public static let siteConsentSettingsLinkMissing = DiagnosticCode.error("site.consent.settings-link.missing", "'settingsButton: false' without a 'settingsLink'")
    public static let siteConsentCookieNameInvalid = DiagnosticCode.error("site.consent.cookie-name.invalid", "a consent cookie name with characters a cookie name cannot have")
    public static let siteConsentCategoryUnknown = DiagnosticCode.error("site.consent.category.unknown", "a googleConsentMode category the registry does not define")
    public static let siteConsentCategoryNecessary = DiagnosticCode.error("site.consent.category.necessary", "a strictly necessary category under googleConsentMode")
    public static let siteConsentTypeUnknown = DiagnosticCode.error("site.consent.type.unknown", "a Google Consent Mode type that does not exist")

    // A page's file and front matter.
    public static let pageFileUnreadable = DiagnosticCode.error("page.file.unreadable", "a page that is not UTF-8 text")
    public static let pageFileNameInvalid = DiagnosticCode.error("page.file-name.invalid", "a page's file name that its address cannot carry")
    public static let pageFrontMatterMissing = DiagnosticCode.error("page.front-matter.missing", "a page that does not start with front matter")
    public static let pageFrontMatterUnclosed = DiagnosticCode.error("page.front-matter.unclosed", "front matter without its closing '---' line")
    public static let pageDescriptionMissing = DiagnosticCode.warning("page.description.missing", "a page without a 'description'")
    public static let pageUpdatedInvalid = DiagnosticCode.error("page.updated.invalid", "an 'updated' that is not a YYYY-MM-DD date")
    public static let pageSlugInvalid = DiagnosticCode.error("page.slug.invalid", "a 'slug' that is not letters, digits and hyphens")
    public static let pageSlugUnused = DiagnosticCode.warning("page.slug.unused", "a 'slug' on a page in the default language, which it does not change")
    public static let pageOutputClash = DiagnosticCode.error("page.output.clash", "two pages that would be written to one file")
    public static let pageTranslationOfMisplaced = DiagnosticCode.error("page.translation-of.misplaced", "a 'translationOf' on a page in the default language")
    public static let pageTranslationOfUnknown = DiagnosticCode.error("page.translation-of.unknown", "a 'translationOf' that names no page")
    public static let pageTranslationDuplicate = DiagnosticCode.error("page.translation.duplicate", "two pages that are one page's version in the same language")
    public static let pageTranslationMissing = DiagnosticCode.warning("page.translation.missing", "a page without its version in one of the site's languages")
    public static let pageOriginalMissing = DiagnosticCode.warning("page.original.missing", "a translated page with no page in the default language")

    // `notice init`.
    public static let initTitleInvalid = DiagnosticCode.error("init.title.invalid", "a --title or --title-LANG that is not one line of plain characters")
    public static let initLanguageInvalid = DiagnosticCode.error("init.language.invalid", "a --languages entry that is not a language tag")
    public static let initLanguageNotEnglish = DiagnosticCode.error("init.language.not-english", "a first language other than English, which the starter pages are in")
    public static let initLanguageUnavailable = DiagnosticCode.error("init.language.unavailable", "a language the starter site has no pages in")
    public static let initBaseUrlInvalid = DiagnosticCode.error("init.base-url.invalid", "a --base-url that is not a full http or https address")
    public static let initFolderIsFile = DiagnosticCode.error("init.folder.is-file", "a file where the new site's folder should be")
    public static let initFolderNotEmpty = DiagnosticCode.error("init.folder.not-empty", "a folder for the new site that already has files")
    public static let initStarterMissing = DiagnosticCode.error("init.starter.missing", "the starter site is not installed")
    public static let initWriteFailed = DiagnosticCode.error("init.write.failed", "the new site could not be written")

    public static let siteChecksCodeUnknown = DiagnosticCode.error("site.checks.code-unknown", "a code in 'checks: ignore' that Notice does not report")
    public static let siteChecksErrorIgnored = DiagnosticCode.error("site.checks.error-ignored", "an error's code in 'checks: ignore' (errors cannot be silenced)")

    public static let siteWrapperPathInvalid = DiagnosticCode.error("site.wrapper.path-invalid", "a header or footer path outside the site folder or not .html")
    public static let siteWrapperFileMissing = DiagnosticCode.error("site.wrapper.file-missing", "a header or footer file that does not exist or cannot be read")
    public static let siteWrapperStylesheetInvalid = DiagnosticCode.error("site.wrapper.stylesheet-invalid", "a stylesheet address that is not https:// or from the site's root")
    public static let siteWrapperUnclosed = DiagnosticCode.error("site.wrapper.unclosed", "an element a header or footer never closes")
    public static let siteWrapperStrayEndTag = DiagnosticCode.error("site.wrapper.stray-end-tag", "an end tag a header or footer never opened")
    public static let siteWrapperScript = DiagnosticCode.error("site.wrapper.script", "a script in the site's header or footer")
    public static let siteWrapperElementMisplaced = DiagnosticCode.error("site.wrapper.element-misplaced", "an element the page owns (html, head, body, main) in a fragment")
    public static let siteWrapperHandler = DiagnosticCode.error("site.wrapper.handler", "an inline event handler in a fragment")
    public static let siteWrapperStyleAttribute = DiagnosticCode.warning("site.wrapper.style-attribute", "an inline style in a fragment, which the pages' CSP blocks")
    public static let siteWrapperAddressRelative = DiagnosticCode.warning("site.wrapper.address-relative", "a relative address in a fragment, which differs from page to page")
    public static let siteWrapperUnused = DiagnosticCode.warning("site.wrapper.unused", "a header or footer the theme does not show")

    public static let siteCodes: [DiagnosticCode] = [
        siteFolderMissing, siteFileMissing, siteFileUnreadable, sitePagesMissing, siteHomePageMissing, siteBuiltinThemesMissing,
        siteRegistryTranslationMissing, siteRegistryTranslationUnused,
        siteUrlRefused, siteBaseUrlInvalid, siteBaseUrlMissing, siteThemeInvalid, sitePolicyPageMissing, sitePolicyPageUnknown,
        siteLanguageInvalid, siteLanguageConflict, siteLanguageDuplicate, siteLanguagesEmpty, siteLanguagePathMisplaced,
        siteLanguagePathInvalid, siteLanguagePathClash, siteLanguageBaseUrlMissing, siteLanguageDirectionInvalid,
        siteLanguageTitlePlaceholder, siteNavigationTargetConflict, siteNavigationTargetMissing, siteNavigationPageUnknown,
        siteStringsMissing, siteStringsInvalid, siteStringsIncomplete, siteStringsUntranslated,
        siteConsentDomainInvalid, siteConsentLifetimeInvalid, siteConsentReceiptsInvalid, siteConsentSettingsLinkInvalid,
        siteConsentSettingsLinkMissing, siteConsentCookieNameInvalid, siteConsentCategoryUnknown, siteConsentCategoryNecessary,
        siteConsentTypeUnknown,
        pageFileUnreadable, pageFileNameInvalid, pageFrontMatterMissing, pageFrontMatterUnclosed, pageDescriptionMissing,
        pageUpdatedInvalid, pageSlugInvalid, pageSlugUnused, pageOutputClash, pageTranslationOfMisplaced, pageTranslationOfUnknown,
        pageTranslationDuplicate, pageTranslationMissing, pageOriginalMissing,
        initTitleInvalid, initLanguageInvalid, initLanguageNotEnglish, initLanguageUnavailable, initBaseUrlInvalid, initFolderIsFile,
        initFolderNotEmpty, initStarterMissing, initWriteFailed,
        siteChecksCodeUnknown, siteChecksErrorIgnored,
        siteWrapperPathInvalid, siteWrapperFileMissing, siteWrapperStylesheetInvalid, siteWrapperUnclosed, siteWrapperStrayEndTag,
        siteWrapperScript, siteWrapperElementMisplaced, siteWrapperHandler, siteWrapperStyleAttribute, siteWrapperAddressRelative,
        siteWrapperUnused,
    ]
}
