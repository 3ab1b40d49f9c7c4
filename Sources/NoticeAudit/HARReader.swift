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

    /// The evidence of one or more HAR files. The site is the host of `siteAddress` (the site's own
    /// `baseURL`), else of the first request recorded; a file that holds no cookie data at all (Chrome's
    /// default export leaves it out) is noted, with how to export one that does.
    public static func read(_ files: [(path: String, data: Data)], siteAddress: URL? = nil) throws(Failure) -> AuditEvidence {
        var evidence = StateEvidence(state: .recorded)
        var siteHost: String? = siteAddress?.host?.lowercased()
        var notes: [String] = []
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
            var holdsCookieData = false
            defer {
                if !holdsCookieData {
                    notes.append("\(file.path) holds no cookie data (no Cookie or Set-Cookie headers, no cookie lists), so the audit can say nothing of its cookies; Chrome leaves them out unless asked: in DevTools' settings turn on 'Allow to generate HAR with sensitive data', then in the Network panel choose 'Export HAR (with sensitive data)'")
                }
            }
            for entry in entries {
                if !holdsCookieData, Self.holdsCookieData(entry) { holdsCookieData = true }
                guard let request = entry["request"] as? [String: Any], let url = request["url"] as? String,
                    let host = URLComponents(string: url)?.host?.lowercased()
                else { continue }
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
        var result = AuditEvidence(siteHost: siteHost, states: [evidence], usesConsentScript: false)
        result.notes = notes
        return result
    }

    /// Whether an entry carries any cookie: a cookie list, or a Cookie or Set-Cookie header.
    static func holdsCookieData(_ entry: [String: Any]) -> Bool {
        for part in ["request", "response"] {
            guard let message = entry[part] as? [String: Any] else { continue }
            if let cookies = message["cookies"] as? [Any], !cookies.isEmpty { return true }
            for header in message["headers"] as? [[String: Any]] ?? [] {
                let name = (header["name"] as? String)?.lowercased()
                if name == "cookie" || name == "set-cookie" { return true }
            }
        }
        return false
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
        return headers.compactMap { header -> [ObservedCookie]? in
            guard (header["name"] as? String)?.lowercased() == "set-cookie", let value = header["value"] as? String else { return nil }
            // Some exports join several Set-Cookie headers with line breaks.
            return value.split(separator: "\n").compactMap { SetCookie.parse(String($0), host: host, url: url, page: page, seenAt: seenAt) }
        }.flatMap { $0 }
    }

    /// ISO 8601 with or without fractional seconds.
    static func parseDate(_ text: String) -> Date? {
        if let date = DateText.iso8601(text) { return date }
        return Formatters.shared.withLock { formatters in
            formatters.isoFractional.date(from: text) ?? formatters.iso.date(from: text)
        }
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
            let key = pieces[0].lowercased()
            let value = pieces.count > 1 ? pieces[1] : ""
            switch key {
            case "expires": cookie.expires = cookie.expires ?? httpDate(value)
            case "max-age": maxAge = Double(value)
            case "domain": cookie.domain = value.isEmpty ? host : value
            case "path": cookie.path = value.isEmpty ? "/" : value
            case "httponly": cookie.httpOnly = true
            case "secure": cookie.secure = true
            case "samesite": cookie.sameSite = value
            case "partitioned": cookie.partitioned = true
            default: break
            }
        }
        if let maxAge { cookie.expires = seenAt.addingTimeInterval(max(maxAge, 0)) }
        return cookie
    }

    /// `Wed, 21 Oct 2026 07:28:00 GMT`, and the dashed form some servers still send.
    static func httpDate(_ text: String) -> Date? {
        if let date = DateText.http(text) { return date }
        return Formatters.shared.withLock { formatters in
            formatters.http.lazy.compactMap { $0.date(from: text) }.first
        }
    }
}

/// The two date forms a recording is full of, read directly: a HAR of 60,000 entries has 120,000 dates,
/// and ICU's formatters took most of the time reading them. Anything else goes to the formatters.
enum DateText {
    /// `2026-01-01T00:00:00.000Z`, `2026-01-01T00:00:00+01:00`.
    static func iso8601(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let year = number(bytes[0..<4]), let month = number(bytes[5..<7]), let day = number(bytes[8..<10]),
            let hour = number(bytes[11..<13]), let minute = number(bytes[14..<16]), let second = number(bytes[17..<19])
        else { return nil }
        var index = 19
        var fraction = 0.0
        if bytes[index] == UInt8(ascii: ".") {
            var scale = 0.1
            index += 1
            while index < bytes.count, let digit = digit(bytes[index]) {
                fraction += Double(digit) * scale
                scale /= 10
                index += 1
            }
        }
        guard index < bytes.count else { return nil }
        var offset = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"):
            guard index + 1 == bytes.count else { return nil }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard bytes.count == index + 6, bytes[index + 3] == UInt8(ascii: ":"),
                let hours = number(bytes[(index + 1)..<(index + 3)]), let minutes = number(bytes[(index + 4)..<(index + 6)])
            else { return nil }
            offset = (hours * 3_600 + minutes * 60) * (bytes[index] == UInt8(ascii: "+") ? 1 : -1)
        default:
            return nil
        }
        guard let seconds = epochSeconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second) else { return nil }
        return Date(timeIntervalSince1970: Double(seconds - offset) + fraction)
    }

    /// `Wed, 21 Oct 2026 07:28:00 GMT`, `Wed, 21-Oct-2026 07:28:00 GMT`, `Wednesday, 21-Oct-26 07:28:00 GMT`.
    static func http(_ text: String) -> Date? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "," })
        guard parts.count == 6, parts[5] == "GMT", let day = Int(parts[1]), var year = Int(parts[3]),
            let month = months.firstIndex(of: parts[2].lowercased())
        else { return nil }
        if parts[3].count == 2 { year += year < 70 ? 2000 : 1900 }
        let time = parts[4].split(separator: ":")
        guard time.count == 3, let hour = Int(time[0]), let minute = Int(time[1]), let second = Int(time[2]),
            let seconds = epochSeconds(year: year, month: month + 1, day: day, hour: hour, minute: minute, second: second)
        else { return nil }
        return Date(timeIntervalSince1970: Double(seconds))
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func digit(_ byte: UInt8) -> Int? {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard let digit = digit(byte) else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// Seconds since 1970 for a UTC calendar date (days from civil, proleptic Gregorian).
    static func epochSeconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int? {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
            (1...9999).contains(year)
        else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return days * 86_400 + hour * 3_600 + minute * 60 + second
    }
}

/// Date formatters made once: making one costs ICU far more than using it, and a recording has a date
/// on every entry.
final class Formatters: @unchecked Sendable {
    static let shared = Formatters()
    private let lock = NSLock()
    let iso = ISO8601DateFormatter()
    let isoFractional = ISO8601DateFormatter()
    let http: [DateFormatter]

    private init() {
        iso.formatOptions = [.withInternetDateTime]
        isoFractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        http = ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEE, dd-MMM-yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz"].map { format in
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            return formatter
        }
    }

    /// Formatters are not safe to share between threads: one user at a time.
    func withLock<T>(_ body: (Formatters) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(self)
    }
}
