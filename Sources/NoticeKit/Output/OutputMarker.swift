import Foundation

/// The `.notice-output` file in an output folder: every file the build wrote there, with its size.
///
/// It is what lets Notice replace its own output without `--force`. A marker only vouches for the
/// files it lists, so one copied into another folder protects that folder's own files rather than
/// exposing them. The list is the same for the same sources, so builds stay byte-identical.
struct OutputMarker: Equatable {
    typealias Kind = OutputKind

    static func heading(_ kind: Kind) -> String {
        """
        This folder is written by `\(kind.command)`. Its contents are replaced each time.
        notice replaces it without --force only while it holds exactly the files listed below.
        """
    }
    static let formatLine = "format: 1"
    static let kindPrefix = "kind: "

    /// Sizes in bytes by path below the output folder.
    var files: [String: Int]
    var kind: Kind

    init(files: [String: Int], kind: Kind = .build) {
        self.files = files
        self.kind = kind
    }

    /// Reads a marker; `nil` for one from an older notice (which listed nothing) or not a marker at all.
    init?(text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let format = lines.firstIndex(of: Substring(Self.formatLine)) else { return nil }
        lines = lines[(format + 1)...]
        kind = .build
        if let first = lines.first, first.hasPrefix(Self.kindPrefix) {
            guard let kind = Kind(rawValue: String(first.dropFirst(Self.kindPrefix.count))) else { return nil }
            self.kind = kind
            lines = lines.dropFirst()
        }
        var files: [String: Int] = [:]
        for line in lines where !line.isEmpty {
            guard let tab = line.firstIndex(of: "\t"), let size = Int(line[..<tab]),
                let path = String(line[line.index(after: tab)...]).removingPercentEncoding
            else { return nil }
            files[path] = size
        }
        self.files = files
    }

    var text: String {
        // A build's marker stays as it always was; other kinds say what they are.
        var text = Self.heading(kind) + "\n" + Self.formatLine + "\n" + (kind == .build ? "" : Self.kindPrefix + kind.rawValue + "\n")
        for (path, size) in files.sorted(by: { $0.key < $1.key }) {
            text += "\(size)\t\(Self.encode(path))\n"
        }
        return text
    }

    /// What is in a folder that this marker does not vouch for: files it does not list or whose size
    /// changed, links, and folders that hold none of its files; sorted, the marker itself left out.
    func foreignEntries(in entries: [FileSystem.Entry]) -> [String] {
        var folders = Set<String>()
        for path in files.keys {
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty, folders.insert(folder).inserted { folder = (folder as NSString).deletingLastPathComponent }
        }
        return entries.compactMap { entry -> String? in
            if entry.path == OutputWriter.markerName { return nil }
            switch entry.kind {
            case .folder: return folders.contains(entry.path) ? nil : entry.path + "/"
            case .file, .other: return files[entry.path] == entry.size ? nil : entry.path
            }
        }.sorted()
    }

    /// Paths are one a line: line breaks, tabs and `%` are percent-encoded.
    private static func encode(_ path: String) -> String {
        var encoded = ""
        for scalar in path.unicodeScalars {
            if scalar.value < 0x20 || scalar == "%" || scalar.value == 0x7F {
                encoded += String(format: "%%%02X", scalar.value)
            } else {
                encoded.unicodeScalars.append(scalar)
            }
        }
        return encoded
    }
}

/// What wrote a folder: one kind never replaces the other's folder (an audit report written over a built
/// site would leave the site without its home page, and the next build refusing the folder).
public enum OutputKind: String, Sendable {
    case build
    case auditReport = "audit-report"

    var command: String {
        switch self {
        case .build: "notice build"
        case .auditReport: "notice audit --report"
        }
    }

    /// A folder name to suggest.
    var usualFolder: String {
        switch self {
        case .build: "output/"
        case .auditReport: "audit-report/"
        }
    }
}
