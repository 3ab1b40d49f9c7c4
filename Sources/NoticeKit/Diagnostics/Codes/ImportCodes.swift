/// Codes of `notice import` (docs/diagnostics.md).
extension DiagnosticCode {
    public static let importTableScriptFilled = DiagnosticCode.error("import.table.script-filled", "a page whose cookie table a script fills in")
    public static let importTableMissing = DiagnosticCode.error("import.table.missing", "a page or file with no cookie table")
    public static let importGuessDescription = DiagnosticCode.note("import.guess.description", "a category description taken from the paragraph under its heading")
    public static let importGuessCategory = DiagnosticCode.note("import.guess.category", "a category or service guessed from a heading, caption or column")
    public static let importGuessNecessary = DiagnosticCode.note("import.guess.necessary", "a category marked strictly necessary from its title")
    public static let importRowNameMissing = DiagnosticCode.warning("import.row.name-missing", "a published row without a cookie name")
    public static let importRowPurposeMissing = DiagnosticCode.warning("import.row.purpose-missing", "a published row without a purpose")
    public static let importNecessaryMissing = DiagnosticCode.warning("import.necessary.missing", "no strictly necessary category on the page")
    public static let importResultSummary = DiagnosticCode.note("import.result.summary", "what the import found")
    public static let importSettingsAdded = DiagnosticCode.note("import.settings.added", "the settings form added at the page's end")

    public static let importCodes: [DiagnosticCode] = [
        importTableScriptFilled, importTableMissing, importGuessDescription, importGuessCategory, importGuessNecessary,
        importRowNameMissing, importRowPurposeMissing, importNecessaryMissing, importResultSummary, importSettingsAdded,
    ]
}
