import Foundation

/// ```` ```video url=… title="…" ````: a YouTube or Vimeo video that loads only once its category is
/// allowed, with an accessible placeholder (and a link to watch on the host's site) until then.
struct VideoDirective: DirectiveHandler {
    let name = "video"
    let argumentNames = ["url", "title", "service"]

    /// A video host Notice knows how to embed without tracking where the host allows it.
    struct Host {
        var provider: String
        /// The registry service id used when the directive names none.
        var serviceID: String
        var embedURL: String
        var watchURL: String
    }

    func render(_ directive: Directive, in context: RenderContext, log: inout DiagnosticLog) -> String? {
        guard rejectUnknownArguments(of: directive, log: &log) else { return nil }
        guard let address = directive["url"], !address.isEmpty else {
            log.error(.pageVideoUrlMissing, "say which video to show: write url=https://www.youtube.com/watch?v=… (or a Vimeo address) after video", at: directive.location)
            return nil
        }
        guard let title = directive["title"], !title.isEmpty else {
            log.error(.pageVideoTitleMissing, "give the video a title, such as title=\"Our libraries\", so that screen-reader users know what it is", at: directive.location)
            return nil
        }
        guard URLPolicy.allows(address) else {
            log.error(.pageUrlRefused, URLPolicy.refusal(address, of: "this video"), at: directive.location)
            return nil
        }
        guard let host = Self.host(for: address) else {
            log.error(.pageVideoProviderUnknown, "'\(address)' is not a YouTube or Vimeo video address; use a link such as https://www.youtube.com/watch?v=ID or https://vimeo.com/ID", at: directive.location)
            return nil
        }
        let serviceID = directive["service"] ?? host.serviceID
        guard let service = context.registry.service(id: serviceID),
            let category = context.registry.category(id: service.categoryID)
        else {
            guard context.registryIsComplete else { return "" }
            log.error(.pageVideoServiceMissing, "the video is on \(host.provider), but the registry has no service '\(serviceID)'; add it with the cookies \(host.provider) sets, or name the service with service=ID", at: directive.location)
            return nil
        }
        let categoryName = Self.lowercasingFirstLetter(category.title, language: context.config.language)
        let view = VideoView(
            title: title, embedURL: host.embedURL, watchURL: host.watchURL, provider: host.provider, service: service.name,
            category: category.id, gated: !category.necessary,
            text: context.text("consent.embed.text", ["provider": host.provider, "category": categoryName]),
            button: context.text("consent.embed.button", ["category": categoryName]),
            link: context.text("consent.embed.link", ["title": title, "provider": host.provider]))
        return context.renderTemplate("video", view, for: directive, log: &log)
    }

    /// The host of a video address, with the privacy-friendly embed address.
    static func host(for address: String) -> Host? {
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http",
            let hostName = url.host?.lowercased()
        else { return nil }
        let segments = url.path.split(separator: "/").map(String.init)
        let domain = hostName.hasPrefix("www.") ? String(hostName.dropFirst(4)) : hostName
        var youTubeID: String?
        switch domain {
        case "youtube.com", "m.youtube.com", "youtube-nocookie.com":
            if segments.first == "watch" {
                youTubeID = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems?.first { $0.name == "v" }?.value
            } else if segments.count == 2, ["embed", "shorts", "live"].contains(segments[0]) {
                youTubeID = segments[1]
            }
        case "youtu.be":
            youTubeID = segments.first
        case "vimeo.com", "player.vimeo.com":
            guard let id = segments.last, id.allSatisfy(\.isNumber), !id.isEmpty else { return nil }
            // dnt=1: Vimeo's player sets no tracking cookies (the seed's "DNT parameter").
            return Host(
                provider: "Vimeo", serviceID: "vimeo", embedURL: "https://player.vimeo.com/video/\(id)?dnt=1",
                watchURL: "https://vimeo.com/\(id)")
        default:
            return nil
        }
        guard let id = youTubeID, !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            return nil
        }
        // youtube-nocookie.com is YouTube's privacy-enhanced mode, as the seed policy describes.
        return Host(
            provider: "YouTube", serviceID: "youtube", embedURL: "https://www.youtube-nocookie.com/embed/\(id)",
            watchURL: "https://www.youtube.com/watch?v=\(id)")
    }

    /// "Functional cookies" reads "accept functional cookies" inside an English sentence; other
    /// languages keep the title as written.
    static func lowercasingFirstLetter(_ title: String, language: String) -> String {
        guard language.lowercased().hasPrefix("en"), let first = title.first else { return title }
        return first.lowercased() + title.dropFirst()
    }
}
