import Foundation
import Testing

@testable import NoticeAudit
@testable import NoticeKit

/// HAR files as browsers export them, read into evidence and audited.
@Suite("HAR files")
struct HARReaderTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test func cookiesLifetimesAndThirdPartyRequests() throws {
        let file = Self.fixtures.appendingPathComponent("recorded.har")
        let evidence = try HARReader.read([(file.path, try Data(contentsOf: file))])
        #expect(evidence.siteHost == "www.example.gov.uk")
        let state = try #require(evidence.states.first)
        #expect(state.state == .recorded)
        #expect(state.cookies.map(\.name) == ["SESSION", "tracker", "_ga"])
        let session = state.cookies[0]
        #expect(session.expires == nil && session.httpOnly && session.secure && session.sameSite == "Lax" && session.setBy == "https://www.example.gov.uk/")
        #expect(state.cookies[1].lifetime == 31_536_000, "Max-Age from the header")
        #expect(state.cookies[2].domain == ".example.gov.uk")
        #expect(state.requests.map(\.host) == ["www.googletagmanager.com", "cdn.unknown.example"], "the site's own hosts are not third parties")

        let findings = try AuditRulesTests.rules().findings(for: evidence).filter { $0.severity != .note }.map(\.description)
        #expect(
            findings == [
                "registry.yaml:1:1: warning: https://www.example.gov.uk/ loads from cdn.unknown.example in the recording, and no service lists that host; add it to the 'hosts' of the service it belongs to, or remove what loads it",
                "registry.yaml:1:1: error: the cookie 'tracker' (domain www.example.gov.uk, set by https://www.example.gov.uk/) is set in the recording on https://www.example.gov.uk/, but the registry does not declare it; add it to the service that sets it, with its purpose and duration",
                "registry.yaml:13:15: warning: the cookie '_ga' is set to last 2 years, longer than the '90 days' the registry declares; correct the duration, or set the cookie to expire sooner",
            ])
    }

    @Test(arguments: [
        ("{", "is not valid JSON"), ("[]", "is not a HAR file"), ("{\"log\": {}}", "has no 'log.entries'"),
        ("{\"log\": {\"entries\": []}}", "record no requests"),
    ])
    func brokenFilesSayWhatIsWrong(text: String, expected: String) {
        #expect {
            try HARReader.read([("a.har", Data(text.utf8))])
        } throws: { error in
            (error as? HARReader.Failure)?.description.contains(expected) == true
        }
    }
}

/// HAR files as they really come: joined Set-Cookie headers, a site whose first request is elsewhere,
/// and Chrome's default export, which leaves cookies out.
@Suite("HAR files as exported")
struct HARExportTests {
    static func har(_ entries: [String]) -> Data {
        Data(("{\"log\":{\"version\":\"1.2\",\"pages\":[],\"entries\":[" + entries.joined(separator: ",") + "]}}").utf8)
    }

