import Foundation

/// Text as the search index keeps it and queries ask for it: words folded to lower case
/// without accents ("São" is "sao"), apostrophes dropped ("Workers'" is "workers"), and each
/// word reduced by a light English plural rule ("cities" is "city", "taxes" is "tax"). Done
/// here, in Swift, and stored already normalised, so SQLite's FTS5 and PostgreSQL's full-text
/// search index the same words and find the same records for the same data.
public enum SearchText {
    /// Words shorter than this are kept (they may be part of a name) but never reduced.
    static let shortestReducible = 4

    /// The words of `text`, folded and reduced, in order.
    public static func words(_ text: String) -> [String] {
        rawWords(text).map(reduce)
    }

    /// The words folded but not reduced (a word being typed is matched as a prefix of these).
    ///
    /// Most text is plain ASCII, whose folding is lowercasing: pieces between ASCII separators
    /// are lowercased byte by byte, and only a piece holding other characters goes through
    /// Foundation's folding (which took most of the time of indexing a large network).
    public static func rawWords(_ text: String) -> [String] {
        var words: [String] = []
        var piece: [UInt8] = []
        var pieceIsASCII = true
        func endPiece() {
            defer { piece.removeAll(keepingCapacity: true); pieceIsASCII = true }
            guard !piece.isEmpty else { return }
            if pieceIsASCII {
                let letters = piece.filter { $0 != UInt8(ascii: "'") }.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
                if !letters.isEmpty { words.append(String(decoding: letters, as: UTF8.self)) }
            } else {
                words += foldedWords(String(decoding: piece, as: UTF8.self))
            }
        }
        for byte in text.utf8 {
            if byte >= 0x80 {
                pieceIsASCII = false
                piece.append(byte)
            } else if (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == UInt8(ascii: "'") {
                piece.append(byte)
            } else {
                endPiece()
            }
        }
        endPiece()
        return words
    }

    /// The words of a piece of text with characters beyond ASCII, folded by Foundation.
    private static func foldedWords(_ text: String) -> [String] {
        let folded = fold(text)
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}" {
                continue
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Neighbouring words written together ("Bill de Blasio" gives "billde" and "deblasio"), so
    /// that a name typed without its space is found.
    public static func joinedPairs(_ words: [String]) -> [String] {
        guard words.count > 1 else { return [] }
        return (1..<words.count).map { words[$0 - 1] + words[$0] }
    }

    /// The index's form of a text: its words joined by spaces.
    public static func indexed(_ text: String) -> String { words(text).joined(separator: " ") }

    /// Lower case, without accents or other marks; ligatures and similar letters spelled out.
    public static func fold(_ text: String) -> String {
        // Plain ASCII folds to its lowercase: no call into Foundation (snippets fold every word
        // of every result shown).
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
        }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            .replacingOccurrences(of: "ß", with: "ss").replacingOccurrences(of: "æ", with: "ae")
            .replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "ø", with: "o").replacingOccurrences(of: "ł", with: "l")
    }

    /// The singular of a regular English plural ("cities" city, "churches" church, "cars" car);
    /// other words unchanged. Deliberately small: a wrong reduction would join unrelated words.
    ///
    /// Snippets reduce every word of every result shown: most words do not end in "s" and are
    /// answered at the first byte looked at, and plain ASCII words are measured and checked
    /// byte by byte (through `Character`s and `CharacterSet` this was a sixth of a search's time).
    public static func reduce(_ word: String) -> String {
        let bytes = word.utf8
        guard bytes.last == UInt8(ascii: "s") else { return word }
        let isASCII = bytes.allSatisfy { $0 < 0x80 }
        let length = isASCII ? bytes.count : word.count
        guard length >= shortestReducible, !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is") else { return word }
        let allLetters = isASCII ? bytes.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) }
            : word.unicodeScalars.allSatisfy { letters.contains($0) }
        guard allLetters else { return word }
        if word.hasSuffix("ies"), length > 4 { return String(word.dropLast(3)) + "y" }
        for ending in ["ches", "shes", "xes", "sses", "zes"] where word.hasSuffix(ending) { return String(word.dropLast(2)) }
        return String(word.dropLast())
    }

    /// Made once: `CharacterSet.letters` builds a new set at every use.
    private static let letters = CharacterSet.letters
}
