/// The name cell of a published cookie table, which often holds more than names: "_ga and _gid",
/// "__lc_cid (customerID)", "_ga_XXXXXXX, _gid", "ASP.NET_SessionId (www.example.gov.uk)".
///
/// Used to advise an editor what to write (`label` for the cell, `name`/`names` for what a browser
/// sets); never to change the words shown.
enum PublishedNameCell {
    /// The names a cell seems to list: bracketed asides dropped, split at commas, slashes, spaces and the
    /// words "and"/"or"/"a" ("and" in Welsh).
    static func names(in cell: String) -> [String] {
        var depth = 0
        var current = ""
        var names: [String] = []
        func end() {
            let word = current.trimmingCharacters(in: [".", ":", ";"])
            if !word.isEmpty, !connectors.contains(word.lowercased()), !names.contains(word) { names.append(word) }
            current = ""
        }
        for character in cell.prefix(1_000) {
            switch character {
            case "(", "[":
                end()
                depth += 1
            case ")", "]":
                end()
                depth = max(0, depth - 1)
            case _ where depth > 0:
                continue
            case ",", "/", "&":
                end()
            case _ where character.isWhitespace:
                end()
            default:
                current.append(character)
            }
        }
        end()
        return names
    }

    private static let connectors: Set<String> = ["and", "or", "a", "ac", "neu", "-", "–"]
}
