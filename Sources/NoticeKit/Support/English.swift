/// English wording for Notice's own messages (diagnostics and command summaries), which are in English;
/// what pages show comes from the theme's texts instead.
public enum English {
    /// "1 page", "3 pages": a count and a regular noun, plural when the count is not one.
    public static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
