import Foundation
import Testing

@testable import NoticeKit

@Suite("Digests")
struct DigestTests {
    func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    /// FIPS 180-2's examples.
    @Test func sha256MatchesThePublishedExamples() {
        #expect(hex(Digest.sha256(Data("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex(Digest.sha256(Data())) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func sha384MatchesThePublishedExamples() {
        #expect(
            hex(Digest.sha384(Data("abc".utf8)))
                == "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7")
        #expect(hex(Digest.sha384(Data())).hasPrefix("38b060a751ac96384cd9327eb1b1e36a21fdb71114be0743"))
    }

    @Test func largeInputsAreHashedWhole() {
        let million = Data(repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(hex(Digest.sha256(million)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
