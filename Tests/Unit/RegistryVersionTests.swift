import Testing

@testable import NoticeKit

@Suite("Registry version")
struct RegistryVersionTests {
    let base = sampleRegistry()

    @Test func isSixteenHexDigitsAndStable() {
        let version = RegistryVersion.of(base)
        #expect(version.count == 16)
        #expect(version.allSatisfy { $0.isHexDigit })
        #expect(RegistryVersion.of(sampleRegistry()) == version)
    }

    @Test func rewordingDoesNotChangeIt() {
        var reworded = base
        reworded.services[0].cookies[0].purpose = "Tells one visitor from another."
        reworded.services[0].cookies[0].duration = "Three months"
        reworded.services[0].name = "GA4"
        reworded.categories[0].title = "Statistics"
        #expect(RegistryVersion.of(reworded) == RegistryVersion.of(base))
    }

    @Test func reorderingDoesNotChangeIt() {
        var reordered = base
        reordered.services.reverse()
        reordered.services[2].cookies.reverse()
        #expect(RegistryVersion.of(reordered) == RegistryVersion.of(base))
    }

    @Test func addingRenamingOrMovingACookieChangesIt() {
        let here = SourceLocation(path: "r")
        var added = base
        added.services[0].cookies.append(Cookie(name: "_gid", purpose: "P", duration: "1 day", location: here))
        var renamed = base
        renamed.services[0].cookies[0].names = ["_ga2"]
        var moved = base
        moved.services[0].categoryID = "necessary"
        var stored = base
        stored.services[0].cookies[0].storage = .localStorage
        let versions = Set([base, added, renamed, moved, stored].map(RegistryVersion.of))
        #expect(versions.count == 5)
    }
}
