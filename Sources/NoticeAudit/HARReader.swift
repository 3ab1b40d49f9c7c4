public import Foundation

/// Reads HAR files (HTTP Archive 1.2, as browsers' developer tools export them) into audit evidence:
/// cookies set by responses (`Set-Cookie`, with their lifetimes) or carried by requests, and requests to
/// other hosts. A recording knows nothing of consent, so its evidence is of the `recorded` state.
public enum HARReader {
    /// Why a HAR file could not be read, in plain words.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// The evidence of one or more HAR files; the site is the host of the first page recorded.
    public static func read(_ files: [(path: String, data: Data)]) throws(Failure) -> AuditEvidence {
        var evidence = StateEvidence(state: .recorded)
        var siteHost: String?
        for file in files {
            let root: [String: Any]
            do {
                guard let object = try JSONSerialization.jsonObject(with: file.data) as? [String: Any] else {
                    throw Failure(description: "\(file.path) is not a HAR file: it should be a JSON object with a 'log'")
                }
                root = object
            } catch let failure as Failure {
                throw failure
            } catch {
                throw Failure(description: "\(file.path) is not valid JSON; export it again from the browser's developer tools (Network, Save all as HAR)")
            }
            guard let log = root["log"] as? [String: Any], let entries = log["entries"] as? [[String: Any]] else {
                throw Failure(description: "\(file.path) has no 'log.entries'; export it again from the browser's developer tools (Network, Save all as HAR)")
            }
            var pageTitles: [String: String] = [:]
            for page in log["pages"] as? [[String: Any]] ?? [] {
                if let id = page["id"] as? String { pageTitles[id] = page["title"] as? String ?? id }
            }
            for entry in entries {
                guard let request = entry["request"] as? [String: Any], let url = request["url"] as? String,
                      let host = URLComponents(string: url)?.host?.lowercased() else { continue }
                if siteHost == nil { siteHost = host }
                let page = (entry["pageref"] as? String).flatMap { pageTitles[$0] } ?? url
                let seenAt = (entry["startedDateTime"] as? String).flatMap(parseDate) ?? Date(timeIntervalSince1970: 0)
                var cookies: [ObservedCookie] = []
                if let response = entry["response"] as? [String: Any] {
                    cookies += responseCookies(response, host: host, url: url, page: page, seenAt: seenAt)
                }
                for cookie in request["cookies"] as? [[String: Any]] ?? [] {
                    guard let name = cookie["name"] as? String else { continue }
                    cookies.append(ObservedCookie(name: name, domain: host, expires: nil, page: page, seenAt: seenAt, lifetimeKnown: false))
                }
                let requests = [ObservedRequest(host: host, url: url, page: page)]
                // Cookies a response set come before those a later request merely carried.
                evidence.record(page: page, cookies: cookies, storage: [], requests: requests)
            }
        }
        guard let siteHost else { throw Failure(description: "the HAR files record no requests; record the pages again with the Network panel open") }
        evidence.requests.removeAll { AuditRules.isSameSite($0.host, siteHost) }
        return AuditEvidence(siteHost: siteHost, states: [evidence], usesConsentScript: false)
    }

    /// The cookies a response set: its `cookies` list, or else its `Set-Cookie` headers.
    static func responseCookies(_ response: [String: Any], host: String, url: String, page: String, seenAt: Date) -> [ObservedCookie] {
        let listed = response["cookies"] as? [[String: Any]] ?? []
        if !listed.isEmpty {
            return listed.compactMap { cookie in
                guard let name = cookie["name"] as? String else { return nil }
                return ObservedCookie(
                    name: name, domain: (cookie["domain"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? host,
                    path: cookie["path"] as? String ?? "/", expires: (cookie["expires"] as? String).flatMap(parseDate),
                    httpOnly: cookie["httpOnly"] as? Bool ?? false, secure: cookie["secure"] as? Bool ?? false,
                    sameSite: cookie["sameSite"] as? String, page: page, setBy: url, seenAt: seenAt)
            }
        }
        let headers = response["headers"] as? [[String: Any]] ?? []
        return headers.compactMap { header -> ObservedCookie? in
            guard (header["name"] as? String)?.lowercased() == "set-cookie", let value = header["value"] as? String else { return nil }
            // Some exports join several Set-Cookie headers with line breaks.
            return value.split(separator: "\n").compactMap { SetCookie.parse(String($0), host: host, url: url, page: page, seenAt: seenAt) }.first
        }
    }

    /// ISO 8601 with or without fractional seconds.
    static func parseDate(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}

/// One `Set-Cookie` header, as RFC 6265bis reads it: `Max-Age` wins over `Expires`.
enum SetCookie {
    static func parse(_ header: String, host: String, url: String, page: String, seenAt: Date) -> ObservedCookie? {
        let parts = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let pair = parts.first, let equals = pair.firstIndex(of: "=") else { return nil }
        let name = pair[..<equals].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return nil }
        var cookie = ObservedCookie(name: name, domain: host, expires: nil, page: page, setBy: url, seenAt: seenAt)
        var maxAge: Double?
        for attribute in parts.dropFirst() {
            let pieces = attribute.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let key = pieces[0].lowercased(), value = pieces.count > 1 ? pieces[1] : ""
            switch key {
            case "expires": cookie.expires = cookie.expires ?? httpDate(value)
            case "max-age": maxAge = Double(value)
            case "domain": cookie.domain = value.isEmpty ? host : value
            case "path": cookie.path = value.isEmpty ? "/" : value
            case "httponly": cookie.httpOnly = true
            case "secure": cookie.secure = true
            case "samesite": cookie.sameSite = value
            default: break
            }
        }
        if let maxAge { cookie.expires = seenAt.addingTimeInterval(max(maxAge, 0)) }
        return cookie
    }

    /// `Wed, 21 Oct 2026 07:28:00 GMT`, and the dashed form some servers still send.
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEE, dd-MMM-yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
