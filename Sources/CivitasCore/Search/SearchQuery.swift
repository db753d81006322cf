/// What a person typed into a search box, read as people expect: words in any order (all must
/// match), `"an exact phrase"`, `-word` to leave out records with it, and the last word matched
/// as the start of a word while it is being typed. Anything else typed (operators of a search
/// engine, stray quotes, punctuation) is read as words; nothing typed is an error.
public struct SearchQuery: Sendable, Equatable {
    /// Words every result must contain (normalised, see `SearchText`).
    public var words: [String] = []
    /// Phrases every result must contain, each its words in order.
    public var phrases: [[String]] = []
    /// Words no result may contain.
    public var excluded: [String] = []
    /// The last word as typed (folded, not reduced), matched as a prefix of a word; nil when
    /// the text ends with a space, a quote or an excluded word.
    public var prefix: String?
    /// The indexed words the prefix completes to, when the index has listed them (a few): the
    /// full-text index then looks those words up instead of merging every word's list that
    /// starts with the prefix.
    public var prefixCompletions: [String]?

    /// The most characters of a query read; the rest is ignored.
    public static let maximumLength = 500
    /// The most words, phrases and exclusions together; more are ignored.
    public static let maximumTerms = 16

    public var isEmpty: Bool { words.isEmpty && phrases.isEmpty && prefix == nil }

    /// Every word a result is expected to show (for highlighting), folded.
    public var highlighted: [String] { words + phrases.flatMap { $0 } + (prefix.map { [$0] } ?? []) }

    public init(words: [String] = [], phrases: [[String]] = [], excluded: [String] = [], prefix: String? = nil) {
        self.words = words
        self.phrases = phrases
        self.excluded = excluded
        self.prefix = prefix
    }

    public init(parsing typed: String) {
        let text = String(typed.prefix(Self.maximumLength))
        var terms = 0
        var rest = Substring(text)
        while let start = rest.firstIndex(where: { !$0.isWhitespace }), terms < Self.maximumTerms {
            rest = rest[start...]
            if rest.first == "\"" {
                // A phrase runs to the next quote, or to the end when the quote is never closed.
                let body = rest.dropFirst()
                let end = body.firstIndex(of: "\"") ?? body.endIndex
                let phrase = SearchText.words(String(body[..<end]))
                if phrase.count == 1 { words.append(phrase[0]) } else if !phrase.isEmpty { phrases.append(phrase) }
                terms += phrase.isEmpty ? 0 : 1
                rest = end == body.endIndex ? body[end...] : body[body.index(after: end)...]
                continue
            }
            let end = rest.firstIndex(where: \.isWhitespace) ?? rest.endIndex
            let token = rest[..<end]
            rest = rest[end...]
            let isLast = end == text.endIndex
            if token.first == "-", token.count > 1 {
                excluded += SearchText.words(String(token.dropFirst()))
                terms += 1
                continue
            }
            let raw = SearchText.rawWords(String(token))
            guard !raw.isEmpty else { continue }
            terms += 1
            for (index, word) in raw.enumerated() {
                if isLast, index == raw.count - 1, !typed.hasSuffix(" ") {
                    prefix = word
                } else {
                    words.append(SearchText.reduce(word))
                }
            }
        }
    }
}
