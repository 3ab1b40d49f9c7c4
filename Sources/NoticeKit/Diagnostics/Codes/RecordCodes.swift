/// Codes of the records policy pages are made from: the accessibility and processing records (docs/diagnostics.md).
extension DiagnosticCode {
    public static let recordPartMissing = DiagnosticCode.warning("record.part.missing", "a part the regulations ask a statement for that its record lacks")
    public static let recordValueUnknown = DiagnosticCode.error("record.value.unknown", "a value that is not one of the words a record's key takes")
    public static let recordCriterionUnknown = DiagnosticCode.error("record.criterion.unknown", "a WCAG success criterion that does not exist")
    public static let recordCriterionBeyondStandard = DiagnosticCode.warning("record.criterion.beyond-standard", "a level AAA success criterion cited against an AA standard")
    public static let recordBasisUnknown = DiagnosticCode.error("record.basis.unknown", "a lawful basis that is not one of Article 6(1)'s six")
    public static let recordDateInvalid = DiagnosticCode.error("record.date.invalid", "a date in a record that is not a day written YYYY-MM-DD")
    public static let recordReviewStale = DiagnosticCode.warning("record.review.stale", "an accessibility statement last reviewed more than a year ago")
    public static let recordFixOverdue = DiagnosticCode.warning("record.fix.overdue", "a known problem whose fix date has passed")
    public static let recordStatusContradicted = DiagnosticCode.warning("record.status.contradicted", "a compliance status its listed problems contradict")
    public static let recordFileUnreadable = DiagnosticCode.error("record.file.unreadable", "a record file that cannot be read as UTF-8")
    public static let recordTranslationMismatch = DiagnosticCode.error("record.translation.mismatch", "a record translation whose keys or lists are not the record's")
    public static let recordTranslationTextMissing = DiagnosticCode.warning("record.translation.text-missing", "a record's text a translation leaves out, or a language without its translation")
    public static let recordChangeUnrecorded = DiagnosticCode.warning("record.change.unrecorded", "a registry or processing record changed since the change history last recorded it")
    public static let recordFileMissing = DiagnosticCode.error("record.file.missing", "an accessibility-statement block on a site with no accessibility.yaml")

    public static let recordCodes: [DiagnosticCode] = [
        recordPartMissing, recordValueUnknown, recordCriterionUnknown, recordCriterionBeyondStandard, recordBasisUnknown, recordDateInvalid, recordReviewStale, recordFixOverdue,
        recordStatusContradicted, recordFileUnreadable, recordFileMissing, recordTranslationMismatch, recordTranslationTextMissing, recordChangeUnrecorded,
    ]
}
