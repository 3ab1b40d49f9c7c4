import Foundation
import Yams

/// `wrapper:` in site.yaml (or a language's entry): the organisation's own header, footer and stylesheet,
/// which a theme such as `plain` puts around what Notice owns. The fragments are the site's files, read
/// once and checked, and written into every page as they are.
public struct WrapperSettings: Sendable {
    /// The fragments' paths as written, relative to the site folder.
    public var header: Located<String>?
    public var footer: Located<String>?
    public var stylesheets: [Located<String>] = []
    /// The fragments' HTML, once read and checked by the loader.
    public var headerHTML: String?
    public var footerHTML: String?

    public init() {}

    public var isEmpty: Bool { header == nil && footer == nil && stylesheets.isEmpty }

    static let keys = ["header", "footer", "stylesheets"]

    static func read(_ mapping: YAMLMapping, reader: YAMLReader, in context: String) -> WrapperSettings {
        mapping.rejectUnknownKeys(allowed: keys, in: context)
        var settings = WrapperSettings()
        for key in ["header", "footer"] {
            guard let path = mapping.string(key, in: context) else { continue }
            let parts = path.value.split(separator: "/", omittingEmptySubsequences: false)
            guard !path.value.hasPrefix("/"), !parts.contains(".."), !parts.contains(""), path.value.lowercased().hasSuffix(".html") else {
                reader.error(.siteWrapperPathInvalid, "'\(key)' in \(context) should be an .html file inside the site folder, written from there, such as wrapper/\(key).html", at: path.location)
                continue
            }
            if key == "header" { settings.header = path } else { settings.footer = path }
        }
        for node in mapping.sequence("stylesheets", in: context) ?? [] {
            guard case .scalar(let scalar) = node else {
                reader.error(.siteWrapperStylesheetInvalid, "each of 'stylesheets' in \(context) should be one address, such as https://www.example.gov.uk/css/site.css", at: node)
                continue
            }
            let address = scalar.string.trimmingSpacesAndNewlines
            let location = reader.location(of: node)
            if !URLPolicy.allows(address) {
                reader.error(.siteUrlRefused, URLPolicy.refusal(address, of: "a stylesheet in \(context)"), at: location)
            } else if !(address.lowercased().hasPrefix("https://") || (address.hasPrefix("/") && !address.hasPrefix("//"))) {
                reader.error(.siteWrapperStylesheetInvalid, "the stylesheet '\(address.prefix(80))' should be a full https:// address or start with / (from the site's root), so that every page finds it", at: location)
            } else {
                settings.stylesheets.append(Located(address, at: location))
            }
        }
        return settings
    }
}

/// Checks a header or footer fragment before it is written into every page: whole elements only, no
/// script (the pages run only the consent script, under a strict Content-Security-Policy, and nothing
/// before consent), no inline event handlers, safe addresses, and nothing the page itself owns.
enum WrapperFragmentCheck {
    /// Elements a page has once, which a fragment must leave to the page.
    static let pageElements: Set<String> = ["html", "head", "body", "main", "base", "title"]
    static let addressAttributes = ["href", "src", "action", "formaction", "poster", "cite", "data"]

    static func check(_ html: String, file: String, log: inout DiagnosticLog) {
        let (root, unclosed, stray) = HTMLDocument.parseNoting(html)
        func at(_ line: Int) -> SourceLocation { SourceLocation(path: file, line: line, column: 1) }
        for element in unclosed {
            log.error(.siteWrapperUnclosed, "<\(element.name ?? "")> is never closed, so the page's own content would end up inside it; add </\(element.name ?? "")>", at: at(element.line))
        }
        for end in stray {
            log.error(.siteWrapperStrayEndTag, "</\(end.name)> closes an element this file never opened, which would close one of the page's own; remove it", at: at(end.line))
        }
        var pending = [root]
        while let node = pending.popLast() {
            pending += node.children
            guard let name = node.name, name != "#document" else { continue }
            if name == "script" {
                log.error(.siteWrapperScript, "a <script> in the site's own header or footer would run on every policy page, before any consent and outside the pages' Content-Security-Policy; remove it (the consent script is the only script these pages run)", at: at(node.line))
            }
            if pageElements.contains(name) {
                log.error(.siteWrapperElementMisplaced, "<\(name)> belongs to the page, not to a header or footer fragment; keep only what goes inside <body>, without <main>", at: at(node.line))
            }
            for attribute in node.attributes.keys.sorted() {
                let value = node.attributes[attribute] ?? ""
                if attribute.hasPrefix("on") {
                    log.error(.siteWrapperHandler, "'\(attribute)' on <\(name)> is script, which the pages' Content-Security-Policy blocks; remove it", at: at(node.line))
                } else if attribute == "style" {
                    log.warning(.siteWrapperStyleAttribute, "'style' on <\(name)> is blocked by the pages' Content-Security-Policy, so it will not apply; move it into the site's stylesheet", at: at(node.line))
                } else if addressAttributes.contains(attribute) {
                    if !URLPolicy.allows(value) {
                        log.error(.siteUrlRefused, URLPolicy.refusal(value, of: "'\(attribute)' on <\(name)>"), at: at(node.line))
                    } else if !value.isEmpty, !value.hasPrefix("/"), !value.hasPrefix("#"), !value.contains(":"), !value.hasPrefix("?") {
                        log.warning(.siteWrapperAddressRelative, "'\(value.prefix(80))' is relative, and Notice's pages are at different depths, so it would lead somewhere else from each; write it from the site's root (/\(value.prefix(60))) or in full", at: at(node.line))
                    }
                }
            }
        }
    }
}
