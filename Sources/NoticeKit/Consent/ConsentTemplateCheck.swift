/// Checks a rendered consent template against what the scripts need of it (``ConsentTemplate``): one
/// whole element, the actions a visitor answers with, the conditional parts the script chooses between,
/// the settings form with both choices for every optional category, and nothing the pages'
/// Content-Security-Policy blocks. A theme that changes the markup finds out at build time, at the line
/// that needs changing, not from a visitor who could not refuse.
struct ConsentTemplateCheck {
    let theme: Theme
    /// The optional categories' ids, whose radio buttons the settings form must have.
    let categories: [String]

    func check(_ html: String, of template: ConsentTemplate, log: inout DiagnosticLog) {
        let name = template.rawValue
        func at(_ text: String) -> SourceLocation { theme.location(of: text, in: name) }
        let (root, unclosed, stray) = HTMLDocument.parseNoting(html)
        for element in unclosed {
            log.error(.themeConsentTemplateStructure, "<\(element.name ?? "")> in \(name).mustache is never closed; add </\(element.name ?? "")>", at: at("<\(element.name ?? "")"))
        }
        for end in stray {
            log.error(.themeConsentTemplateStructure, "</\(end.name)> in \(name).mustache closes an element it never opened; remove it", at: at("</\(end.name)"))
        }
        let roots = root.children.filter { $0.name != nil }
        let loose = root.children.contains { if case .text(let text) = $0.kind { !text.allSatisfy(\.isWhitespace) } else { false } }
        if roots.count != 1 || loose {
            log.error(
                .themeConsentTemplateStructure, "\(name).mustache renders \(roots.count) elements\(loose ? " and text beside them" : ""), but the consent script shows it as one element; wrap it all in one, as the default theme's does",
                at: at(""))
            return
        }
        if let wanted = template.rootElement, roots[0].name != wanted {
            log.error(.themeConsentTemplateStructure, "\(name).mustache must be a <\(wanted)> (the script opens it as a modal dialog), not a <\(roots[0].name ?? "")>", at: at("<\(roots[0].name ?? "")"))
        }

        var actions: Set<String> = []
        var conditions: Set<String> = []
        var pending = roots
        let known = ConsentMarkup.actions
        let allowedConditions = template.conditions.required + template.conditions.optional
        while let node = pending.popLast() {
            pending += node.children
            guard let element = node.name else { continue }
            if element == "script" {
                log.error(.themeConsentTemplateScript, "a <script> in \(name).mustache would not run (the consent script inserts markup, not scripts) and the pages' Content-Security-Policy blocks it; remove it", at: at("<script"))
            }
            for attribute in node.attributes.keys.sorted() {
                let value = node.attributes[attribute] ?? ""
                if attribute.hasPrefix("on") {
                    log.error(.themeConsentTemplateScript, "'\(attribute)' on <\(element)> in \(name).mustache is script, which the pages' Content-Security-Policy blocks; remove it (the consent script acts on data-notice-action)", at: at(attribute + "="))
                } else if attribute == "style" {
                    log.warning(.themeConsentTemplateStyle, "'style' on <\(element)> in \(name).mustache is blocked by the pages' Content-Security-Policy, so it will not apply; style it in the theme's consent.css", at: at("style="))
                } else if attribute == "href" || attribute == "src" || attribute == "action" {
                    if !URLPolicy.allows(value) {
                        log.error(.themeConsentTemplateAddress, URLPolicy.refusal(value, of: "'\(attribute)' on <\(element)> in \(name).mustache"), at: at(value))
                    }
                } else if attribute == ConsentMarkup.action {
                    if known.contains(value) {
                        actions.insert(value)
                    } else {
                        log.error(
                            .themeConsentTemplateAction,
                            "\(ConsentMarkup.action)=\"\(value)\" in \(name).mustache is not an action the consent script knows"
                                + Spelling.suggestion(for: value, in: known, otherwise: "; it knows \(known.joined(separator: ", "))"),
                            at: at("\(ConsentMarkup.action)=\"\(value)\""))
                    }
                } else if attribute == ConsentTemplateMarkup.when {
                    if allowedConditions.contains(value) {
                        conditions.insert(value)
                    } else {
                        let offered = allowedConditions.isEmpty ? "; nothing in \(name).mustache is shown under a condition" : "; here it chooses between \(allowedConditions.joined(separator: ", "))"
                        log.error(
                            .themeConsentTemplateCondition,
                            "\(ConsentTemplateMarkup.when)=\"\(value)\" in \(name).mustache is not a condition the consent script knows here"
                                + Spelling.suggestion(for: value, in: allowedConditions, otherwise: offered),
                            at: at("\(ConsentTemplateMarkup.when)=\"\(value)\""))
                    }
                }
            }
        }
        for action in template.requiredActions where !actions.contains(action) {
            log.error(
                .themeConsentTemplateAction, "\(name).mustache has no control with \(ConsentMarkup.action)=\"\(action)\", so visitors could not \(Self.purpose(of: action)); add a <button type=\"button\" \(ConsentMarkup.action)=\"\(action)\">, as the default theme's has",
                at: at(""))
        }
        for condition in template.conditions.required where !conditions.contains(condition) {
            log.error(
                .themeConsentTemplateCondition, "\(name).mustache has no part with \(ConsentTemplateMarkup.when)=\"\(condition)\", which the script shows \(Self.moment(of: condition)); add it, as the default theme's has",
                at: at(""))
        }
        if template == .confirm, !Self.contains(roots[0], where: { $0.attributes["tabindex"] != nil }) {
            log.error(.themeConsentTemplateStructure, "\(name).mustache has no element with tabindex=\"-1\" for the script to move focus to, so screen-reader users would not hear what was saved; add it to the message", at: at(""))
        }
        if template == .dialog { checkForm(in: roots[0], of: name, at: at, log: &log) }
    }

