/// The records the policy pages are made from, in `cookies.json` beside the registry, so other systems
/// (a records-of-processing tool, a monitoring team's checker) read the same facts the pages show:
/// words as written, machine values (dates, lawful bases, rights) beside them.
struct RecordDeclarationJSON: Encodable {
    struct Accessibility: Encodable {
        struct Problem: Encodable {
            var title: String?
            var description: String
            var criteria: [String]
            var fixBy: String?
        }

        struct Item: Encodable {
            var description: String
            var assessed: String?
            var reason: String?
        }

        var organisation: String
        var websites: [String]
        var scope: String?
        var standard: String
        var status: String?
        var problems: [Problem]
        var burdens: [Item]
        var outOfScope: [Item]
        var contact: [String: String]
        var enforcement: String
        var tested: [String: String]
        var prepared: String?
        var reviewed: String?

        init(_ record: AccessibilityRecord) {
            organisation = record.organisation
            websites = record.websites
            scope = record.scope
            standard = record.standard
            status = record.status?.rawValue
            problems = record.problems.map { Problem(title: $0.title, description: $0.description, criteria: $0.criteria, fixBy: $0.fixBy?.iso) }
            burdens = record.burdens.map { Item(description: $0.description, assessed: $0.assessed?.iso) }
            outOfScope = record.outOfScope.map { Item(description: $0.description, reason: $0.reason.rawValue) }
            var contact: [String: String] = [:]
            contact["email"] = record.contact.email
            contact["phone"] = record.contact.phone
            contact["address"] = record.contact.address
            contact["page"] = record.contact.page
            if let answer = record.contact.answer { contact[answer.working ? "workingDays" : "days"] = String(answer.days) }
            self.contact = contact
            enforcement = record.enforcement.rawValue
            var tested: [String: String] = [:]
            tested["date"] = record.tested.date?.iso
            tested["by"] = record.tested.by
            tested["method"] = record.tested.method
            self.tested = tested
            prepared = record.prepared?.iso
            reviewed = record.reviewed?.iso
        }
    }

    struct Processing: Encodable {
        struct Party: Encodable {
            var name, email, phone, address: String?
        }

        struct Transfer: Encodable {
            var to: String
            var safeguard: String?
        }

        struct Activity: Encodable {
            var id: String
            var name: String
            var purposes: [String]
            var basis: String?
            /// Its point of Article 6(1), such as `6(1)(e)`.
            var article: String?
            var law, interest, specialCondition, source, automatedDecisions, requirement: String?
            var specialData, data, recipients, retention: [String]
            var transfers: [Transfer]?
            /// The rights that apply to it, worked out from its basis.
            var rights: [String]
        }

        var controller: Party
        var icoRegistration: String?
        var dpo: Party?
        var activities: [Activity]

        init(_ record: ProcessingRecord) {
            func party(_ party: ProcessingRecord.Party) -> Party { Party(name: party.name, email: party.email, phone: party.phone, address: party.address) }
            controller = party(record.controller)
            icoRegistration = record.icoRegistration
            dpo = record.dpo.map(party)
            activities = record.activities.map { activity in
                Activity(
                    id: activity.id, name: activity.name, purposes: activity.purposes, basis: activity.basis?.rawValue, article: activity.basis?.point,
                    law: activity.law, interest: activity.interest, specialCondition: activity.specialCondition, source: activity.source,
                    automatedDecisions: activity.automatedDecisions, requirement: activity.requirement, specialData: activity.specialData, data: activity.data,
                    recipients: activity.recipients, retention: activity.retention,
                    transfers: activity.transfers?.map { Transfer(to: $0.destination, safeguard: $0.safeguard) },
                    rights: record.rights(of: [activity]).map(\.rawValue))
            }
        }
    }

    struct Change: Encodable {
        var date: String
        var note: String?
        var servicesAdded, servicesRemoved, activitiesAdded, activitiesRemoved, activitiesChanged: [String]
        var cookiesAdded, cookiesRemoved, cookiesChanged: [String]
        var askedAgain: Bool

        init(_ entry: ChangeHistory.Entry) {
            date = entry.date.iso
            note = entry.note
            servicesAdded = entry.servicesAdded.map(\.id)
            servicesRemoved = entry.servicesRemoved.map(\.id)
            activitiesAdded = entry.activitiesAdded.map(\.id)
            activitiesRemoved = entry.activitiesRemoved.map(\.id)
            activitiesChanged = entry.activitiesChanged.map(\.id)
            cookiesAdded = entry.cookiesAdded.map(\.name)
            cookiesRemoved = entry.cookiesRemoved.map(\.name)
            cookiesChanged = entry.cookiesChanged.map(\.name)
            askedAgain = entry.askedAgain
        }
    }

    var accessibility: Accessibility?
    var processing: Processing?
    var changes: [Change]?

    /// Nil when the site keeps none of the records.
    init?(accessibility: AccessibilityRecord?, processing: ProcessingRecord?, changes: ChangeHistory?) {
        guard accessibility != nil || processing != nil || changes != nil else { return nil }
        self.accessibility = accessibility.map(Accessibility.init)
        self.processing = processing.map(Processing.init)
        self.changes = changes.map { $0.entries.map(Change.init) }
    }
}
