import Yams

/// Reads `registry.LANG.yaml`, the registry's texts in another language, checking every id and cookie
/// name against the registry so that a translation never describes something the registry lacks.
struct RegistryTranslationReader {
    static let categoryKeys = ["title", "description", "summary"]
    static let serviceKeys = ["name", "provider", "description", "appliesTo", "cookies"]
    static let cookieKeys = ["label", "purpose", "duration", "note"]

    let reader: YAMLReader

    init(file: SourceFile) {
        reader = YAMLReader(file: file)
    }

    func read(for registry: CookieRegistry) -> RegistryTranslation? {
        guard let root = reader.parseRoot(), let mapping = reader.mapping(root, describedAs: "the registry's translation") else { return nil }
        mapping.rejectUnknownKeys(allowed: ["categories", "services"], in: "the registry's translation")
        var translation = RegistryTranslation()
        if let categories = mapping.mapping("categories", in: "the registry's translation") {
            for (key, value) in categories.pairs {
                guard let id = known(key, among: registry.categories.map(\.id), kind: "category"),
                    let texts = reader.mapping(value, describedAs: "the category '\(id)'")
                else { continue }
                texts.rejectUnknownKeys(allowed: Self.categoryKeys, in: "the category '\(id)'")
                translation.categories[id] = RegistryTranslation.Category(
                    title: texts.string("title", in: "the category '\(id)'"), description: texts.string("description", in: "the category '\(id)'"),
                    summary: texts.string("summary", in: "the category '\(id)'"))
            }
        }
        if let services = mapping.mapping("services", in: "the registry's translation") {
            for (key, value) in services.pairs {
                guard let id = known(key, among: registry.services.map(\.id), kind: "service"),
                    let texts = reader.mapping(value, describedAs: "the service '\(id)'")
                else { continue }
                let context = "the service '\(id)'"
                texts.rejectUnknownKeys(allowed: Self.serviceKeys, in: context)
                var service = RegistryTranslation.Service(
                    name: texts.string("name", in: context), provider: texts.string("provider", in: context),
                    description: texts.string("description", in: context), appliesTo: texts.string("appliesTo", in: context))
                let rows = registry.service(id: id)?.cookies.map(\.name) ?? []
                for (cookieKey, cookieValue) in texts.mapping("cookies", in: context)?.pairs ?? [] {
                    guard let name = known(cookieKey, among: rows, kind: "cookie of '\(id)'") else { continue }
                    let count = rows.count { $0 == name }
                    // One mapping for a name's row, or a list of them when the registry has several rows of that name.
                    let items: [Node]
                    if case .sequence(let sequence) = cookieValue {
                        items = Array(sequence)
                        if items.count != count {
                            reader.error(
                                .registryTranslationRowsMismatch, "registry.yaml has \(English.count(count, "row")) for the cookie '\(name)' of '\(id)', but this list has \(items.count); give one entry per row, in the registry's order",
                                at: cookieValue)
                        }
                    } else {
                        items = [cookieValue]
                    }
                    service.cookies[name] = items.compactMap { item in
                        guard let cookie = reader.mapping(item, describedAs: "the cookie '\(name)'") else { return nil }
                        let context = "the cookie '\(name)'"
                        cookie.rejectUnknownKeys(allowed: Self.cookieKeys, in: context)
                        return RegistryTranslation.CookieTexts(
                            label: cookie.string("label", in: context), purpose: cookie.string("purpose", in: context),
                            duration: cookie.string("duration", in: context), note: cookie.string("note", in: context))
                    }
                }
                translation.services[id] = service
            }
        }
        return translation
    }

    /// The key, when the registry has it; an error naming the nearest one otherwise.
    private func known(_ key: Node, among ids: [String], kind: String) -> String? {
        guard let id = key.string, ids.contains(id) else {
            let written = key.string ?? ""
            var message = "the registry has no \(kind) '\(written)', so there is nothing to translate here"
            message += Spelling.suggestion(for: written, in: ids, otherwise: "; check it against registry.yaml")
            reader.error(.registryTranslationIdUnknown, message, at: key)
            return nil
        }
        return id
    }
}
