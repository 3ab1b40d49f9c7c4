import Foundation
import Yams

/// Reads `accessibility.yaml` into an ``AccessibilityRecord``, strictly: unknown keys, values that are
/// not one of the regulations' words, dates that are not days, and WCAG criteria that do not exist are
/// errors at their line, with the nearest right one.
struct AccessibilityRecordReader {
    static let fileName = "accessibility.yaml"
    static let rootKeys = [
        "organisation", "websites", "scope", "standard", "status", "problems", "burdens", "outOfScope", "contact", "enforcement", "tested",
        "prepared", "reviewed",
    ]
    static let standards = ["WCAG 2.2 AA", "WCAG 2.1 AA"]

    let reader: YAMLReader

    init(file: SourceFile) {
        reader = YAMLReader(file: file)
    }

    /// The record's words a translation (`accessibility.cy.yaml`) gives.
    static let words = RecordWords.mapping([
        "organisation": .text, "scope": .text,
        "problems": .list(.mapping(["title": .text, "description": .text])),
        "burdens": .list(.mapping(["description": .text])),
        "outOfScope": .list(.mapping(["description": .text])),
        "contact": .mapping(["address": .text]),
        "tested": .mapping(["by": .text, "method": .text]),
    ])

    func read() -> AccessibilityRecord? {
        reader.parseRoot().flatMap(read(root:))
    }

    /// The record from its parsed YAML (or a translation laid over it).
    func read(root: Node) -> AccessibilityRecord? {
        guard let mapping = reader.mapping(root, describedAs: "the accessibility record") else { return nil }
        let context = "the accessibility record"
        mapping.rejectUnknownKeys(allowed: Self.rootKeys, in: context)
        var locations: [String: SourceLocation] = [:]
        for key in Self.rootKeys {
            if let node = mapping.value(key) { locations[key] = reader.location(of: node) }
        }
        let organisation = mapping.string("organisation", required: true, in: context)
        let websites = reader.texts("websites", in: mapping, context: context)
        if websites.isEmpty, mapping.value("websites") == nil {
            reader.warning(.recordPartMissing, "the accessibility record does not say which websites it covers; add 'websites:' with their addresses, such as - https://www.kent.gov.uk", at: mapping.location)
        }
        var standard = "WCAG 2.2 AA"
        if let written = mapping.string("standard", in: context) {
            if Self.standards.contains(written.value) {
                standard = written.value
            } else {
                reader.error(
                    .recordValueUnknown,
                    "'standard' is the standard the regulations name: \(Self.standards.map { "'\($0)'" }.joined(separator: " or ")), not '\(written.value)'"
                        + Spelling.suggestion(for: written.value, in: Self.standards), at: written.location)
            }
        }
        let status = reader.choice("status", of: AccessibilityRecord.Status.self, in: mapping, context: context, required: true)
        let enforcement = reader.choice("enforcement", of: AccessibilityRecord.Enforcement.self, in: mapping, context: context) ?? .ehrc
        let problems = (mapping.sequence("problems", in: context) ?? []).compactMap { readProblem($0, standard: standard) }
        let burdens = (mapping.sequence("burdens", in: context) ?? []).compactMap(readBurden)
        let outOfScope = (mapping.sequence("outOfScope", in: context) ?? []).compactMap(readOutOfScope)
        var contact = AccessibilityRecord.Contact()
        if let found = mapping.mapping("contact", in: context) {
            found.rejectUnknownKeys(allowed: ["email", "phone", "address", "page", "days", "workingDays"], in: "'contact'")
            contact.email = reader.email("email", in: found, context: "'contact'", example: "accessibility@example.gov.uk")
            contact.phone = found.string("phone", in: "'contact'")?.value
            contact.address = found.string("address", in: "'contact'")?.value
            if let page = found.string("page", in: "'contact'") {
                if URLPolicy.allows(page.value) {
                    contact.page = page.value
                } else {
                    reader.error(.recordValueUnknown, URLPolicy.refusal(page.value, of: "'page' in 'contact'"), at: page.location)
                }
            }
            contact.answer = answerTime(in: found)
        }
        var tested = AccessibilityRecord.Testing()
        if let found = mapping.mapping("tested", in: context) {
            found.rejectUnknownKeys(allowed: ["date", "by", "method"], in: "'tested'")
            tested.date = reader.recordDate("date", in: found, context: "'tested'")
            tested.by = found.string("by", in: "'tested'")?.value
            tested.method = found.string("method", in: "'tested'")?.value
        }
        return AccessibilityRecord(
            organisation: organisation?.value ?? "", websites: websites, scope: mapping.string("scope", in: context)?.value, standard: standard, status: status, problems: problems,
            burdens: burdens, outOfScope: outOfScope, contact: contact, enforcement: enforcement, tested: tested,
            prepared: reader.recordDate("prepared", in: mapping, context: context), reviewed: reader.recordDate("reviewed", in: mapping, context: context),
            locations: locations, file: SourceLocation(path: reader.file.path))
    }

