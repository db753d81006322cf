/// Typos a search forgives, as Typesense does by default: none in words of up to three
/// letters, one edit from four letters, two from seven. An edit is a letter added, left out,
/// changed, or two neighbouring letters swapped ("affordablity", "Licardo").
public enum TypoTolerance {
    public static func allowedEdits(_ word: String) -> Int {
        switch word.count {
        case ..<4: 0
        case ..<7: 1
        default: 2
        }
    }

    /// The edits between two words (optimal string alignment distance), or nil when more than
    /// `limit` (computed only as far as needed).
    public static func distance(_ a: String, _ b: String, limit: Int) -> Int? {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= limit ? max(a.count, b.count) : nil }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, previousPrevious[j - 2] + 1) }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return nil }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }

    /// The closest of `candidates` to `word` within the edits it allows, closest first, at most `limit`.
    public static func corrections(of word: String, among candidates: [String], limit: Int = 4) -> [String] {
        let allowed = allowedEdits(word)
        guard allowed > 0 else { return [] }
        return candidates.compactMap { candidate -> (String, Int)? in
            guard candidate != word, let distance = distance(word, candidate, limit: allowed) else { return nil }
            return (candidate, distance)
        }
        .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        .prefix(limit).map(\.0)
    }
}
