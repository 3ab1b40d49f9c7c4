/// What may stand in a cookie name.
enum CookieNameRules {
    /// RFC 6265 token characters, which is what browsers accept in a cookie's name.
    static func isValidCookieName(_ name: String) -> Bool {
        let separators = Set("()<>@,;:\\\"/[]?={} \t")
        return !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && scalar.value > 32 && scalar.value < 127 && !separators.contains(Character(scalar))
        }
    }
}
