/// The registry's words in another language (`registry.cy.yaml`): category, service and cookie texts
/// by id and cookie name. Names, categories, patterns and structured durations are the registry's own
/// and are not repeated here.
public struct RegistryTranslation: Sendable {
    /// A translated text with where it was written.
    public typealias Text = Located<String>

    public struct Category: Sendable {
        public var title, description, summary: Text?
    }

    public struct Service: Sendable {
        public var name, provider, description, appliesTo: Text?
        /// By the cookie's (first) name as the registry writes it.
        public var cookies: [String: CookieTexts] = [:]
    }

    public struct CookieTexts: Sendable {
        public var purpose, duration, note: Text?
    }

    public var categories: [String: Category] = [:]
    public var services: [String: Service] = [:]

    public init() {}

    /// The registry in this language, with a warning for each text it lacks (the registry's own is shown
    /// meanwhile), named by field; `file` is the translation file as shown in messages.
    public func apply(to registry: CookieRegistry, languageName: String, file: String, log: inout DiagnosticLog) -> CookieRegistry {
        var translated = registry
        func missing(_ field: String, of what: String, at location: SourceLocation) {
            log.warning("\(file) has no '\(field)' for \(what), so the \(languageName) pages show registry.yaml's words there until you add it",
                        at: location)
        }
        for index in translated.categories.indices {
            let category = registry.categories[index]
            let texts = categories[category.id]
            let what = "the category '\(category.id)'"
            if let title = texts?.title { translated.categories[index].title = title.value } else { missing("title", of: what, at: category.location) }
            if category.description != nil {
                if let description = texts?.description { translated.categories[index].description = description.value } else { missing("description", of: what, at: category.location) }
            }
            if category.summary != nil {
                if let summary = texts?.summary { translated.categories[index].summary = summary.value } else { missing("summary", of: what, at: category.location) }
            }
        }
        for index in translated.services.indices {
            let service = registry.services[index]
            let texts = services[service.id]
            let what = "the service '\(service.id)'"
            // A service's name is often a brand, the same in every language: it is taken as it is.
            if let name = texts?.name { translated.services[index].name = name.value }
            if let provider = texts?.provider { translated.services[index].provider = provider.value }
            if service.description != nil {
                if let description = texts?.description { translated.services[index].description = description.value } else { missing("description", of: what, at: service.location) }
            }
            if service.appliesTo != nil {
                if let appliesTo = texts?.appliesTo { translated.services[index].appliesTo = appliesTo.value } else { missing("appliesTo", of: what, at: service.location) }
            }
            for cookieIndex in service.cookies.indices {
                let cookie = service.cookies[cookieIndex]
                let cookieTexts = texts?.cookies[cookie.name]
                let cookieWhat = "the cookie '\(cookie.name)' of '\(service.id)'"
                if let purpose = cookieTexts?.purpose { translated.services[index].cookies[cookieIndex].purpose = purpose.value } else { missing("purpose", of: cookieWhat, at: cookie.location) }
                if let duration = cookieTexts?.duration { translated.services[index].cookies[cookieIndex].duration = duration.value } else { missing("duration", of: cookieWhat, at: cookie.location) }
                if cookie.note != nil {
                    if let note = cookieTexts?.note { translated.services[index].cookies[cookieIndex].note = note.value } else { missing("note", of: cookieWhat, at: cookie.location) }
                }
            }
        }
        return translated
    }
}
