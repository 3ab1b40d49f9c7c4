import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Finds a port nobody is listening on, starting from the one asked for.
public enum PortFinder {
    public static let attempts = 20

    /// The first port from `start` that can be bound on `host`, or `nil`; port 0 is returned as it is.
    public static func firstFree(host: String, from start: Int) -> Int? {
        if start == 0 { return 0 }
        for port in start..<min(start + attempts, 65536) where canBind(host: host, port: port) {
            return port
        }
        return nil
    }

    static func canBind(host: String, port: Int) -> Bool {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0, let info = result else { return false }
        defer { freeaddrinfo(result) }
        let socketDescriptor = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
        guard socketDescriptor >= 0 else { return false }
        defer { close(socketDescriptor) }
        return bind(socketDescriptor, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0
    }
}
