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
    static let cookieKeys = ["name", "names", "exact", "purpose", "duration", "storage", "party", "domain", "note"]

    let reader: YAMLReader

    init(file: SourceFile) {
        reader = YAMLReader(file: file)
    }

    func read() -> CookieRegistry? {
        guard let root = reader.parseRoot(),
              let mapping = reader.mapping(root, describedAs: "the registry") else { return nil }
        mapping.rejectUnknownKeys(allowed: Self.rootKeys, in: "the registry")

        let categories = (mapping.sequence("categories", in: "the registry") ?? []).compactMap(readCategory)
        if mapping.value("categories") == nil {
            reader.error("the registry has no 'categories'; list at least the strictly necessary category", at: mapping.location)
        }
        rejectDuplicateIDs(categories.map { Located($0.id, at: $0.location) }, kind: "category")

        let services = (mapping.sequence("services", in: "the registry") ?? []).compactMap { readService($0, categories: categories) }
        rejectDuplicateIDs(services.map { Located($0.id, at: $0.location) }, kind: "service")
        warnAboutSharedNames(services)
        if services.count(where: \.consentManager) > 1 {
            for service in services.filter(\.consentManager).dropFirst() {
                reader.error("only one service can be the consent manager; remove 'consentManager: true' from '\(service.id)'", at: service.location)
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
        return CookieCategory(id: id.value, title: title?.value ?? "", description: description?.value, summary: summary?.value,
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
            if let suggestion = Spelling.nearest(to: category.value, in: categories.map(\.id)) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += "; the categories are \(categories.map { "'\($0.id)'" }.joined(separator: ", "))"
            }
            reader.error(message, at: category.location)
        }
        let links = ["privacyPolicy", "optOut"].map { key -> String? in
            guard let link = mapping.string(key, in: context) else { return nil }
            guard URLPolicy.allows(link.value) else {
                reader.error(URLPolicy.refusal(link.value, of: "'\(key)' in \(context)"), at: link.location)
                return nil
            }
            guard let url = URL(string: link.value), let scheme = url.scheme?.lowercased(), url.host != nil,
                  scheme == "https" || scheme == "http" else {
                reader.warning("'\(key)' in \(context) should be a full web address starting with https://, such as https://example.com/privacy", at: link.location)
                return nil
            }
            if scheme == "http" {
                reader.warning("'\(key)' in \(context) starts with http://; use the https:// address so readers are not sent to an insecure page", at: link.location)
            }
            return link.value
        }
        let consentManager = mapping.bool("consentManager", in: context) ?? false
        var cookies = (mapping.sequence("cookies", in: context) ?? []).compactMap { readCookie($0, service: context) }
        if consentManager, let cookiesNode = mapping.value("cookies") {
            reader.error("\(context) is the consent manager: its cookies come from the consent settings in site.yaml, so remove its 'cookies' list", at: cookiesNode)
            cookies = []
        }
        rejectDuplicateNames(cookies, in: context)
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
                reader.error("each item of 'hosts' in \(context) should be one host name, such as www.googletagmanager.com", at: item)
                return nil
            }
            let host = scalar.string.trimmingSpaces.lowercased()
            let name = host.hasPrefix("*.") ? String(host.dropFirst(2)) : host
            guard name.contains(".") || name == "localhost", name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }) else {
                reader.error("'\(scalar.string)' in 'hosts' of \(context) is not a host name; write it like www.googletagmanager.com, or *.hotjar.com for every subdomain, without https:// or a path", at: item)
                return nil
            }
            return host
        }
    }

    private func readCookie(_ node: Node, service: String) -> Cookie? {
        guard let mapping = reader.mapping(node, describedAs: "a cookie of \(service)") else { return nil }
        let names = readNames(mapping, service: service)
        let context = names.map { names in
            names.count == 1 ? "the cookie '\(names[0].value)'" : "the cookies '\(names.map(\.value).joined(separator: ", "))'"
        } ?? "a cookie of \(service)"
        mapping.rejectUnknownKeys(allowed: Self.cookieKeys, in: context)
        let purpose = mapping.string("purpose", required: true, in: context)
        let duration = mapping.string("duration", required: true, in: context)
        let storage = enumValue("storage", of: Cookie.Storage.self, in: mapping, context: context) ?? .cookie
        let party = enumValue("party", of: Cookie.Party.self, in: mapping, context: context)
        let exact = mapping.bool("exact", in: context) ?? false
        let patterns = names?.map { readPattern($0, storage: storage, exact: exact) }
        var reading: DurationParser.Reading?
        if let duration {
            reading = DurationParser.read(duration.value)
            if reading == nil {
                var message = "the duration '\(duration.value)' of \(context) cannot be read"
                if let suggestion = DurationParser.suggestion(for: duration.value) {
                    message += "; did you mean '\(suggestion)'? Otherwise write it like \(DurationParser.acceptedForms)"
                } else {
                    message += "; write it like \(DurationParser.acceptedForms)"
                }
                reader.error(message + ". A condition may follow a comma ('7 days, or until you sign out'); if the policy does not say, write 'Not stated'", at: duration.location)
            } else if reading?.lifetime == .unknown {
                reader.warning("\(context) has no stated duration ('\(duration.value)'); visitors are entitled to know how long a cookie lasts: ask the provider and write it here when you know", at: duration.location)
            }
        }
        guard let names, let patterns = patterns.flatMap({ $0.contains(where: { $0 == nil }) ? nil : $0.compactMap { $0 } }),
              let purpose, let duration, let reading else { return nil }
        return Cookie(
            name: names[0].value, pattern: patterns[0], alsoNamed: zip(names.dropFirst().map(\.value), patterns.dropFirst()).map { ($0, $1) },
            purpose: purpose.value, duration: duration.value, lifetime: reading.lifetime,
            durationQualified: reading.qualified, storage: storage, party: party, domain: mapping.string("domain", in: context)?.value,
            note: mapping.string("note", in: context)?.value, location: names[0].location)
    }

    /// `name: _ga`, or `names: [__a, __b]` for a published table's row of several names; `nil` with errors
    /// logged when neither is usable.
    private func readNames(_ mapping: YAMLMapping, service: String) -> [Located<String>]? {
        let context = "a cookie of \(service)"
        if mapping.value("name") != nil, let names = mapping.keyNode("names") {
            reader.error("\(context) has both 'name' and 'names'; keep 'name' for one name, or 'names' for several that share a row", at: names)
            return nil
        }
        guard mapping.value("names") != nil else {
            guard let name = mapping.string("name", required: true, in: context) else { return nil }
            if name.value.contains(",") {
                let parts = name.value.split(separator: ",").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
                reader.error("'\(name.value)' is several names in one; write them as a list, names: [\(parts.joined(separator: ", "))], and they share one row of the table", at: name.location)
                return nil
            }
            return [name]
        }
        guard let items = mapping.sequence("names", in: context) else { return nil }
        guard !items.isEmpty else {
            reader.error("'names' is empty; list the names that share this row, as in names: [__a, __b]", at: mapping.keyNode("names") ?? mapping.node)
            return nil
        }
        var names: [Located<String>] = []
        for item in items {
            guard case .scalar(let scalar) = item, !scalar.string.trimmingSpaces.isEmpty else {
                reader.error("each item of 'names' should be one cookie name, but this is \(item.kindDescription)", at: item)
                return nil
            }
            let name = Located(scalar.string.trimmingSpaces, at: reader.location(of: item))
            if names.contains(where: { $0.value == name.value }) {
                reader.error("'\(name.value)' is listed twice in 'names'; keep one", at: name.location)
                return nil
            }
            names.append(name)
        }
        return names
    }

    /// The name as a pattern; a real cookie's name must be one a browser can set.
    private func readPattern(_ name: Located<String>, storage: Cookie.Storage, exact: Bool) -> CookieNamePattern? {
        let pattern: CookieNamePattern
        do {
            pattern = try CookieNamePattern(name.value)
        } catch {
            reader.error("the cookie name '\(name.value)' cannot be read: \(error.message)", at: name.location)
            return nil
        }
        guard storage == .cookie else { return pattern }
        if let problem = CookieNameRules.problem(with: name.value) {
            reader.error("'\(name.value)' cannot be a cookie name: \(problem). If it is kept in local or session storage, say so with 'storage'", at: name.location)
            return nil
        }
        if name.value.contains(" ") {
            reader.warning("'\(name.value)' has a space in its name; browsers accept that, but it is rare: check whether a '_' was lost when the name was copied", at: name.location)
        }
        if pattern.isExact, !exact, let last = name.value.last, "_-.".contains(last) {
            reader.warning("'\(name.value)' ends with '\(last)', as the start of a family of names does; as written it is one exact name, so the consent script would never delete the real cookies (\(name.value)42, say): write '\(name.value)*' if it stands for a family, or add 'exact: true' if the cookie really has this name", at: name.location)
        }
        return pattern
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
            guard let cover = named.first(where: { other in
                other.name != covered.name && other.pattern.parts.contains(.wildcard) && other.pattern.matches(example)
            }) else { continue }
            reader.warning("every name '\(covered.name)' stands for is also covered by '\(cover.name)' (line \(cover.location.line)) in this service; if they are different cookies, keep both and say how they differ in a 'note', otherwise remove one", at: covered.location)
        }
    }

    private func enumValue<E: RawRepresentable & CaseIterable>(
        _ key: String, of type: E.Type, in mapping: YAMLMapping, context: String
    ) -> E? where E.RawValue == String {
        guard let text = mapping.string(key, in: context) else { return nil }
        if let value = E(rawValue: text.value) { return value }
        let allowed = E.allCases.map(\.rawValue)
        var message = "'\(key)' in \(context) cannot be '\(text.value)'"
        if let suggestion = Spelling.nearest(to: text.value, in: allowed) {
            message += "; did you mean '\(suggestion)'?"
        } else {
            message += "; use one of \(allowed.map { "'\($0)'" }.joined(separator: ", "))"
        }
        reader.error(message, at: text.location)
        return nil
    }

    /// Ids appear in directives and URLs: lowercase letters, digits and hyphens.
    private func checkID(_ id: Located<String>) -> Bool {
        let valid = id.value.first?.isLetter == true
            && id.value.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
        if !valid {
            reader.error("'\(id.value)' cannot be an id: use lowercase letters, digits and hyphens, starting with a letter (e.g. google-analytics)", at: id.location)
        }
        return valid
    }

    private func rejectDuplicateNames(_ cookies: [Cookie], in service: String) {
        for (cookie, first) in Self.repeats(cookies.flatMap { cookie in cookie.names.map { Located($0, at: cookie.location) } }) {
            reader.error("\(service) lists the cookie '\(cookie.value)' twice (first at line \(first.line)); keep one", at: cookie.location)
        }
    }

    /// The same name in two services is allowed (two products may use one library) but usually a copying slip.
    private func warnAboutSharedNames(_ services: [CookieService]) {
        var owners: [String: (service: String, location: SourceLocation)] = [:]
        for service in services {
            for cookie in Set(service.cookies.flatMap(\.names)).sorted() {
                guard let location = service.cookies.first(where: { $0.names.contains(cookie) })?.location else { continue }
                if let owner = owners[cookie] {
                    reader.warning("the cookie '\(cookie)' is also listed by the service '\(owner.service)' (line \(owner.location.line)); if both really set it, say so in a 'note', otherwise remove one", at: location)
                } else {
                    owners[cookie] = (service.id, location)
                }
            }
        }
    }

    private func rejectDuplicateIDs(_ ids: [Located<String>], kind: String) {
        for (id, first) in Self.repeats(ids) {
            reader.error("the \(kind) id '\(id.value)' is already used at line \(first.line); each \(kind) needs its own id", at: id.location)
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
