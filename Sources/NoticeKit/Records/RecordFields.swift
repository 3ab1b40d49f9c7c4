import Yams

/// The ways records' readers read their values: one of a set of words, a day, a list of texts.
extension YAMLReader {
    /// One of a set of words (`status`, `enforcement`, `reason`), with the nearest when misspelt.
    func choice<Value: RawRepresentable & CaseIterable>(
        _ key: String, of type: Value.Type, in mapping: YAMLMapping, context: String, required: Bool = false
    ) -> Value? where Value.RawValue == String {
        guard let written = mapping.string(key, required: required, in: context) else { return nil }
        if let value = Value(rawValue: written.value) { return value }
        let words = Value.allCases.map(\.rawValue)
        error(
            .recordValueUnknown,
            "'\(key)' in \(context) is one of \(words.map { "'\($0)'" }.joined(separator: ", ")), not '\(written.value)'"
                + Spelling.suggestion(for: written.value, in: words), at: written.location)
        return nil
    }

    func recordDate(_ key: String, in mapping: YAMLMapping, context: String) -> CalendarDate? {
        guard let written = mapping.string(key, in: context) else { return nil }
        guard let date = CalendarDate(iso: written.value) else {
            error(.recordDateInvalid, "'\(key)' in \(context) should be a date written as YYYY-MM-DD, such as 2026-09-01, not '\(written.value)'", at: written.location)
            return nil
        }
        return date
    }

    /// A list of texts, or one text for a list of one.
    func locatedTexts(_ key: String, in mapping: YAMLMapping, context: String) -> [Located<String>] {
        guard let node = mapping.value(key) else { return [] }
        if case .scalar(let scalar) = node { return [Located(scalar.string.trimmingSpacesAndNewlines, at: location(of: node))] }
        return (sequence(node, describedAs: "'\(key)' in \(context)") ?? []).compactMap { item in
            guard case .scalar(let scalar) = item else {
                error(.yamlValueNotSingle, "each item of '\(key)' in \(context) should be a single value, but one is \(item.kindDescription)", at: item)
                return nil
            }
            return Located(scalar.string.trimmingSpacesAndNewlines, at: location(of: item))
        }
    }

    func texts(_ key: String, in mapping: YAMLMapping, context: String) -> [String] {
        locatedTexts(key, in: mapping, context: context).map(\.value).filter { !$0.isEmpty }
    }
}

extension YAMLReader {
    /// One email address, or nil with an error at its line that shows one (`example`).
    func email(_ key: String, in mapping: YAMLMapping, context: String, example: String = "dpo@example.gov.uk") -> String? {
        guard let email = mapping.string(key, in: context) else { return nil }
        if email.value.contains("@"), !email.value.contains(where: { $0.isWhitespace || "<>\"'()[],;:\\".contains($0) }) {
            return email.value
        }
        error(.recordValueUnknown, "'\(key)' in \(context) should be one email address, such as \(example), not '\(email.value)'", at: email.location)
        return nil
    }
}
