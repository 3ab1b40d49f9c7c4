import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// HTTP/1.1 requests (one per connection) to a server on this machine's loopback address (chromedriver), over a plain socket.
///
/// Foundation's URLSession on Linux cannot read chromedriver's answers ("Failed writing header"), and
/// the WebDriver conversation is a few dozen small local requests, so a blocking socket is all it needs.
enum LoopbackHTTP {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The response body of one request; `timeout` bounds each wait for the server.
    static func send(port: Int, method: String, path: String, body: Data?, timeout: Int = 120) throws -> Data {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "no socket: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var wait = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "nothing answers on port \(port)") }
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        let payload = body ?? Data()
        if body != nil { request += "Content-Type: application/json; charset=utf-8\r\n" }
        request += "Content-Length: \(payload.count)\r\n\r\n"
        let bytes = Data(request.utf8) + payload
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                guard written > 0 else { throw Failure(description: "the request could not be sent") }
                offset += written
            }
        }
        // Read until the body is complete: by its length, the end of its chunks, or the connection's end
        // (chromedriver may keep the connection open whatever the request asks).
        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            if let end = response.range(of: Data("\r\n\r\n".utf8)) {
                let head = String(decoding: response[..<end.lowerBound], as: UTF8.self).lowercased()
                let content = response[end.upperBound...]
                if head.contains("transfer-encoding: chunked") {
                    if content.range(of: Data("0\r\n\r\n".utf8)) != nil { return dechunk(Data(content)) }
                } else if let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
                          let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) {
                    if content.count >= length { return Data(content.prefix(length)) }
                }
            }
            let count = read(descriptor, &buffer, buffer.count)
            if count == 0 { break }
            guard count > 0 else { throw Failure(description: "no answer within \(timeout) seconds") }
            response.append(buffer, count: count)
        }
        guard let end = response.range(of: Data("\r\n\r\n".utf8)) else { throw Failure(description: "an answer that is not HTTP") }
        return Data(response[end.upperBound...])
    }

    /// A chunked body put back together.
    static func dechunk(_ data: Data) -> Data {
        var result = Data(), rest = data[...]
        while let line = rest.range(of: Data("\r\n".utf8)),
              let size = Int(String(decoding: rest[..<line.lowerBound], as: UTF8.self).split(separator: ";")[0], radix: 16), size > 0 {
            let start = line.upperBound
            guard rest.distance(from: start, to: rest.endIndex) >= size else { break }
            let end = rest.index(start, offsetBy: size)
            result.append(rest[start..<end])
            rest = rest[min(rest.index(end, offsetBy: 2, limitedBy: rest.endIndex) ?? rest.endIndex, rest.endIndex)...]
        }
        return result
    }
}
