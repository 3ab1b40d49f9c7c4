/// What the `video` template gets: the video, where it plays, and the placeholder's texts until its
/// category is allowed.
struct VideoView: TypedTemplateView {
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

    static let fields = TemplateFields<Self>([
        .text("title") { $0.title },
        .text("embedURL") { $0.embedURL },
        .text("watchURL") { $0.watchURL },
        .text("provider") { $0.provider },
        .text("service") { $0.service },
        .text("category") { $0.category },
        .flag("gated") { $0.gated },
        .text("text") { $0.text },
        .text("button") { $0.button },
        .text("link") { $0.link },
    ])
}
