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
        /// By the cookie's (first) name as the registry writes it: one entry per row of that name, in order
        /// (a published table may list one name in two rows).
        public var cookies: [String: [CookieTexts]] = [:]
    }

    public struct CookieTexts: Sendable {
        public var label, purpose, duration, note: Text?
    }

    public var categories: [String: Category] = [:]
    public var services: [String: Service] = [:]

    public init() {}

    /// The registry in this language, with a warning for each text it lacks (the registry's own is shown
    /// meanwhile), named by field; `file` is the translation file as shown in messages.
    /// `grammars` read the translated durations, so that one saying something else than the registry's
    /// lifetime is a warning.
    public func apply(
        to registry: CookieRegistry, languageName: String, file: String, grammars: [DurationGrammar] = [],
        log: inout DiagnosticLog
    ) -> CookieRegistry {
        var translated = registry
        /// The translation of a text the registry has, or the registry's own with a warning; nil stays nil.
        func word(_ text: Text?, for original: String?, _ field: String, of what: String, at location: SourceLocation) -> String? {
            guard let original else { return nil }
            if let text { return text.value }
            log.warning(
                .registryTranslationTextMissing, "\(file) has no '\(field)' for \(what), so the \(languageName) pages show registry.yaml's words there until you add it",
                at: location)
            return original
        }
        for (index, category) in registry.categories.enumerated() {
            let texts = categories[category.id]
            let what = "the category '\(category.id)'"
            translated.categories[index].title = word(texts?.title, for: category.title, "title", of: what, at: category.location) ?? category.title
            translated.categories[index].description = word(texts?.description, for: category.description, "description", of: what, at: category.location)
            translated.categories[index].summary = word(texts?.summary, for: category.summary, "summary", of: what, at: category.location)
        }
        for (index, service) in registry.services.enumerated() {
            let texts = services[service.id]
            let what = "the service '\(service.id)'"
            // A service's name is often a brand, the same in every language: taken as it is unless given.
            if let name = texts?.name { translated.services[index].name = name.value }
            if let provider = texts?.provider { translated.services[index].provider = provider.value }
            translated.services[index].description = word(texts?.description, for: service.description, "description", of: what, at: service.location)
            translated.services[index].appliesTo = word(texts?.appliesTo, for: service.appliesTo, "appliesTo", of: what, at: service.location)
            var rowOfName: [String: Int] = [:]
            for (cookieIndex, cookie) in service.cookies.enumerated() {
                let row = rowOfName[cookie.name, default: 0]
                rowOfName[cookie.name] = row + 1
                let entries = texts?.cookies[cookie.name] ?? []
                let cookieTexts = row < entries.count ? entries[row] : nil
                let what = "the cookie '\(cookie.name)' of '\(service.id)'" + (row > 0 ? " (its row \(row + 1))" : "")
                var translatedRow = cookie
                translatedRow.label = word(cookieTexts?.label, for: cookie.label, "label", of: what, at: cookie.location)
                translatedRow.purpose = word(cookieTexts?.purpose, for: cookie.purpose, "purpose", of: what, at: cookie.location) ?? cookie.purpose
                translatedRow.duration = word(cookieTexts?.duration, for: cookie.duration, "duration", of: what, at: cookie.location)
                translatedRow.note = word(cookieTexts?.note, for: cookie.note, "note", of: what, at: cookie.location)
                if let duration = cookieTexts?.duration, cookie.duration != nil {
                    checkDuration(duration, against: cookie, of: what, file: file, grammars: grammars, log: &log)
                }
                translated.services[index].cookies[cookieIndex] = translatedRow
            }
        }
        return translated
    }

    /// A translated duration that reads as another lifetime than the registry's: the two pages would
    /// tell visitors different things.
    private func checkDuration(
        _ duration: Text, against cookie: Cookie, of what: String, file: String, grammars: [DurationGrammar],
        log: inout DiagnosticLog
    ) {
        guard !grammars.isEmpty, cookie.lifetime != .unknown,
            let reading = DurationParser.read(duration.value, grammars: grammars), !reading.qualified, reading.lifetime != .unknown,
            reading.lifetime != cookie.lifetime
        else { return }
        log.warning(
            .registryTranslationDurationDisagrees, "the duration '\(duration.value.prefix(80))' of \(what) in \(file) reads as \(RegistryReader.describe(reading.lifetime)), but registry.yaml's says \(RegistryReader.describe(cookie.lifetime)); the two languages' pages would tell visitors different things, so check the translation",
            at: duration.location)
    }
}
