import Foundation
import Yams

/// Reads `registry.yaml` into a ``CookieRegistry``, checking it strictly and logging every problem.
struct RegistryReader {
    static let rootKeys = ["categories", "services"]
    static let categoryKeys = ["id", "title", "description", "summary", "necessary"]
    static let serviceKeys = [
        "id", "name", "category", "provider", "description", "privacyPolicy", "optOut", "appliesTo",
        "consentManager", "hosts", "cookies",
    ]
    static let cookieKeys = ["name", "names", "label", "exact", "purpose", "duration", "lifetime", "storage", "party", "domain", "note"]

    let reader: YAMLReader
    /// The grammars the published durations are read with: the registry's language's, then English.
    let grammars: [DurationGrammar]

    init(file: SourceFile, grammars: [DurationGrammar] = [.english]) {
        reader = YAMLReader(file: file)
        self.grammars = grammars
    }

    func read() -> CookieRegistry? {
        guard let root = reader.parseRoot(),
            let mapping = reader.mapping(root, describedAs: "the registry")
        else { return nil }
        mapping.rejectUnknownKeys(allowed: Self.rootKeys, in: "the registry")

        let categories = (mapping.sequence("categories", in: "the registry") ?? []).compactMap(readCategory)
        if mapping.value("categories") == nil {
            reader.error(.registryCategoriesMissing, "the registry has no 'categories'; list at least the strictly necessary category", at: mapping.location)
        }
        rejectDuplicateIDs(categories.map { Located($0.id, at: $0.location) }, kind: "category")

        let services = (mapping.sequence("services", in: "the registry") ?? []).compactMap { readService($0, categories: categories) }
        rejectDuplicateIDs(services.map { Located($0.id, at: $0.location) }, kind: "service")
        warnAboutSharedNames(services)
        if services.count(where: \.consentManager) > 1 {
            for service in services.filter(\.consentManager).dropFirst() {
                reader.error(.registryConsentManagerDuplicate, "only one service can be the consent manager; remove 'consentManager: true' from '\(service.id)'", at: service.location)
            }
        }
        return CookieRegistry(categories: categories, services: services)
    }

    private func readCategory(_ node: Node) -> CookieCategory? {
        guard let mapping = reader.mapping(node, describedAs: "a category") else { return nil }
        let id = mapping.string("id", required: true, in: "a category")
        let context = id.map { "the category '\($0.value)'" } ?? "a category"
        mapping.rejectUnknownKeys(allowed: Self.categoryKeys, in: context)
        let title = mapping.string("title", required: true, in: context)
        let description = mapping.string("description", in: context)
        let summary = mapping.string("summary", in: context)
        let necessary = mapping.bool("necessary", in: context) ?? false
        // A category with a valid id is kept even when other fields are wrong, so services that refer
        // to it are still checked (and not reported as naming an unknown category).
        guard let id, checkID(id) else { return nil }
        return CookieCategory(
            id: id.value, title: title?.value ?? "", description: description?.value, summary: summary?.value,
            necessary: necessary, location: id.location)
    }

