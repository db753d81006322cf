/// A snippet of a record's text around the first word a query matched, cut into pieces that
/// are either plain text or a matched word. Pages escape each piece and mark the matched ones,
/// so nothing in a record's text can end or forge a highlight.
public enum SearchHighlight {
    public struct Piece: Equatable, Sendable {
        public let text: String
        public let isMatch: Bool
        public init(_ text: String, isMatch: Bool) {
            self.text = text
            self.isMatch = isMatch
        }
    }

    /// Up to `length` characters of `text`, starting a little before the first match (the
    /// start of the text when nothing matches), with every word the query matched marked.
    public static func snippet(_ text: String, query: SearchQuery, length: Int = 240) -> [Piece] {
        let words = Set(query.words + query.phrases.flatMap { $0 })
        func matches(_ word: Substring) -> Bool {
            let folded = SearchText.fold(String(word))
            let reduced = SearchText.reduce(folded)
            if words.contains(folded) || words.contains(reduced) { return true }
            if let prefix = query.prefix { return folded.hasPrefix(prefix) || reduced == SearchText.reduce(prefix) }
            return false
        }
        // The words of the text with where each lies.
        var spans: [Range<String.Index>] = []
        var start: String.Index? = nil
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isLetter || character.isNumber || character == "'" || character == "\u{2019}" {
                if start == nil { start = index }
            } else if let begun = start {
                spans.append(begun..<index)
                start = nil
            }
            index = text.index(after: index)
        }
        if let begun = start { spans.append(begun..<text.endIndex) }
        let matched = spans.filter { matches(text[$0]) }
        // Begin a few words before the first match, at a word's start.
        var from = text.startIndex
        if let first = matched.first, let position = spans.firstIndex(of: first) {
            from = spans[max(0, position - 6)].lowerBound
        }
        let to = text.index(from, offsetBy: length, limitedBy: text.endIndex) ?? text.endIndex
        var pieces: [Piece] = []
        var cursor = from
        for span in matched where span.lowerBound >= from && span.upperBound <= to {
            if cursor < span.lowerBound { pieces.append(Piece(String(text[cursor..<span.lowerBound]), isMatch: false)) }
            pieces.append(Piece(String(text[span]), isMatch: true))
            cursor = span.upperBound
        }
        if cursor < to { pieces.append(Piece(String(text[cursor..<to]), isMatch: false)) }
        if from > text.startIndex { pieces.insert(Piece("… ", isMatch: false), at: 0) }
        if to < text.endIndex { pieces.append(Piece(" …", isMatch: false)) }
        return pieces
    }
}
