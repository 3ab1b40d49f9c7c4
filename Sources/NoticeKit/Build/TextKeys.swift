/// The keys of the texts that Notice's code (not the templates) puts on pages.
enum TextKeys {
    static let required =
        [
            "cookieTable.captionService", "cookieTable.captionCategory", "cookieTable.name", "cookieTable.service",
            "cookieTable.purpose", "cookieTable.duration", "cookieTable.providedBy", "cookieTable.privacyPolicy", "cookieTable.optOut",
            "cookieTable.storage.cookie", "cookieTable.storage.local-storage", "cookieTable.storage.session-storage", "cookieTable.storage.indexed-db",
            "cookieTable.storage.pixel", "cookieTable.storage.none", "cookieTable.notStated",
            "consent.serviceName", "consent.cookie.preferencesSet", "consent.cookie.status", "consent.cookie.version",
            "date.format", "notFound.title", "notFound.description", "notFound.body",
        ] + CookieDeclarationCSV.columns.map { "declaration.csv.\($0)" } + (ConsentScriptContract.textKeys + ConsentScriptContract.categoryTextKeys).map { "consent.ui.\($0)" }
        + ["consent.noScript", "consent.onlyNecessary", "consent.embed.text", "consent.embed.button", "consent.embed.link"]
        + accessibility + privacy + changes

    /// The accessibility statement's sentences the code words with the record's values.
    static let accessibility =
        AccessibilityRecord.Status.allCases.map { "accessibility.status.\($0.rawValue)" }
        + AccessibilityRecord.Exemption.allCases.map { "accessibility.exemption.\($0.rawValue)" }
        + AccessibilityRecord.Enforcement.allCases.map { "accessibility.enforcement.\($0.rawValue)" }
        + ["accessibility.scope.one", "accessibility.scope.many", "accessibility.runBy", "accessibility.commitment.one", "accessibility.commitment.many"]
        + ["accessibility.noFixDate", "accessibility.assessed", "accessibility.answerWithin", "accessibility.answerWithinWorkingDays", "accessibility.prepared", "accessibility.reviewed"]
        + ["accessibility.tested", "accessibility.testedBy"]

    /// The change history's sentences, around the recorded names.
    static let changes = [
        "servicesAdded", "servicesRemoved", "cookiesAdded", "cookiesRemoved", "cookiesChanged", "activitiesAdded", "activitiesRemoved",
        "activitiesChanged", "askedAgain", "wordsOnly", "started", "cookie", "listSeparator",
    ].map { "changes.\($0)" }

    /// The privacy notice's words the code puts around the processing record's.
    static let privacy =
        ProcessingRecord.LawfulBasis.allCases.map { "privacy.basis.\($0.rawValue)" }
        + ProcessingRecord.Right.allCases.flatMap { ["privacy.rights.\($0.rawValue).title", "privacy.rights.\($0.rawValue).text"] }
        + ["purpose", "basis", "interest", "specialData", "specialCondition", "data", "source", "sourceYou", "recipients", "recipientsNone", "transfers", "transfer"]
        .map { "privacy.table.\($0)" }
        + ["retention", "automatedDecisions", "automatedNone", "requirement", "transfersNone"].map { "privacy.table.\($0)" }
        + ["privacy.basisUnder", "privacy.rights.appliesTo", "privacy.listSeparator", "privacy.controller", "privacy.registration", "privacy.dpo", "privacy.dpoNamed"]
}

extension SiteBuilder {
    /// The keys of the texts Notice's code shows, which every theme (or site) must have.
    public static var requiredTexts: [String] { TextKeys.required }

    /// What every theme must give the pipeline: the texts above, and for each template Notice renders,
    /// the view it gets (docs/themes.md lists their names).
    public static let themeContract = ThemeContract(
        requiredTexts: TextKeys.required,
        templates: [
            "page": PageView.schema, "cookie-table": CookieTableView.schema, "table": TableView.schema, "video": VideoView.schema,
            "consent-settings": ConsentSettingsView.schema, "audit-report": AuditReportView.schema,
            "accessibility-statement": AccessibilityStatementView.schema, "processing-table": ProcessingTableView.schema,
            "privacy-rights": PrivacyRightsView.schema, "privacy-contact": PrivacyContactView.schema,
            "policy-changes": PolicyChangesView.schema,
        ].merging(ConsentTemplate.allCases.map { ($0.rawValue, ConsentView.schema) }) { first, _ in first },
        globals: { TemplateGlobals.schema(strings: $0) })
}
