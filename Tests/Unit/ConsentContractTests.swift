import Foundation
import Testing

@testable import NoticeKit

/// The consent scripts and the Swift side name the same settings, record keys, texts and attributes.
///
/// The scripts are read as text: every `config.x`, `category.x`, `extra.x` and `cookies.x` they use must
/// be a key the build writes, and every key the build writes must be used, so renaming either side fails here.
@Suite("Consent contract between Swift and the scripts")
struct ConsentContractTests {
    static let folder = Repository.themes.appendingPathComponent("default/consent")
    static let script = source("consent.js")
    static let settingsScript = source("consent-settings.js")

    static func source(_ name: String) -> String {
        (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }

    /// The names after `object.` in a source, such as `days` in `config.days`.
    func properties(of object: String, in source: String) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: "\\b\(object)\\.([A-Za-z]+)\\b")
        let range = NSRange(source.startIndex..., in: source)
        return Set(pattern.matches(in: source, range: range).compactMap { Range($0.range(at: 1), in: source).map { String(source[$0]) } })
    }

    /// The stored property names of a value, which are its synthesized JSON keys.
    func keys(of value: Any) -> Set<String> {
        Set(Mirror(reflecting: value).children.compactMap(\.label))
    }

    static let sampleConfig = ConsentScriptConfig(
        version: "v", cookies: .init(status: "s", set: "p", version: "v"), days: 1, domain: "d", policy: "p", form: "f",
        necessary: [], categories: [], googleConsentMode: [:], texts: [:], receipts: "r", reload: true, settings: "s", style: "c", keep: "k", button: true)

    @Test func theScriptReadsExactlyTheSettingsTheBuildWrites() {
        let used = properties(of: "config", in: Self.script).union(properties(of: "config", in: Self.settingsScript))
        // `config.texts` gains the settings' texts, `config.categories` their details, in the settings script.
        #expect(used == keys(of: Self.sampleConfig), "consent.js and ConsentScriptConfig disagree")
        let cookies = properties(of: "names", in: Self.script).union(properties(of: "cookies", in: Self.script))
        #expect(cookies == keys(of: Self.sampleConfig.cookies))
        #expect(properties(of: "extra", in: Self.settingsScript) == keys(of: ConsentSettingsConfig(categories: [], texts: [:])))
    }

    @Test func theScriptsReadExactlyTheCategoryDetailsTheBuildWrites() {
        let core = ConsentScriptConfig.Category(id: "a", summary: "s")
        let extra = ConsentSettingsConfig.Category(title: "t", description: "d", services: "s", section: "s", more: "m", names: "n", keys: "k")
        let used = properties(of: "category", in: Self.script).union(properties(of: "category", in: Self.settingsScript))
        #expect(used == keys(of: core).union(keys(of: extra)))
    }

    @Test func everyTextTheScriptsShowIsOneTheBuildWrites() {
        // text(key), link(key), button(action) or button(action, key), and a choice's option(category, value, key).
        let pattern = try! NSRegularExpression(pattern: "\\b(?:text|button|link)\\('([A-Za-z]+)'(?:, '([A-Za-z]+)')?|\\boption\\(category, [01], ()'([A-Za-z]+)'")
        var shown = Set<String>()
        for source in [Self.script, Self.settingsScript] {
            for match in pattern.matches(in: source, range: NSRange(source.startIndex..., in: source)) {
                // button(action, key): the second name is the text's key when there is one.
                let group = [4, 2, 1].first { match.range(at: $0).location != NSNotFound }!
                if let range = Range(match.range(at: group), in: source) { shown.insert(String(source[range])) }
            }
        }
        // The confirmation picks its key at run time, from these three.
        shown.formUnion(["accepted", "chosen", "rejected"])
        #expect(shown == Set(ConsentScriptContract.textKeys + ConsentScriptContract.settingsTextKeys))
    }

    @Test func theScriptWritesTheRecordKeysTheSwiftRecordHas() throws {
        let start = try #require(Self.script.range(of: "state = { "))
        let literal = Self.script[start.upperBound...].prefix { $0 != "}" }
        let written = literal.split(separator: ",").compactMap { $0.split(separator: ":").first?.trimmingCharacters(in: .whitespaces) }
        #expect(written == ConsentRecord.keys)
        // And it reads the ones a valid record must have.
        #expect(Self.script.contains("value.c") && Self.script.contains("value.v"))
    }

    @Test func aRecordTheScriptWritesDecodesAsTheSwiftRecord() throws {
        let json = #"{"c":{"analytics":true,"functional":false},"t":"2026-11-29T10:15:00.000Z","v":"b6cf7c72177583b5","g":0,"i":"0f8e5b6a-3c1d-4e2f-9a7b-5c4d3e2f1a0b"}"#
        let record = try JSONDecoder().decode(ConsentRecord.self, from: Data(json.utf8))
        #expect(record.choices == ["analytics": true, "functional": false])
        #expect(record.id == "0f8e5b6a-3c1d-4e2f-9a7b-5c4d3e2f1a0b")
        let old = try JSONDecoder().decode(ConsentRecord.self, from: Data(#"{"c":{},"t":"t","v":"v","g":1}"#.utf8))
        #expect(old.id == nil, "records from before consent ids stay readable")
    }

    @Test func theMarkupTemplatesAndScriptsShareIsDefinedOnce() throws {
        // Every attribute the scripts use, as a selector or through `dataset`, is a known one, and each is used.
        var used = Set<String>()
        let selector = try NSRegularExpression(pattern: "\\[(data-[a-z-]+)")
        let dataset = try NSRegularExpression(pattern: "dataset\\.([A-Za-z]+)")
        for source in [Self.script, Self.settingsScript] {
            let range = NSRange(source.startIndex..., in: source)
            for match in selector.matches(in: source, range: range) {
                used.insert(String(source[Range(match.range(at: 1), in: source)!]))
            }
            for match in dataset.matches(in: source, range: range) {
                let camel = String(source[Range(match.range(at: 1), in: source)!])
                used.insert("data-" + camel.reduce(into: "") { $0 += $1.isUppercase ? "-" + $1.lowercased() : String($1) })
            }
        }
        #expect(used == Set(ConsentMarkup.all))
        // The default theme's templates use no other data- attribute.
        let templates = try FileManager.default.contentsOfDirectory(
            at: Repository.themes.appendingPathComponent("default/templates"),
            includingPropertiesForKeys: nil)
        let attribute = try NSRegularExpression(pattern: "\\b(data-[a-z-]+)")
        for template in templates {
            let text = try String(contentsOf: template, encoding: .utf8)
            for match in attribute.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let name = String(text[Range(match.range(at: 1), in: text)!])
                #expect(ConsentMarkup.all.contains(name) || name == "data-label", "\(template.lastPathComponent) uses \(name)")
            }
        }
        for action in ConsentMarkup.actions {
            #expect(
                Self.script.contains("'\(action)'") || Self.settingsScript.contains("\"\(action)\"]") || Self.settingsScript.contains("=\"\(action)\""),
                "the scripts do not act on \(action)")
        }
    }
}