    private func readService(_ node: Node, categories: [CookieCategory]) -> CookieService? {
        guard let mapping = reader.mapping(node, describedAs: "a service") else { return nil }
        let id = mapping.string("id", required: true, in: "a service")
        let context = id.map { "the service '\($0.value)'" } ?? "a service"
        mapping.rejectUnknownKeys(allowed: Self.serviceKeys, in: context)
        let name = mapping.string("name", required: true, in: context)
        let category = mapping.string("category", required: true, in: context)
        if let category, !categories.isEmpty, !categories.contains(where: { $0.id == category.value }) {
            var message = "\(context) is in the category '\(category.value)', which the registry does not define"
            message += Spelling.suggestion(for: category.value, in: categories.map(\.id), otherwise: "; the categories are \(categories.map { "'\($0.id)'" }.joined(separator: ", "))")
            reader.error(.registryCategoryUnknown, message, at: category.location)
        }
        let links = ["privacyPolicy", "optOut"].map { key -> String? in
            guard let link = mapping.string(key, in: context) else { return nil }
            guard URLPolicy.allows(link.value) else {
                reader.error(.registryUrlRefused, URLPolicy.refusal(link.value, of: "'\(key)' in \(context)"), at: link.location)
                return nil
            }
            guard let url = URL(string: link.value), let scheme = url.scheme?.lowercased(), url.host != nil,
                scheme == "https" || scheme == "http"
            else {
                reader.warning(.registryLinkInvalid, "'\(key)' in \(context) should be a full web address starting with https://, such as https://example.com/privacy", at: link.location)
                return nil
            }
            if scheme == "http" {
                reader.warning(.registryLinkInsecure, "'\(key)' in \(context) starts with http://; use the https:// address so readers are not sent to an insecure page", at: link.location)
            }
            return link.value
        }
        let consentManager = mapping.bool("consentManager", in: context) ?? false
        var cookies = (mapping.sequence("cookies", in: context) ?? []).compactMap { readCookie($0, service: context) }
        if consentManager, let cookiesNode = mapping.value("cookies") {
            reader.error(.registryConsentManagerCookies, "\(context) is the consent manager: its cookies come from the consent settings in site.yaml, so remove its 'cookies' list", at: cookiesNode)
            cookies = []
        }
        warnAboutRepeatedNames(cookies, in: context)
        warnAboutOverlaps(cookies, in: context)
        let hosts = readHosts(mapping, context: context)
        guard let id, checkID(id), let name, let category else { return nil }
        var service = CookieService(
            id: id.value, name: name.value, categoryID: category.value,
            provider: mapping.string("provider", in: context)?.value,
            description: mapping.string("description", in: context)?.value,
            privacyPolicy: links[0], optOut: links[1],
            appliesTo: mapping.string("appliesTo", in: context)?.value,
            consentManager: consentManager, cookies: cookies, location: id.location)
        service.hosts = hosts
        return service
    }

