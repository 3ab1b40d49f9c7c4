import Yams

/// Reads `processing.yaml` into a ``ProcessingRecord``, strictly: unknown keys, a lawful basis that is
/// not one of Article 6(1)'s, an activity id used twice and an email that is not one address are errors
/// at their line; a part Articles 13 and 14 ask for that the record leaves unsaid is a warning.
struct ProcessingRecordReader {
    static let fileName = "processing.yaml"
    static let rootKeys = ["controller", "icoRegistration", "dpo", "activities"]
    static let partyKeys = ["name", "email", "phone", "address"]
    static let activityKeys = [
        "id", "name", "purpose", "basis", "law", "interest", "specialData", "specialCondition", "data", "source", "recipients", "transfers", "retention",
        "automatedDecisions", "requirement",
    ]

    /// The record's words a translation (`processing.cy.yaml`) gives.
    static let words = RecordWords.mapping([
        "controller": .mapping(["name": .text, "address": .text]),
        "dpo": .mapping(["address": .text]),
        "activities": .list(
            .mapping([
                "name": .text, "purpose": .list(.text), "law": .text, "interest": .text, "specialData": .list(.text), "specialCondition": .text, "data": .list(.text),
                "source": .text, "recipients": .list(.text), "transfers": .list(.mapping(["to": .text, "safeguard": .text])),
                "retention": .list(.text), "automatedDecisions": .text, "requirement": .text,
            ])),
    ])

    let reader: YAMLReader

    init(file: SourceFile) {
        reader = YAMLReader(file: file)
    }

    func read() -> ProcessingRecord? {
        reader.parseRoot().flatMap(read(root:))
    }

    func read(root: Node) -> ProcessingRecord? {
        let context = "the processing record"
        guard let mapping = reader.mapping(root, describedAs: context) else { return nil }
        mapping.rejectUnknownKeys(allowed: Self.rootKeys, in: context)
        var locations: [String: SourceLocation] = [:]
        for key in Self.rootKeys {
            if let node = mapping.value(key) { locations[key] = reader.location(of: node) }
        }
        var controller = ProcessingRecord.Party()
        if let found = mapping.mapping("controller", in: context) {
            controller = party(found, context: "'controller'")
            if controller.name == nil { _ = found.string("name", required: true, in: "'controller'") }
        } else {
            reader.error(.yamlKeyMissing, "the processing record does not say who the controller is; add 'controller:' with its 'name' and its 'email' or 'address' (Article 13(1)(a))", at: mapping.location)
        }
        if controller.email == nil, controller.address == nil, controller.phone == nil, mapping.value("controller") != nil {
            reader.warning(.recordPartMissing, "the controller has no contact details; add its 'email', 'phone' or 'address' under 'controller' (Article 13(1)(a) asks for them)", at: locations["controller"] ?? mapping.location)
        }
        let dpo = mapping.mapping("dpo", in: context).map { party($0, context: "'dpo'") }
        if let dpo, dpo.email == nil, dpo.address == nil, dpo.phone == nil {
            reader.warning(.recordPartMissing, "the data protection officer has no contact details; add an 'email', 'phone' or 'address' under 'dpo' (Article 13(1)(b) asks for them)", at: locations["dpo"] ?? mapping.location)
        }
        var seen: [String: SourceLocation] = [:]
        let activities = (mapping.sequence("activities", in: context) ?? []).compactMap { node -> ProcessingRecord.Activity? in
            guard let activity = readActivity(node) else { return nil }
            if let first = seen[activity.id] {
                reader.error(.recordValueUnknown, "the activity id '\(activity.id)' is used twice (first at line \(first.line)); give each activity an id of its own", at: activity.location)
                return nil
            }
            seen[activity.id] = activity.location
            return activity
        }
        if activities.isEmpty {
            reader.warning(.recordPartMissing, "the processing record lists no processing activities; add them under 'activities:', each with its purpose, lawful basis, data, recipients and retention", at: mapping.location)
        }
        return ProcessingRecord(
            controller: controller, icoRegistration: mapping.string("icoRegistration", in: context)?.value, dpo: dpo, activities: activities,
            locations: locations, file: SourceLocation(path: reader.file.path))
    }

    private func party(_ mapping: YAMLMapping, context: String) -> ProcessingRecord.Party {
        mapping.rejectUnknownKeys(allowed: Self.partyKeys, in: context)
        return ProcessingRecord.Party(
            name: mapping.string("name", in: context)?.value, email: reader.email("email", in: mapping, context: context),
            phone: mapping.string("phone", in: context)?.value, address: mapping.string("address", in: context)?.value)
    }