    static func entry(url: String, setCookie: String? = nil, cookies: [String] = []) -> String {
        let headers = setCookie.map { #"[{"name":"set-cookie","value":\#(String(data: try! JSONEncoder().encode($0), encoding: .utf8)!)}]"# } ?? "[]"
        let carried = cookies.map { #"{"name":"\#($0)","value":"1"}"# }.joined(separator: ",")
        return #"{"startedDateTime":"2026-01-01T00:00:00.000Z","request":{"method":"GET","url":"\#(url)","cookies":[\#(carried)],"headers":[]},"response":{"status":200,"cookies":[],"headers":\#(headers)}}"#
    }

    @Test func setCookieHeadersJoinedByLineBreaksAreEveryOneRead() throws {
        let evidence = try HARReader.read([("a.har", Self.har([Self.entry(url: "https://www.example.gov.uk/", setCookie: "a=1; Path=/\nb=2; Max-Age=60\nc=3")]))])
        #expect(evidence.states.first?.cookies.map(\.name) == ["a", "b", "c"])
    }

    @Test func theSitesOwnHostComesFromItsAddressNotTheFirstRequest() throws {
        let data = Self.har([
            Self.entry(url: "https://www.googletagmanager.com/gtag/js", setCookie: "x=1"),
            Self.entry(url: "https://www.example.gov.uk/", setCookie: "a=1"),
        ])
        let evidence = try HARReader.read([("a.har", data)], siteAddress: URL(string: "https://www.example.gov.uk"))
        #expect(evidence.siteHost == "www.example.gov.uk")
        #expect(evidence.states.first?.requests.map(\.host) == ["www.googletagmanager.com"])
    }

    @Test func aRecordingWithoutCookieDataSaysSoAndHowToExportOne() throws {
        let data = Self.har([Self.entry(url: "https://www.example.gov.uk/"), Self.entry(url: "https://www.example.gov.uk/cookies/")])
        let evidence = try HARReader.read([("plain.har", data)])
        #expect(evidence.notes.contains { $0.contains("plain.har holds no cookie data") && $0.contains("with sensitive data") }, "\(evidence.notes)")
        let findings = try AuditRulesTests.rules().findings(for: evidence).map(\.description)
        #expect(findings.contains { $0.contains("warning: plain.har holds no cookie data") }, "\(findings)")
    }
}

@Suite("Set-Cookie and HTTP bodies")
struct SetCookieTests {
    @Test func maxAgeWinsOverExpiresAndAttributesAreRead() throws {
        let seen = Date(timeIntervalSince1970: 1_800_000_000)
        let cookie = try #require(
            SetCookie.parse(
                "id=1; Expires=Wed, 21 Oct 2099 07:28:00 GMT; Max-Age=60; Domain=.example.com; Path=/a; Secure; HttpOnly; SameSite=None",
                host: "www.example.com", url: "https://www.example.com/", page: "/", seenAt: seen))
        #expect(cookie.lifetime == 60)
        #expect(cookie.domain == ".example.com" && cookie.path == "/a" && cookie.secure && cookie.httpOnly && cookie.sameSite == "None")
        let dated = try #require(SetCookie.parse("a=b; expires=Wed, 21 Oct 2099 07:28:00 GMT", host: "h.test", url: "u", page: "/", seenAt: seen))
        #expect(dated.expires == ISO8601DateFormatter().date(from: "2099-10-21T07:28:00Z"))
        #expect(SetCookie.parse("novalue", host: "h", url: "u", page: "/", seenAt: seen) == nil)
    }
}

@Suite("HAR files: linear cost")
struct HARLinearCostTests {
    /// 16,000 entries, each setting a cookie and carrying another: 96 s when each record searched every
    /// cookie seen before.
    @Test func sixteenThousandEntriesAreReadQuickly() throws {
        let entries = (0..<16_000).map { index in
            #"{"startedDateTime":"2026-01-01T00:00:00.000Z","request":{"method":"GET","url":"https://www.example.gov.uk/p\#(index)","cookies":[{"name":"c\#(index)"}],"headers":[]},"response":{"status":200,"cookies":[],"headers":[{"name":"Set-Cookie","value":"s\#(index)=1; Path=/"}]}}"#
        }
        let opening = #"{"log":{"version":"1.2","pages":[],"entries":["#
        let har = Data((opening + entries.joined(separator: ",") + "]}}").utf8)
        let clock = ContinuousClock()
        var evidence: AuditEvidence?
        let elapsed = try clock.measure { evidence = try HARReader.read([("big.har", har)]) }
        #expect(elapsed < .seconds(15), "\(elapsed)")
        #expect(evidence?.states.first?.cookies.count == 32_000)
    }

    /// What a finding echoes of a 5 MB cookie name is a line, not 5 MB.
    @Test func aHugeCookieNameIsClippedInMessages() throws {
        let name = String(repeating: "x", count: 5_000_000)
        let clipped = AuditRules.clip(name)
        #expect(clipped.utf8.count < 200 && clipped.hasSuffix("… (5000000 bytes)"))
    }
}

/// The direct readers of HAR dates agree with Foundation's formatters on every date tried.
@Suite("HAR dates")
struct HARDateTests {
    @Test func directReadingAgreesWithTheFormatters() throws {
        let http = DateFormatter()
        http.locale = Locale(identifier: "en_US_POSIX")
        http.timeZone = TimeZone(identifier: "GMT")
        http.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        let dashedFormatter = DateFormatter()
        dashedFormatter.locale = Locale(identifier: "en_US_POSIX")
        dashedFormatter.timeZone = TimeZone(identifier: "GMT")
        dashedFormatter.dateFormat = "EEE, dd-MMM-yyyy HH:mm:ss zzz"
        let iso = ISO8601DateFormatter()
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let date = Date(timeIntervalSince1970: Double(Int.random(in: 0...4_000_000_000, using: &generator)))
            let httpText = http.string(from: date)
            #expect(DateText.http(httpText) == date, "\(httpText)")
            let dashed = dashedFormatter.string(from: date)
            #expect(DateText.http(dashed) == date, "\(dashed)")
            let isoText = iso.string(from: date)
            #expect(DateText.iso8601(isoText) == date, "\(isoText)")
        }
        #expect(DateText.iso8601("2026-01-01T00:00:00.250+01:00") == Date(timeIntervalSince1970: 1_767_222_000.25))
        #expect(DateText.http("Wednesday, 21-Oct-26 07:28:00 GMT") == http.date(from: "Wed, 21 Oct 2026 07:28:00 GMT"))
        #expect(DateText.iso8601("2026-13-01T00:00:00Z") == nil && DateText.http("Wed, 32 Oct 2026 07:28:00 GMT") == nil)
    }
}
