/// What the `video` template gets: the video, where it plays, and the placeholder's texts until its
/// category is allowed.
struct VideoView: TemplateView {
    let title: String
    /// The privacy-enhanced player's address.
    let embedURL: String
    let watchURL: String
    /// YouTube or Vimeo.
    let provider: String
    /// The registry service's name.
    let service: String
    /// The id of the category that allows it.
    let category: String
    /// False for a strictly necessary service: embed it directly.
    let gated: Bool
    let text: String
    let button: String
    let link: String

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": .text(title)
        case "embedURL": .text(embedURL)
        case "watchURL": .text(watchURL)
        case "provider": .text(provider)
        case "service": .text(service)
        case "category": .text(category)
        case "gated": .flag(gated)
        case "text": .text(text)
        case "button": .text(button)
        case "link": .text(link)
        default: nil
        }
    }
}
