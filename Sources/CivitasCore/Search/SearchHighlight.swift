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

    /// Which words of a text a query matched, each distinct word folded and compared once for
    /// all the texts it is asked about (the results of one search say the same words again and
    /// again: folding each anew was a sixth of a search's time). One per search, not shared
    /// between tasks.
    public final class Matcher {
        let query: SearchQuery
        private let words: Set<String>
        private let reducedPrefix: String?
        /// By the word's bytes (`UTF8Table`): a word spelt with other bytes for the same
        /// letters is only folded once more.
        private var known = UTF8Table<Bool>()
        /// The first bytes a matched word may start with, as a bit per ASCII byte: a word of a
        /// text that starts with an ASCII letter or digit folds to that letter in lower case
        /// (or the digit) first, and neither folding nor reducing a plural changes a word's
        /// start. Most words of a result start otherwise and are answered without a lookup.
        private let possibleStarts: (low: UInt64, high: UInt64)

        public init(_ query: SearchQuery) {
            self.query = query
            words = Set(query.words + query.phrases.flatMap { $0 })
            reducedPrefix = query.prefix.map(SearchText.reduce)
            var starts: (low: UInt64, high: UInt64) = (0, 0)
            for start in (words + [query.prefix, reducedPrefix].compactMap { $0 }).compactMap(\.utf8.first) where start < 0x80 {
                if start < 64 { starts.low |= 1 << UInt64(start) } else { starts.high |= 1 << UInt64(start - 64) }
            }
            possibleStarts = starts
        }

        /// Whether a word starting with `byte` cannot match: a letter or digit that no word of
        /// the query starts with (in lower case).
        private func cannotMatch(startingWith byte: UInt8) -> Bool {
            let isDigit = byte >= 48 && byte <= 57
            let isUpper = byte >= 65 && byte <= 90
            guard isDigit || isUpper || (byte >= 97 && byte <= 122) else { return false }
            let folded = isUpper ? byte + 32 : byte
            return folded < 64 ? possibleStarts.low & (1 << UInt64(folded)) == 0 : possibleStarts.high & (1 << UInt64(folded - 64)) == 0
        }

        func matches(_ word: Substring) -> Bool {
            if let first = word.utf8.first, cannotMatch(startingWith: first) { return false }
            if let answer = known.value(for: word) { return answer }
            let folded = SearchText.fold(String(word))
            let reduced = SearchText.reduce(folded)
            var answer = words.contains(folded) || words.contains(reduced)
            if !answer, let prefix = query.prefix { answer = folded.hasPrefix(prefix) || reduced == reducedPrefix }
            known.set(answer, for: word)
            return answer
        }
    }

    /// Up to `length` characters of `text`, starting a little before the first match (the
    /// start of the text when nothing matches), with every word the query matched marked.
    public static func snippet(_ text: String, query: SearchQuery, length: Int = 240) -> [Piece] {
        snippet(text, matcher: Matcher(query), length: length)
    }

    /// The same, with the words compared by `matcher` (one for all the results of a search).
    public static func snippet(_ text: String, matcher: Matcher, length: Int = 240) -> [Piece] {
        let matches = matcher.matches
        // The words of the text with where each lies, read scalar by scalar (a letter's marks
        // stay in its word), up to the end of the snippet once the first match fixes where it begins.
        var spans: [Range<String.Index>] = []
        var matched: [Range<String.Index>] = []
        var from = text.startIndex
        var to: String.Index? = nil
        var start: String.Index? = nil
        func endWord(at end: String.Index) {
            guard let begun = start else { return }
            start = nil
            let span = begun..<end
            spans.append(span)
            guard matches(text[span]) else { return }
            if to == nil {
                from = spans[max(0, spans.count - 7)].lowerBound
                to = text.index(from, offsetBy: length, limitedBy: text.endIndex) ?? text.endIndex
            }
            matched.append(span)
        }
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            if let to, index >= to { break }
            if isWordScalar(scalars[index]) {
                if start == nil { start = index }
            } else {
                endWord(at: index)
            }
            index = scalars.index(after: index)
        }
        if index == scalars.endIndex { endWord(at: text.endIndex) }
        let end = to ?? (text.index(from, offsetBy: length, limitedBy: text.endIndex) ?? text.endIndex)
        var pieces: [Piece] = []
        var cursor = from
        for span in matched where span.lowerBound >= from && span.upperBound <= end {
            if cursor < span.lowerBound { pieces.append(Piece(String(text[cursor..<span.lowerBound]), isMatch: false)) }
            pieces.append(Piece(String(text[span]), isMatch: true))
            cursor = span.upperBound
        }
        if cursor < end { pieces.append(Piece(String(text[cursor..<end]), isMatch: false)) }
        if from > text.startIndex { pieces.insert(Piece("… ", isMatch: false), at: 0) }
        if end < text.endIndex { pieces.append(Piece(" …", isMatch: false)) }
        return pieces
    }

    /// Letters, digits, apostrophes and the marks that go with letters.
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 48 && value <= 57) || (value >= 65 && value <= 90) || (value >= 97 && value <= 122) || value == 39
        }
        if scalar == "\u{2019}" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }
}
