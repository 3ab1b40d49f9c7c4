/// Declares the consent script's own cookies in the registry, so the policy's table cannot drift from
/// what the script sets.
enum ConsentCookieDeclaration {
    /// The registry with the consent manager's cookies filled in from the site's consent settings.
    ///
    /// The service marked `consentManager: true` gets them; without one, a service is added to the first
    /// strictly necessary category.
    static func declare(in registry: CookieRegistry, settings: ConsentSettings, text: (String) -> String) -> CookieRegistry {
        var registry = registry
        let names = settings.cookieNames
        func cookie(_ name: String, _ purposeKey: String, at location: SourceLocation) -> Cookie {
            Cookie(
                name: name, pattern: CookieNamePattern(exactly: name), purpose: text(purposeKey),
                duration: settings.lifetimeText, lifetime: .fixed(settings.lifetime), lifetimeSource: .duration, storage: .cookie, party: .first,
                domain: settings.domain, location: location)
        }
        let index: Int
        if let existing = registry.services.firstIndex(where: \.consentManager) {
            index = existing
        } else if let necessary = registry.categories.first(where: \.necessary) {
            registry.services.append(
                CookieService(
                    id: "cookie-management", name: text("consent.serviceName"), categoryID: necessary.id,
                    consentManager: true, location: necessary.location))
            index = registry.services.count - 1
        } else {
            return registry
        }
        let location = registry.services[index].location
        registry.services[index].cookies = [
            cookie(names.preferencesSet, "consent.cookie.preferencesSet", at: location),
            cookie(names.status, "consent.cookie.status", at: location),
            cookie(names.version, "consent.cookie.version", at: location),
        ]
        return registry
    }
}

extension CookieRegistry {
    /// The registry with the consent script's cookies declared under the given settings (their purposes
    /// left empty), for comparing registries outside a site.
    public func declaringConsentCookies(settings: ConsentSettings = ConsentSettings()) -> CookieRegistry {
        ConsentCookieDeclaration.declare(in: self, settings: settings) { _ in "" }
    }
}
