import CLibCrypto
import Foundation

/// SHA-256 and SHA-384 digests, from the system's OpenSSL libcrypto.
///
/// Notice hashes for three things: content-hashed file names and the registry version (SHA-256), and
/// Subresource Integrity values (SHA-384). libcrypto is on every Debian machine that builds Notice
/// (`libssl-dev`), well kept, and costs the first build nothing to compile.
enum Digest {
    /// The SHA-256 digest of `data` (32 bytes).
    static func sha256(_ data: Data) -> [UInt8] {
        digest(data, algorithm: EVP_sha256(), length: 32)
    }

    /// The SHA-384 digest of `data` (48 bytes).
    static func sha384(_ data: Data) -> [UInt8] {
        digest(data, algorithm: EVP_sha384(), length: 48)
    }

    /// The first `bytes` bytes of the SHA-256 digest of `data`, in lowercase hexadecimal: a short, stable
    /// fingerprint (file names, the registry version, the records' fingerprints).
    static func sha256Hex(_ data: Data, bytes: Int) -> String {
        sha256(data).prefix(bytes).map { String(format: "%02x", $0) }.joined()
    }

    private static func digest(_ data: Data, algorithm: OpaquePointer?, length: Int) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var written: UInt32 = 0
        let succeeded = data.withUnsafeBytes { bytes in
            // EVP_Digest only fails when memory runs out; there is no input it refuses.
            EVP_Digest(bytes.baseAddress, bytes.count, &output, &written, algorithm, nil)
        }
        precondition(succeeded == 1 && Int(written) == length, "libcrypto could not compute a digest")
        return Array(output.prefix(length))
    }
}