    /// `days: 10` ("in 10 days", the model's words) or `workingDays: 5` ("in 5 working days"), not both.
    private func answerTime(in contact: YAMLMapping) -> AccessibilityRecord.AnswerTime? {
        var answer: AccessibilityRecord.AnswerTime?
        for (key, working) in [("days", false), ("workingDays", true)] {
            guard let written = contact.string(key, in: "'contact'") else { continue }
            guard let number = Int(written.value), (1...365).contains(number) else {
                reader.error(.recordValueUnknown, "'\(key)' in 'contact' is how many \(working ? "working days" : "days") an answer takes: a number such as 5, not '\(written.value)'", at: written.location)
                continue
            }
            if answer != nil {
                reader.error(.recordValueUnknown, "'contact' gives both 'days' and 'workingDays'; keep the one the statement says ('days: 10' for \"in 10 days\", 'workingDays: 5' for \"in 5 working days\")", at: written.location)
                continue
            }
            answer = AccessibilityRecord.AnswerTime(days: number, working: working)
        }
        return answer
    }

    private func readProblem(_ node: Node, standard: String) -> AccessibilityRecord.Problem? {
        guard let mapping = reader.mapping(node, describedAs: "a problem") else { return nil }
        let context = "a problem"
        mapping.rejectUnknownKeys(allowed: ["title", "description", "criteria", "fixBy"], in: context)
        guard let description = mapping.string("description", required: true, in: context) else { return nil }
        let version = standard.contains("2.1") ? WCAG.Version.wcag21 : .wcag22
        var criteria: [String] = []
        for criterion in reader.locatedTexts("criteria", in: mapping, context: context) {
            if WCAG.criteria(of: version).contains(criterion.value) {
                criteria.append(criterion.value)
                if WCAG.levelAAA.contains(criterion.value) {
                    reader.warning(
                        .recordCriterionBeyondStandard,
                        "\(criterion.value) is a level AAA success criterion, beyond the \(standard) the statement measures against, so failing it is no failure of the regulations; move the problem out of the statement's problems, or cite the AA or A criterion it fails",
                        at: criterion.location)
                }
            } else {
                reader.error(
                    .recordCriterionUnknown,
                    "'\(criterion.value)' is not a success criterion of \(standard.dropLast(3)); write its number, such as 1.1.1 or 2.4.7"
                        + Spelling.suggestion(for: criterion.value, in: WCAG.criteria(of: version)), at: criterion.location)
            }
        }
        if mapping.value("criteria") == nil {
            reader.warning(.recordPartMissing, "the problem '\(description.value.prefix(60))' does not say which WCAG success criteria it fails; add 'criteria: [1.1.1]' (the regulations ask for them)", at: description.location)
        }
        return AccessibilityRecord.Problem(
            title: mapping.string("title", in: context)?.value, description: description.value, criteria: criteria, fixBy: reader.recordDate("fixBy", in: mapping, context: context), location: description.location)
    }

    private func readBurden(_ node: Node) -> AccessibilityRecord.Burden? {
        guard let mapping = reader.mapping(node, describedAs: "a disproportionate burden") else { return nil }
        let context = "a disproportionate burden"
        mapping.rejectUnknownKeys(allowed: ["description", "assessed"], in: context)
        guard let description = mapping.string("description", required: true, in: context) else { return nil }
        let assessed = reader.recordDate("assessed", in: mapping, context: context)
        if mapping.value("assessed") == nil {
            reader.warning(.recordPartMissing, "the disproportionate burden '\(description.value.prefix(60))' has no 'assessed' date; a burden claim needs its assessment, so add 'assessed: YYYY-MM-DD'", at: description.location)
        }
        return AccessibilityRecord.Burden(description: description.value, assessed: assessed, location: description.location)
    }

    private func readOutOfScope(_ node: Node) -> AccessibilityRecord.OutOfScope? {
        guard let mapping = reader.mapping(node, describedAs: "content out of scope") else { return nil }
        let context = "content out of scope"
        mapping.rejectUnknownKeys(allowed: ["description", "reason"], in: context)
        guard let description = mapping.string("description", required: true, in: context),
            let reason = reader.choice("reason", of: AccessibilityRecord.Exemption.self, in: mapping, context: context, required: true)
        else { return nil }
        return AccessibilityRecord.OutOfScope(description: description.value, reason: reason, location: description.location)
    }
}
