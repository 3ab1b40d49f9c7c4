import Foundation

/// The `.notice-output` file in an output folder: every file the build wrote there, with its size.
///
/// It is what lets Notice replace its own output without `--force`. A marker only vouches for the
/// files it lists, so one copied into another folder protects that folder's own files rather than
/// exposing them. The list is the same for the same sources, so builds stay byte-identical.
struct OutputMarker: Equatable {
    static let heading = """
        This folder is written by `notice build`. Its contents are replaced on every build.
        notice replaces it without --force only while it holds exactly the files listed below.
        """
    static let formatLine = "format: 1"

    /// Sizes in bytes by path below the output folder.
    var files: [String: Int]

    init(files: [String: Int]) {
        self.files = files
    }

    /// Reads a marker; `nil` for one from an older notice (which listed nothing) or not a marker at all.
    init?(text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let format = lines.firstIndex(of: Substring(Self.formatLine)) else { return nil }
        lines = lines[(format + 1)...]
        var files: [String: Int] = [:]
        for line in lines where !line.isEmpty {
            guard let tab = line.firstIndex(of: "\t"), let size = Int(line[..<tab]),
                  let path = String(line[line.index(after: tab)...]).removingPercentEncoding else { return nil }
            files[path] = size
        }
        self.files = files
    }

    var text: String {
        var text = Self.heading + "\n" + Self.formatLine + "\n"
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
