public import Foundation

/// How Notice writes JSON, in one place: keys sorted (so the same input always gives the same bytes) and
/// slashes left as they are (`https://`, not `https:\/\/`).
public enum JSONOutput {
    /// For people and files they may read: indented.
    public static func readable() -> JSONEncoder {
        encoder([.prettyPrinted])
    }

    /// For the consent scripts, which every page downloads: no spaces.
    public static func compact() -> JSONEncoder {
        encoder([])
    }

    private static func encoder(_ extra: JSONEncoder.OutputFormatting) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = extra.union([.sortedKeys, .withoutEscapingSlashes])
        return encoder
    }
}