    /// `hosts: [www.googletagmanager.com, "*.hotjar.com"]`: host names, a leading `*.` for every subdomain.
    private func readHosts(_ mapping: YAMLMapping, context: String) -> [String] {
        guard let items = mapping.sequence("hosts", in: context) else { return [] }
        return items.compactMap { item in
            guard case .scalar(let scalar) = item else {
                reader.error(.registryHostInvalid, "each item of 'hosts' in \(context) should be one host name, such as www.googletagmanager.com", at: item)
                return nil
            }
            let host = scalar.string.trimmingSpaces.lowercased()
            let name = host.hasPrefix("*.") ? String(host.dropFirst(2)) : host
            guard name.contains(".") || name == "localhost", name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }) else {
                reader.error(.registryHostInvalid, "'\(scalar.string)' in 'hosts' of \(context) is not a host name; write it like www.googletagmanager.com, or *.hotjar.com for every subdomain, without https:// or a path", at: item)
                return nil
            }
            return host
        }
    }

    private func readCookie(_ node: Node, service: String) -> Cookie? {
        guard let mapping = reader.mapping(node, describedAs: "a cookie of \(service)") else { return nil }
        let names = readNames(mapping, service: service)
        let context =
            names.map { names in
                names.count == 1 ? "the cookie '\(names[0].value)'" : "the cookies '\(names.map(\.value).joined(separator: ", "))'"
            } ?? "a cookie of \(service)"
        mapping.rejectUnknownKeys(allowed: Self.cookieKeys, in: context)
        let label = mapping.string("label", in: context)
        let purpose = mapping.string("purpose", required: true, in: context)
        let storage = enumValue("storage", of: Cookie.Storage.self, in: mapping, context: context) ?? .cookie
        let party = enumValue("party", of: Cookie.Party.self, in: mapping, context: context)
        let exact = mapping.bool("exact", in: context) ?? false
        let patterns = names?.map { readPattern($0, storage: storage, exact: exact, labelled: label != nil) }
        let duration = mapping.string("duration", in: context)
        let lifetime = readLifetime(mapping, duration: duration, context: context, storesNothing: storage == .networkRequest)
        guard let names, let patterns = patterns.flatMap({ $0.contains(where: { $0 == nil }) ? nil : $0.compactMap { $0 } }),
            let purpose, let lifetime
        else { return nil }
        return Cookie(
            name: names[0].value, pattern: patterns[0], alsoNamed: zip(names.dropFirst().map(\.value), patterns.dropFirst()).map { ($0, $1) },
            label: label?.value, purpose: purpose.value, duration: duration?.value, lifetime: lifetime.value, lifetimeSource: lifetime.source,
            durationQualified: lifetime.qualified, storage: storage, party: party, domain: mapping.string("domain", in: context)?.value,
            note: mapping.string("note", in: context)?.value, location: names[0].location)
    }

    /// The machine lifetime: `lifetime:` when given, else read from the published duration. Published words
    /// are never refused: what cannot be read is a warning that asks for `lifetime:`, and the lifetime is
    /// `unknown` meanwhile. Only an unreadable `lifetime:` (a machine value) is an error, and then `nil`.
    /// A row that stores nothing (`storage: none`) has nothing to last, so no duration is no warning.
    private func readLifetime(_ mapping: YAMLMapping, duration: Located<String>?, context: String, storesNothing: Bool)
        -> (value: CookieDuration, source: Cookie.LifetimeSource, qualified: Bool)?
    {
        let reading = duration.flatMap { DurationParser.read($0.value, grammars: grammars) }
        if let given = mapping.string("lifetime", in: context) {
            guard let value = DurationParser.lifetime(given.value) else {
                reader.error(
                    .registryLifetimeInvalid, "'lifetime' of \(context) is the machine value, so it must be one of: \(DurationParser.lifetimeForms); '\(given.value.prefix(80))' is none of these (the published words go in 'duration')",
                    at: given.location)
                return nil
            }
            if let duration, let reading, !reading.qualified, reading.lifetime != .unknown, reading.lifetime != value {
                reader.warning(
                    .registryLifetimeDisagrees, "the published duration '\(duration.value)' of \(context) reads as \(Self.describe(reading.lifetime)), but 'lifetime' says \(Self.describe(value)); check which is right",
                    at: given.location)
            }
            if duration == nil || reading?.lifetime == .unknown || value == .unknown {
                warnNotStated(context, duration: duration, at: duration?.location ?? given.location)
            }
            return (value, .given, reading?.qualified ?? false)
        }
        guard let duration else {
            if !storesNothing { warnNotStated(context, duration: nil, at: mapping.location) }
            return (.unknown, .none, false)
        }
        guard let reading else {
            var message = "Notice cannot tell how long \(context) lasts from '\(duration.value.prefix(120))'; the table shows these words as written, and cookies.json and the audit take its lifetime as unknown"
            if let suggestion = DurationParser.suggestion(for: duration.value, grammars: grammars),
                DurationParser.read(suggestion, grammars: grammars) != nil
            {
                message += ". Did you mean '\(suggestion)'? If the policy really says this, keep it and add"
            } else {
                message += ". Add"
            }
            reader.warning(.registryDurationUnread, message + " 'lifetime:' beside it with how long it lasts: \(DurationParser.lifetimeForms)", at: duration.location)
            return (.unknown, .none, false)
        }
        if reading.lifetime == .unknown { warnNotStated(context, duration: duration, at: duration.location) }
        return (reading.lifetime, .duration, reading.qualified)
    }

    /// Visitors are entitled to know how long a cookie lasts: a warning when the policy does not say.
    private func warnNotStated(_ context: String, duration: Located<String>?, at location: SourceLocation) {
        if let duration {
            reader.warning(.registryDurationNotStated, "\(context) has no stated duration ('\(duration.value.prefix(80))'); visitors are entitled to know how long a cookie lasts: ask the provider and write it here when you know", at: location)
        } else {
            reader.warning(.registryDurationMissing, "\(context) has no 'duration', so its table shows the theme's \"Not stated\"; visitors are entitled to know how long a cookie lasts: ask the provider and add 'duration:' with the words the policy publishes", at: location)
        }
    }

    /// A lifetime in words, for messages: `2 years (P2Y)`, `a session`.
    static func describe(_ lifetime: CookieDuration) -> String {
        switch lifetime {
        case .session: return "a session"
        case .persistent: return "no expiry"
        case .unknown: return "unknown"
        case .fixed(let value): return value.iso
        case .range(let low, let high): return "\(low.iso) to \(high.iso)"
        }
    }

    /// `name: _ga`, or `names: [__a, __b]` for a published table's row of several names; `nil` with errors
    /// logged when neither is usable.
    private func readNames(_ mapping: YAMLMapping, service: String) -> [Located<String>]? {
        let context = "a cookie of \(service)"
        if mapping.value("name") != nil, let names = mapping.keyNode("names") {
            reader.error(.registryNameConflict, "\(context) has both 'name' and 'names'; keep 'name' for one name, or 'names' for several that share a row", at: names)
            return nil
        }
        guard mapping.value("names") != nil else {
            guard let name = mapping.string("name", required: true, in: context) else { return nil }
            if name.value.contains(",") {
                let parts = name.value.split(separator: ",").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
                reader.error(.registryNameSeveral, "'\(name.value)' is several names in one; write them as a list, names: [\(parts.joined(separator: ", "))], and they share one row of the table", at: name.location)
                return nil
            }
            return [name]
        }
        guard let items = mapping.sequence("names", in: context) else { return nil }
        guard !items.isEmpty else {
            reader.error(.registryNamesEmpty, "'names' is empty; list the names that share this row, as in names: [__a, __b]", at: mapping.keyNode("names") ?? mapping.node)
            return nil
        }
        var names: [Located<String>] = []
        for item in items {
            guard case .scalar(let scalar) = item, !scalar.string.trimmingSpaces.isEmpty else {
                reader.error(.registryNamesInvalid, "each item of 'names' should be one cookie name, but this is \(item.kindDescription)", at: item)
                return nil
            }
            let name = Located(scalar.string.trimmingSpaces, at: reader.location(of: item))
            if names.contains(where: { $0.value == name.value }) {
                reader.error(.registryNamesDuplicate, "'\(name.value)' is listed twice in 'names'; keep one", at: name.location)
                return nil
            }
            names.append(name)
        }
        return names
    }

    /// The name as a pattern; a real cookie's name must be one a browser can set.
    private func readPattern(_ name: Located<String>, storage: Cookie.Storage, exact: Bool, labelled: Bool) -> CookieNamePattern? {
        let pattern: CookieNamePattern
        do {
            pattern = try CookieNamePattern(name.value)
        } catch {
            reader.error(.registryNameUnreadable, "the cookie name '\(name.value)' cannot be read: \(error.message)\(labelled ? "" : Self.labelAdvice(for: name.value))", at: name.location)
            return nil
        }
        if !labelled, name.value.contains(where: { "()[]".contains($0) }) {
            reader.warning(.registryNameLooksPublished, "'\(name.value)' looks like a published name cell rather than the name a browser sets\(Self.labelAdvice(for: name.value))", at: name.location)
            return pattern
        }
        guard storage == .cookie else { return pattern }
        if let problem = CookieNameRules.problem(with: name.value) {
            reader.error(.registryNameInvalid, "'\(name.value)' cannot be a cookie name: \(problem). If it is kept in local or session storage, say so with 'storage'\(labelled ? "" : Self.labelAdvice(for: name.value))", at: name.location)
            return nil
        }
        if name.value.contains(" ") {
            reader.warning(.registryNameSpace, "'\(name.value)' has a space in its name; browsers accept that, but it is rare: check whether a '_' was lost when the name was copied\(labelled ? "" : Self.labelAdvice(for: name.value))", at: name.location)
        }
        if pattern.isExact, !exact, let last = name.value.last, "_-.".contains(last) {
            reader.warning(.registryNamePrefixExact, "'\(name.value)' ends with '\(last)', as the start of a family of names does; as written it is one exact name, so the consent script would never delete the real cookies (\(name.value)42, say): write '\(name.value)*' if it stands for a family, or add 'exact: true' if the cookie really has this name", at: name.location)
        }
        return pattern
    }

    /// What to write when a name cell holds more than names: the cell as `label`, the names on their own.
    static func labelAdvice(for cell: String) -> String {
        let names = PublishedNameCell.names(in: cell)
        guard !names.isEmpty, names != [cell] else { return "" }
        let nameField = names.count == 1 ? "name: \(names[0])" : "names: [\(names.joined(separator: ", "))]"
        return "; if the published table writes the cell like this, keep it as written with label: \"\(cell.prefix(80))\" and give the names a browser sets on their own, \(nameField)"
    }

    /// `x_*` and `x_y_*` in one service: every name of the second is a name of the first.
    private func warnAboutOverlaps(_ cookies: [Cookie], in service: String) {
        let named = cookies.flatMap { cookie in zip(cookie.names, cookie.patterns).map { (name: $0, pattern: $1, location: cookie.location) } }
        for covered in named {
            let example = covered.pattern.parts.map { part -> String in
                switch part {
                case .literal(let text): return text
                case .placeholder: return "1"
                case .wildcard: return ""
                }
            }.joined()
            // Only `*` covers: a placeholder names one varying part (an id), so `_hjSession{id}` and
            // `_hjSessionUser{id}` are two families, as their tables say.
            guard
                let cover = named.first(where: { other in
                    other.name != covered.name && other.pattern.parts.contains(.wildcard) && other.pattern.matches(example)
                })
            else { continue }
            reader.warning(.registryNameCovered, "every name '\(covered.name)' stands for is also covered by '\(cover.name)' (line \(cover.location.line)) in this service; if they are different cookies, keep both and say how they differ in a 'note', otherwise remove one", at: covered.location)
        }
    }

    private func enumValue<E: RawRepresentable & CaseIterable>(
        _ key: String, of type: E.Type, in mapping: YAMLMapping, context: String
    ) -> E? where E.RawValue == String {
        guard let text = mapping.string(key, in: context) else { return nil }
        if let value = E(rawValue: text.value) { return value }
        let allowed = E.allCases.map(\.rawValue)
        var message = "'\(key)' in \(context) cannot be '\(text.value)'"
        message += Spelling.suggestion(for: text.value, in: allowed, otherwise: "; use one of \(allowed.map { "'\($0)'" }.joined(separator: ", "))")
        reader.error(.registryTextInvalid, message, at: text.location)
        return nil
    }

    /// Ids appear in directives and URLs: lowercase letters, digits and hyphens.
    private func checkID(_ id: Located<String>) -> Bool {
        let valid =
            id.value.first?.isLetter == true
            && id.value.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
        if !valid {
            reader.error(.registryIdInvalid, "'\(id.value)' cannot be an id: use lowercase letters, digits and hyphens, starting with a letter (e.g. google-analytics)", at: id.location)
        }
        return valid
    }

    /// A published table may list one name in two rows (another path, domain or purpose): the rows stay
    /// apart, with a warning in case it is a copying slip.
    private func warnAboutRepeatedNames(_ cookies: [Cookie], in service: String) {
        for (cookie, first) in Self.repeats(cookies.flatMap { cookie in cookie.names.map { Located($0, at: cookie.location) } }) {
            reader.warning(.registryCookieRepeated, "\(service) lists the cookie '\(cookie.value)' again (first at line \(first.line)); if the published table has two rows for it (another path, domain or purpose), keep both and say how they differ in a 'note', otherwise remove one", at: cookie.location)
        }
    }

    /// The same name in two services is allowed (two products may use one library) but usually a copying slip.
    private func warnAboutSharedNames(_ services: [CookieService]) {
        var owners: [String: (service: String, location: SourceLocation)] = [:]
        for service in services {
            for cookie in Set(service.cookies.flatMap(\.names)).sorted() {
                guard let location = service.cookies.first(where: { $0.names.contains(cookie) })?.location else { continue }
                if let owner = owners[cookie] {
                    reader.warning(.registryCookieShared, "the cookie '\(cookie)' is also listed by the service '\(owner.service)' (line \(owner.location.line)); if both really set it, say so in a 'note', otherwise remove one", at: location)
                } else {
                    owners[cookie] = (service.id, location)
                }
            }
        }
    }

    private func rejectDuplicateIDs(_ ids: [Located<String>], kind: String) {
        for (id, first) in Self.repeats(ids) {
            reader.error(.registryIdDuplicate, "the \(kind) id '\(id.value)' is already used at line \(first.line); each \(kind) needs its own id", at: id.location)
        }
    }

    /// Each value that was already seen, with where it was first written.
    static func repeats(_ values: [Located<String>]) -> [(repeat: Located<String>, first: SourceLocation)] {
        var seen: [String: SourceLocation] = [:]
        return values.compactMap { value in
            if let first = seen[value.value] { return (value, first) }
            seen[value.value] = value.location
            return nil
        }
    }
}
