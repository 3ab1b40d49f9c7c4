/// Codes of pages: Markdown, links, directives (docs/diagnostics.md).
extension DiagnosticCode {
    public static let pageLinkAboveSite = DiagnosticCode.error("page.link.above-site", "a relative link that climbs above the site's top folder")
    public static let pageLinkBroken = DiagnosticCode.error("page.link.broken", "a link to a page or file of the site that does not exist")
    public static let pageAnchorMissing = DiagnosticCode.error("page.anchor.missing", "a link to a #section the page does not have")
    public static let pageCookieTableArgumentInvalid = DiagnosticCode.error("page.cookie-table.argument-invalid", "a cookie-table argument written wrongly")
    public static let pageCookieTableServiceUnknown = DiagnosticCode.error("page.cookie-table.service-unknown", "a cookie table naming a service the registry does not have")
    public static let pageCookieTableServiceEmpty = DiagnosticCode.warning("page.cookie-table.service-empty", "a cookie table of a service with no cookies")
    public static let pageCookieTableCategoryUnknown = DiagnosticCode.error("page.cookie-table.category-unknown", "a cookie table naming a category the registry does not have")
    public static let pageCookieTableCategoryEmpty = DiagnosticCode.warning("page.cookie-table.category-empty", "a cookie table of a category with no cookies")
    public static let pageCookieTableArgumentMissing = DiagnosticCode.error("page.cookie-table.argument-missing", "a cookie table that does not say which cookies it lists")
    public static let pageTableCaptionMissing = DiagnosticCode.error("page.table.caption-missing", "a table without a caption")
    public static let pageTableArgumentInvalid = DiagnosticCode.error("page.table.argument-invalid", "a table argument with a value Notice does not know")
    public static let pageTableEmpty = DiagnosticCode.error("page.table.empty", "a table block with nothing in it")
    public static let pageTableDelimiterMissing = DiagnosticCode.error("page.table.delimiter-missing", "a table without its |---| line")
    public static let pageTableColumnsMismatch = DiagnosticCode.error("page.table.columns-mismatch", "a table whose rows or |---| line have a different number of columns")
    public static let pageTableRowsMissing = DiagnosticCode.error("page.table.rows-missing", "a table with headings but no rows")
    public static let pageStatementIncomplete = DiagnosticCode.warning("page.statement.incomplete", "a statement page that leaves out a part the law asks for")
    public static let pageActivityUnknown = DiagnosticCode.error("page.activity.unknown", "a privacy block naming an activity processing.yaml does not have")
    public static let pagePrivacyItemMissing = DiagnosticCode.warning("page.privacy.item-missing", "a privacy notice that does not give an item Articles 13 and 14 ask for")
    public static let pageAccessibilityPartUnknown = DiagnosticCode.error("page.accessibility-part.unknown", "an accessibility-statement block without a part it knows")
    public static let pageVideoUrlMissing = DiagnosticCode.error("page.video.url-missing", "a video without its address")
    public static let pageVideoTitleMissing = DiagnosticCode.error("page.video.title-missing", "a video without a title")
    public static let pageUrlRefused = DiagnosticCode.error("page.url.refused", "an address the URL policy refuses")
    public static let pageVideoProviderUnknown = DiagnosticCode.error("page.video.provider-unknown", "a video address that is not YouTube or Vimeo")
    public static let pageVideoServiceMissing = DiagnosticCode.error("page.video.service-missing", "a video whose provider is not a service in the registry")
    public static let pageHtmlRefused = DiagnosticCode.warning("page.html.refused", "raw HTML, which pages leave out")
    public static let pageDirectiveArgumentInvalid = DiagnosticCode.error("page.directive.argument-invalid", "a directive argument whose value it cannot take")
    public static let pageDirectiveArgumentUnknown = DiagnosticCode.error("page.directive.argument-unknown", "a directive argument it does not take")
    public static let pageTablePipeText = DiagnosticCode.warning("page.table.pipe-text", "text that looks like a table written with |")
    public static let pageImageAltMissing = DiagnosticCode.warning("page.image.alt-missing", "an image without a text alternative")
    public static let pageHeadingH1 = DiagnosticCode.warning("page.heading.h1", "a # heading (the title is the page's only h1)")
    public static let pageHeadingSkipped = DiagnosticCode.warning("page.heading.skipped", "a heading that skips a level")
    public static let pageFenceUnclosed = DiagnosticCode.warning("page.fence.unclosed", "a code block without its closing fence")
    public static let pageDirectiveUnclosed = DiagnosticCode.error("page.directive.unclosed", "a directive block without its closing fence")
    public static let pageDirectiveSwallowed = DiagnosticCode.error("page.directive.swallowed", "a directive block that swallows the rest of the page")
    public static let pageDirectiveUnreadable = DiagnosticCode.error("page.directive.unreadable", "a directive line that cannot be read")
    public static let pageDirectiveUnknown = DiagnosticCode.error("page.directive.unknown", "a directive Notice does not have")
    public static let pageTemplateUnknown = DiagnosticCode.error("page.template.unknown", "a page naming a template the theme does not have")

    public static let pageCodes: [DiagnosticCode] = [
        pageLinkAboveSite, pageLinkBroken, pageAnchorMissing, pageCookieTableArgumentInvalid, pageCookieTableServiceUnknown,
        pageCookieTableServiceEmpty, pageCookieTableCategoryUnknown, pageCookieTableCategoryEmpty,
        pageCookieTableArgumentMissing, pageTableCaptionMissing, pageTableArgumentInvalid, pageTableEmpty,
        pageTableDelimiterMissing, pageTableColumnsMismatch, pageTableRowsMissing, pageAccessibilityPartUnknown, pageStatementIncomplete, pageActivityUnknown, pagePrivacyItemMissing, pageVideoUrlMissing, pageVideoTitleMissing,
        pageUrlRefused, pageVideoProviderUnknown, pageVideoServiceMissing, pageHtmlRefused, pageDirectiveArgumentUnknown, pageDirectiveArgumentInvalid,
        pageTablePipeText, pageImageAltMissing, pageHeadingH1, pageHeadingSkipped, pageFenceUnclosed, pageDirectiveUnclosed,
        pageDirectiveSwallowed, pageDirectiveUnreadable, pageDirectiveUnknown, pageTemplateUnknown,
    ]
}
