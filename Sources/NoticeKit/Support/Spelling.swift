/// Finds the nearest known word to a misspelt one, for "did you mean" suggestions.
enum Spelling {
    /// The end of a message that suggests a word: "; did you mean 'x'?", or `otherwise` when there is
    /// none. Every "did you mean" Notice writes is worded here.
    static func suggestion(_ word: String?, otherwise: String = "") -> String {
        word.map { "; did you mean '\($0)'?" } ?? otherwise
    }

    /// The suggestion for the known word nearest to `word` (see `nearest`).
    static func suggestion(for word: String, in candidates: some Sequence<String>, otherwise: String = "") -> String {
        suggestion(nearest(to: word, in: candidates), otherwise: otherwise)
    }

    /// The closest candidate within a small edit distance, ignoring case, or else the shortest candidate
    /// the word begins; `nil` when nothing is close.
    static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
        let lowered = word.lowercased()
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            let limit = max(1, min(3, candidate.count / 3))
            guard distance <= limit else { continue }
            if best == nil || distance < best!.distance {
                best = (candidate, distance)
            }
        }
        if let best { return best.candidate }
        // A word that is the start of a longer one ("analytics" for "analytics-cookies").
        guard lowered.count >= 3 else { return nil }
        return candidates.filter { $0.lowercased().hasPrefix(lowered) }.min { $0.count < $1.count }
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