    /// The settings form: one `<form data-notice-form>` with a submit button and both choices for every
    /// optional category.
    private func checkForm(in dialog: HTMLNode, of name: String, at: (String) -> SourceLocation, log: inout DiagnosticLog) {
        let forms = Self.all(in: dialog) { $0.attributes[ConsentTemplateMarkup.form] != nil }
        guard forms.count == 1, let form = forms.first, form.name == "form" else {
            log.error(
                .themeConsentTemplateStructure, "\(name).mustache must hold exactly one <form \(ConsentTemplateMarkup.form)> (it has \(forms.count)\(forms.first.map { $0.name == "form" ? "" : ", on a <\($0.name ?? "")>" } ?? "")): the script shows it alone on the policy page and reads the choices from it",
                at: at(ConsentTemplateMarkup.form))
            return
        }
        let submits = Self.all(in: form) { node in
            (node.name == "button" && (node.attributes["type"] ?? "submit") == "submit") || (node.name == "input" && node.attributes["type"] == "submit")
        }
        if submits.isEmpty {
            log.error(.themeConsentTemplateStructure, "the form in \(name).mustache has no submit button, so a choice per category could not be saved; add <button>…</button> (without type=\"button\")", at: at("<form"))
        }
        let radios = Self.all(in: form) { $0.name == "input" && $0.attributes["type"] == "radio" }
        for category in categories {
            let inputName = ConsentTemplateMarkup.inputPrefix + category
            let values = Set(radios.filter { $0.attributes["name"] == inputName }.compactMap { $0.attributes["value"] })
            if values != ["1", "0"] {
                log.error(
                    .themeConsentTemplateStructure, "the form in \(name).mustache needs two radio buttons named \(inputName), value=\"1\" (use) and value=\"0\" (do not use), for the category '\(category)'; it has \(values.isEmpty ? "none" : "value " + values.sorted().joined(separator: " and ")) (write name=\"{{inputName}}\" inside {{#categories}})",
                    at: at("radio"))
            }
        }
    }

    private static func all(in node: HTMLNode, where matches: (HTMLNode) -> Bool) -> [HTMLNode] {
        var found: [HTMLNode] = []
        var pending = [node]
        while let next = pending.popLast() {
            if next.name != nil, matches(next) { found.append(next) }
            pending += next.children.reversed()
        }
        return found
    }

    private static func contains(_ node: HTMLNode, where matches: (HTMLNode) -> Bool) -> Bool {
        !all(in: node, where: matches).isEmpty
    }

    private static func purpose(of action: String) -> String {
        switch action {
        case "accept": "accept optional cookies"
        case "reject": "reject them as easily as accept them"
        case "choose": "choose per category"
        case "hide": "close the message"
        default: "cancel"
        }
    }

    private static func moment(of condition: String) -> String {
        switch condition {
        case "accepted": "after a visitor accepts every optional category"
        case "chosen": "after a visitor accepts some of them ({value}: which)"
        default: "after a visitor rejects them all"
        }
    }
}