    private func readActivity(_ node: Node) -> ProcessingRecord.Activity? {
        guard let mapping = reader.mapping(node, describedAs: "a processing activity") else { return nil }
        mapping.rejectUnknownKeys(allowed: Self.activityKeys, in: "a processing activity")
        guard let id = mapping.string("id", required: true, in: "a processing activity") else { return nil }
        let context = "the activity '\(id.value)'"
        if !id.value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
            reader.error(.recordValueUnknown, "'id' in \(context) names the activity for blocks such as ```processing-table activity=\(id.value)```; use letters, digits and hyphens only", at: id.location)
        }
        let name = mapping.string("name", required: true, in: context)
        let purposes = reader.texts("purpose", in: mapping, context: context)
        if purposes.isEmpty { _ = mapping.string("purpose", required: true, in: context) }
        let basis = lawfulBasis(in: mapping, context: context)
        let law = mapping.string("law", in: context)?.value
        let interest = mapping.string("interest", in: context)?.value
        if basis == .legitimateInterests, interest == nil {
            reader.warning(.recordPartMissing, "\(context) relies on legitimate interests but does not say which; add 'interest:' (Article 13(1)(d) asks for it)", at: id.location)
        }
        if basis == .publicTask || basis == .legalObligation, law == nil {
            reader.warning(.recordPartMissing, "\(context) relies on a \(basis == .publicTask ? "public task" : "legal obligation") but does not say which law sets it; add 'law:' (Article 6(3): the basis is laid down by law)", at: id.location)
        }
        let specialData = reader.texts("specialData", in: mapping, context: context)
        let specialCondition = mapping.string("specialCondition", in: context)?.value
        if !specialData.isEmpty, specialCondition == nil {
            reader.warning(.recordPartMissing, "\(context) uses special category data but does not say which Article 9 condition allows it; add 'specialCondition:' (such as 'Explicit consent, Article 9(2)(a)')", at: id.location)
        }
        let data = reader.texts("data", in: mapping, context: context)
        if data.isEmpty { reader.warning(.recordPartMissing, "\(context) does not say what personal data it uses; add 'data:' with its categories", at: id.location) }
        let recipients = reader.texts("recipients", in: mapping, context: context)
        if mapping.value("recipients") == nil {
            reader.warning(.recordPartMissing, "\(context) does not say who receives the data; add 'recipients:' (or 'recipients: []' when no one else does; Article 13(1)(e))", at: id.location)
        }
        let retention = reader.texts("retention", in: mapping, context: context)
        if retention.isEmpty { reader.warning(.recordPartMissing, "\(context) does not say how long the data is kept; add 'retention:' (Article 13(2)(a))", at: id.location) }
        return ProcessingRecord.Activity(
            id: id.value, name: name?.value ?? id.value, purposes: purposes, basis: basis, law: law, interest: interest,
            specialData: specialData, specialCondition: specialCondition, data: data, source: mapping.string("source", in: context)?.value,
            recipients: recipients, transfers: transfers(in: mapping, context: context, at: id.location), retention: retention,
            automatedDecisions: automated(in: mapping, context: context, at: id.location), requirement: mapping.string("requirement", in: context)?.value,
            location: id.location)
    }

    /// The basis in a record's words, or as the Regulation points to it ("6(1)(e)", "Article 6(1)(e)").
    private func lawfulBasis(in mapping: YAMLMapping, context: String) -> ProcessingRecord.LawfulBasis? {
        guard let written = mapping.string("basis", required: true, in: context) else { return nil }
        let bases = ProcessingRecord.LawfulBasis.allCases
        if let basis = ProcessingRecord.LawfulBasis(rawValue: written.value) { return basis }
        let point = written.value.lowercased().replacingOccurrences(of: "article", with: "").filter { !$0.isWhitespace }
        if let basis = bases.first(where: { $0.point == point || $0.point == point.replacingOccurrences(of: "gdpr", with: "") }) { return basis }
        reader.error(
            .recordBasisUnknown,
            "'basis' in \(context) is one of Article 6(1)'s six lawful bases: \(bases.map { "'\($0.rawValue)' (\($0.point))" }.joined(separator: ", ")), not '\(written.value)'"
                + Spelling.suggestion(for: written.value, in: bases.map(\.rawValue)),
            at: written.location)
        return nil
    }

    /// `transfers: none`, or a list of `{to, safeguard}`.
    private func transfers(in mapping: YAMLMapping, context: String, at location: SourceLocation) -> [ProcessingRecord.Transfer]? {
        guard let node = mapping.value("transfers") else {
            reader.warning(.recordPartMissing, "\(context) does not say whether data goes outside the UK; add 'transfers: none', or list each with its 'to' and 'safeguard' (Article 13(1)(f))", at: location)
            return nil
        }
        if case .scalar(let scalar) = node {
            if scalar.string.trimmingSpacesAndNewlines == "none" { return [] }
            reader.error(.recordValueUnknown, "'transfers' in \(context) is 'none', or a list of transfers each with 'to' and 'safeguard', not '\(scalar.string)'", at: node)
            return nil
        }
        return (reader.sequence(node, describedAs: "'transfers' in \(context)") ?? []).compactMap { item in
            guard let transfer = reader.mapping(item, describedAs: "a transfer") else { return nil }
            transfer.rejectUnknownKeys(allowed: ["to", "safeguard"], in: "a transfer of \(context)")
            guard let destination = transfer.string("to", required: true, in: "a transfer of \(context)") else { return nil }
            let safeguard = transfer.string("safeguard", in: "a transfer of \(context)")?.value
            if safeguard == nil {
                reader.warning(.recordPartMissing, "the transfer to \(destination.value) in \(context) names no safeguard; add 'safeguard:' (adequacy regulations, or the Article 46 safeguard relied on)", at: destination.location)
            }
            return ProcessingRecord.Transfer(destination: destination.value, safeguard: safeguard)
        }
    }

    /// `automatedDecisions: none`, or what is decided, how, and what it means for the person.
    private func automated(in mapping: YAMLMapping, context: String, at location: SourceLocation) -> String? {
        guard let written = mapping.string("automatedDecisions", in: context) else {
            reader.warning(.recordPartMissing, "\(context) does not say whether decisions are made about people automatically; add 'automatedDecisions: none', or describe them (Article 13(2)(f))", at: location)
            return nil
        }
        return written.value == "none" ? "" : written.value
    }
}

extension ProcessingRecord {
    /// The record in text read from anywhere (a file, `<(git show …)`), shown in messages as `shownAs`;
    /// errors throw, warnings are left to `notice check`.
    public static func load(text: String, shownAs display: String) throws(BuildFailure) -> ProcessingRecord {
        let reader = ProcessingRecordReader(file: SourceFile(path: display, text: text))
        guard let record = reader.read(), !reader.reader.log.hasErrors else { throw BuildFailure(diagnostics: reader.reader.log.sorted) }
        return record
    }
}
