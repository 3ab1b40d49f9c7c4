import Testing

@testable import NoticeKit

@Suite("Registry diff")
struct RegistryDiffTests {
    @Test func identicalRegistriesHaveNoChanges() {
        let diff = RegistryDiff(old: sampleRegistry(), new: sampleRegistry())
        #expect(diff.isEmpty)
        #expect(!diff.versionChanged)
    }

    @Test func reportsAddedRemovedAndChangedCookies() {
        let here = SourceLocation(path: "r")
        var new = sampleRegistry()
        new.services[0].cookies[0].duration = "2 years"
        new.services[0].cookies[0].purpose = "Distinguishes users."
        new.services[0].cookies.remove(at: 1)
        new.services[2].cookies.append(Cookie(name: "vuid", purpose: "Vimeo id.", duration: "2 years", location: here))
        new.services[1].categoryID = "necessary"
        let diff = RegistryDiff(old: sampleRegistry(), new: new)
        #expect(diff.added.map(\.name) == ["vuid"])
        #expect(diff.removed.map(\.name) == ["_ga_<container-id>"])
        #expect(diff.changed.map(\.name) == ["_ga", "x\"><img src=x onerror=alert(1)>"])
        #expect(
            diff.changed[0].changes == [
                .init(field: "purpose", old: "Used to distinguish users.", new: "Distinguishes users."),
                .init(field: "duration", old: "90 days", new: "2 years"),
            ])
        #expect(diff.changed[1].changes == [.init(field: "category", old: "analytics", new: "necessary")])
        #expect(diff.versionChanged)
    }

    @Test func rewordingAloneKeepsTheVersion() {
        var new = sampleRegistry()
        new.services[0].cookies[0].purpose = "Other words."
        let diff = RegistryDiff(old: sampleRegistry(), new: new)
        #expect(diff.changed.count == 1)
        #expect(!diff.versionChanged)
    }

    @Test func servicesAndCategoriesAddedAndRemoved() {
        var new = sampleRegistry()
        new.services.removeLast()
        new.categories.append(CookieCategory(id: "marketing", title: "Marketing", location: SourceLocation(path: "r")))
        let diff = RegistryDiff(old: sampleRegistry(), new: new)
        #expect(diff.servicesRemoved == ["vimeo"])
        #expect(diff.categoriesAdded == ["marketing"])
    }
}
