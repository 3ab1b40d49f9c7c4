/// What makes an accessibility statement untrue or out of date, checked against its record and the day
/// of the build: a review more than a year old, a fix date that has passed, a status its problems
/// contradict, and a part the regulations ask for that is missing. Warnings (errors under `--strict`):
/// the statement still builds, and says so.
struct AccessibilityRecordChecks {
    /// The day the build runs (`SOURCE_DATE_EPOCH` when set, for reproducible runs).
    let today: CalendarDate

    func check(_ record: AccessibilityRecord, log: inout DiagnosticLog) {
        func at(_ key: String) -> SourceLocation { record.locations[key] ?? record.file }
        let yearAgo = CalendarDate(year: today.year - 1, month: today.month, day: min(today.day, CalendarDate.daysIn(month: today.month, year: today.year - 1)))
        if let reviewed = record.reviewed ?? record.prepared, reviewed < yearAgo {
            log.warning(
                .recordReviewStale, "the statement was last reviewed on \(reviewed.iso), more than a year ago; the regulations ask for it to be kept up to date (the GOV.UK model: reviewed at least once a year), so review it and set 'reviewed' to the day you did",
                at: at(record.reviewed == nil ? "prepared" : "reviewed"))
        }
        if record.prepared == nil {
            log.warning(.recordPartMissing, "the accessibility record has no 'prepared' date; the statement must say when it was prepared, so add 'prepared: YYYY-MM-DD'", at: record.file)
        }
        for problem in record.problems {
            if let fixBy = problem.fixBy, fixBy < today {
                log.warning(
                    .recordFixOverdue, "the fix date \(fixBy.iso) of '\(problem.description.prefix(60))' has passed, so the statement promises a date already gone; if it is fixed, remove the problem, otherwise give the new date",
                    at: problem.location)
            }
        }
        switch record.status {
        case .fullyCompliant? where !record.problems.isEmpty || !record.burdens.isEmpty:
            log.warning(
                .recordStatusContradicted, "'status: fully-compliant' says the website meets the standard in full, but the record lists \(record.problems.count + record.burdens.count) problem\(record.problems.count + record.burdens.count == 1 ? "" : "s") it does not meet; say 'partially-compliant', or remove what is fixed",
                at: at("status"))
        case .partiallyCompliant? where record.problems.isEmpty && record.burdens.isEmpty,
            .notCompliant? where record.problems.isEmpty && record.burdens.isEmpty:
            log.warning(
                .recordStatusContradicted, "'status: \(record.status?.rawValue ?? "")' says parts of the website do not meet the standard, but the record lists no problem and no disproportionate burden; list them under 'problems' (the regulations ask for each), or say 'fully-compliant'",
                at: at("status"))
        default:
            break
        }
        if record.contact.email == nil, record.contact.phone == nil, record.contact.address == nil {
            log.warning(
                .recordPartMissing, "the accessibility record gives no way to ask for another format or report a problem; add 'contact:' with an email, a phone number or an address (the regulations ask for one)",
                at: at("contact"))
        }
        if record.tested.date == nil {
            log.warning(.recordPartMissing, "the accessibility record does not say when the website was tested; add 'tested:' with its 'date', and who tested it ('by')", at: at("tested"))
        }
    }
}
