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
        version: "v", cookies: .init(status: "s", set: "p", version: "v"), days: 1, domain: "d", form: "f",
        necessary: [], categories: [], googleConsentMode: [:], html: [:], receipts: "r", reload: true, settings: "s", style: "c", keep: "k", button: true)

    @Test func theScriptReadsExactlyTheSettingsTheBuildWrites() {
        let used = properties(of: "config", in: Self.script).union(properties(of: "config", in: Self.settingsScript))
        // `config.categories` gain their details in the settings script.
        #expect(used == keys(of: Self.sampleConfig), "consent.js and ConsentScriptConfig disagree")
        let cookies = properties(of: "names", in: Self.script).union(properties(of: "cookies", in: Self.script))
        #expect(cookies == keys(of: Self.sampleConfig.cookies))
        #expect(properties(of: "extra", in: Self.settingsScript) == keys(of: ConsentSettingsConfig(categories: [], html: [:])))
    }

    @Test func theScriptsReadExactlyTheCategoryDetailsTheBuildWrites() {
        let core = ConsentScriptConfig.Category(id: "a")
        let extra = ConsentSettingsConfig.Category(title: "t", names: "n", keys: "k")
        let used = properties(of: "category", in: Self.script).union(properties(of: "category", in: Self.settingsScript))
        #expect(used == keys(of: core).union(keys(of: extra)))
    }

    @Test func theScriptsShowOnlyTheThemesMarkupAndEveryTextIsInATemplate() throws {
        // The scripts carry no words: each message is a consent template, which the build renders.
        let html = properties(of: "html", in: Self.script + Self.settingsScript)
        #expect(html == Set(ConsentTemplate.allCases.map(\.key)))
        #expect(properties(of: "html", in: Self.script) == Set(ConsentTemplate.everyPage.map(\.key)))
        #expect(!Self.script.contains("config.texts") && !Self.settingsScript.contains("extra.texts"))
        // Every text the templates get is shown by one of the default theme's templates.
        var used = Set<String>()
        let tag = try NSRegularExpression(pattern: "\\{\\{text\\.([A-Za-z]+)\\}\\}")
        for name in ConsentTemplate.allCases.map(\.rawValue) + ["consent-form"] {
            let source = try String(contentsOf: Repository.themes.appendingPathComponent("default/templates/\(name).mustache"), encoding: .utf8)
            for match in tag.matches(in: source, range: NSRange(source.startIndex..., in: source)) {
                used.insert(String(source[Range(match.range(at: 1), in: source)!]))
            }
        }
        #expect(used == Set(ConsentScriptContract.textKeys))
    }

    /// Every condition a template is checked for is one the scripts pass (a condition they never pass
    /// would be a part no visitor sees).
    @Test func everyConditionTheTemplatesAreCheckedForIsOneTheScriptsPass() {
        let conditions = Set(ConsentTemplate.allCases.flatMap { $0.conditions.required + $0.conditions.optional })
        for condition in conditions {
            #expect(Self.script.contains("'\(condition)'") || Self.settingsScript.contains("'\(condition)'"), "the scripts never show '\(condition)'")
        }
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
        #expect(used == Set(ConsentMarkup.all + [ConsentTemplateMarkup.when, ConsentTemplateMarkup.form]))
        // The default theme's templates use no other data- attribute.
        let templates = try FileManager.default.contentsOfDirectory(
            at: Repository.themes.appendingPathComponent("default/templates"),
            includingPropertiesForKeys: nil)
        let attribute = try NSRegularExpression(pattern: "\\b(data-[a-z-]+)")
        for template in templates {
            let text = try String(contentsOf: template, encoding: .utf8)
            for match in attribute.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let name = String(text[Range(match.range(at: 1), in: text)!])
                #expect(
                    ConsentMarkup.all.contains(name) || [ConsentTemplateMarkup.when, ConsentTemplateMarkup.form, "data-label", "data-nosnippet"].contains(name),
                    "\(template.lastPathComponent) uses \(name)")
            }
        }
        for action in ConsentMarkup.actions {
            #expect(
                Self.script.contains("'\(action)'") || Self.settingsScript.contains("\"\(action)\"]") || Self.settingsScript.contains("=\"\(action)\""),
                "the scripts do not act on \(action)")
        }
    }
}
