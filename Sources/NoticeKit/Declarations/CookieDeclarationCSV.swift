/// `cookies.csv`: one row per cookie, for a spreadsheet (RFC 4180, UTF-8 with a byte-order mark so that
/// Excel reads accents and curly quotes correctly).
struct CookieDeclarationCSV {
    /// The column headings' text keys, in order.
    static let columns = [
        "category", "service", "provider", "name", "purpose", "duration", "durationISO", "storage", "party", "domain", "note",
    ]

    let registry: CookieRegistry
    /// Column headings by key, from the theme's texts.
    let headings: [String: String]

    func text() -> String {
        var rows = [Self.columns.map { headings[$0] ?? $0 }]
        for service in registry.services {
            let category = registry.category(id: service.categoryID)?.title ?? service.categoryID
            for cookie in service.cookies.flatMap(\.each) {
                rows.append([
                    category, service.name, service.provider ?? "", cookie.name, cookie.purpose, cookie.duration ?? "",
                    cookie.lifetime.isoText, cookie.storage.rawValue, cookie.party?.rawValue ?? "", cookie.domain ?? "",
                    cookie.note ?? "",
                ])
            }
        }
        return "\u{FEFF}" + rows.map { $0.map(Self.field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// Quotes a field where RFC 4180 requires it, and defuses text a spreadsheet would run as a formula.
    static func field(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            value = "'" + value
        }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
