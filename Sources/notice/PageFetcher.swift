import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NoticeKit

/// `notice import https://…`: the published page, by one plain GET as a browser's first request makes it
/// (no script runs), following redirects only within the same site, at most 8 of them and 20 MB.
struct PageFetcher {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let maximumBytes = 20 * 1_024 * 1_024

    /// The page's bytes and the address it was finally read from.
    static func fetch(_ address: String) async throws -> (data: Data, address: URL) {
        guard let url = URL(string: address), let host = url.host?.lowercased(), Self.allowed(url) else {
            throw Failure(description: "notice import reads https:// addresses (http:// only for this computer, for testing), such as https://www.example.gov.uk/cookies")
        }
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(15), read: .seconds(30)))
        configuration.httpVersion = .http1Only
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            let result = try await fetch(url, host: host, from: address, with: client)
            try? await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    private static func fetch(_ start: URL, host: String, from address: String, with client: HTTPClient) async throws -> (data: Data, address: URL) {
        var url = start
        for _ in 0..<8 {
            var request = HTTPClientRequest(url: url.absoluteString)
            request.headers.add(name: "User-Agent", value: "notice-import/\(NoticeVersion.current) (reading a cookie policy to import it)")
            request.headers.add(name: "Accept", value: "text/html, text/csv;q=0.9, */*;q=0.1")
            let response: HTTPClientResponse
            do {
                response = try await client.execute(request, timeout: .seconds(45))
            } catch {
                throw Failure(description: "\(url.absoluteString) could not be fetched (\(error)); check the address, or save the page from your browser and import the file")
            }
            if (300..<400).contains(response.status.code), let location = response.headers.first(name: "Location"),
                let next = URL(string: location, relativeTo: url)?.absoluteURL
            {
                // Another site's page is not this organisation's policy.
                guard Self.sameSite(next.host?.lowercased() ?? "", host), Self.allowed(next) else {
                    throw Failure(description: "\(url.absoluteString) redirects to another site, \(next.absoluteString); import the policy from the address it is published at")
                }
                url = next
                continue
            }
            guard response.status == .ok else {
                throw Failure(description: "\(url.absoluteString) answered \(response.status.code) \(response.status.reasonPhrase); check the address")
            }
            var body = try await response.body.collect(upTo: maximumBytes)
            let data = body.readData(length: body.readableBytes) ?? Data()
            return (data, url)
        }
        throw Failure(description: "\(address) redirects more than 8 times; give the address the page finally has")
    }

    /// https anywhere; http only on this computer.
    static func allowed(_ url: URL) -> Bool {
        switch url.scheme?.lowercased() {
        case "https": return url.host != nil
        case "http": return ["127.0.0.1", "localhost", "::1"].contains(url.host?.lowercased() ?? "")
        default: return false
        }
    }

    /// The same host, or one of the same organisation (`kent.gov.uk` and `www.kent.gov.uk`).
    static func sameSite(_ host: String, _ original: String) -> Bool {
        let base = { (name: String) in name.hasPrefix("www.") ? String(name.dropFirst(4)) : name }
        return base(host) == base(original) || host.hasSuffix("." + base(original))
    }
}
