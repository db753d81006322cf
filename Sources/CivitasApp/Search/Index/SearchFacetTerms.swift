import Foundation
import CivitasCore

/// An entry's facet values as the full-text index holds them, so that a search with facets
/// chosen is one full-text match: the index intersects the lists of the query's words and of
/// the chosen values, instead of reading every record under a value (at 1,000,000 records,
/// `kind=practice` is 150,000 keys gathered for each search) and checking each match against them.
///
/// Each entry also keeps its values in a column of its own (`facet_values`), read with the
/// sample of matches, so that facet counts come from the rows already read.
enum SearchFacetTerms {
    /// The FTS5 token of a value (SQLite): letters and digits only, as the tokenizer keeps
    /// them: `zf`, the facet's initial, and a 64-bit hash of the value. The token lives in a
    /// column of its own (`facets`), which the query's words never search.
    static func token(facet: String, value: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a: the same on every machine
        for byte in (facet + "\u{1F}" + value).utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let hex = String(hash, radix: 16)
        return "zf" + String(facet.prefix(1)) + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The lexeme of a value in PostgreSQL's `tsvector`: it starts with `=`, which no word of a
    /// query holds, so a word or a prefix being typed never matches it.
    static func lexeme(facet: String, value: String) -> String { "=" + facet + "=" + value }

    /// The FTS5 condition of chosen values: OR within a facet, AND across facets. Nil when
    /// nothing is chosen.
    static func fts5(_ filters: [SearchFacet: [String]]) -> String? {
        let groups = SearchFacet.allCases.compactMap { facet -> String? in
            guard let values = filters[facet], !values.isEmpty else { return nil }
            return "(" + values.map { token(facet: facet.rawValue, value: $0) }.joined(separator: " OR ") + ")"
        }
        return groups.isEmpty ? nil : "facets : (" + groups.joined(separator: " AND ") + ")"
    }

    /// The FTS5 condition "counted under any of these values", whatever their facets (the
    /// values a query names, whose records rank first).
    static func fts5(anyOf values: [SearchFacetValue]) -> String? {
        values.isEmpty ? nil : "facets : (" + values.map { token(facet: $0.facet, value: $0.value) }.joined(separator: " OR ") + ")"
    }

    /// The same as a `tsquery` (PostgreSQL).
    static func tsquery(anyOf values: [SearchFacetValue]) -> String? {
        values.isEmpty ? nil : "(" + values.map { quoted(lexeme(facet: $0.facet, value: $0.value)) }.joined(separator: " | ") + ")"
    }

    /// The same as a `tsquery` (PostgreSQL), each lexeme quoted as `tsquery` input reads it.
    static func tsquery(_ filters: [SearchFacet: [String]]) -> String? {
        let groups = SearchFacet.allCases.compactMap { facet -> String? in
            guard let values = filters[facet], !values.isEmpty else { return nil }
            return "(" + values.map { quoted(lexeme(facet: facet.rawValue, value: $0)) }.joined(separator: " | ") + ")"
        }
        return groups.isEmpty ? nil : groups.joined(separator: " & ")
    }

    /// A lexeme between quotes, with quotes and backslashes escaped.
    private static func quoted(_ lexeme: String) -> String {
        "'" + lexeme.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
    }

    // `facet_values`: each value as facet, value and label, the fields and values apart by
    // control characters no single-line field may hold.
    private static let fieldSeparator: Character = "\u{1F}"
    private static let valueSeparator: Character = "\u{1E}"

    static func column(_ values: some Collection<SearchFacetValue>) -> String {
        values.sorted { ($0.facet, $0.value) < ($1.facet, $1.value) }
            .map { $0.facet + String(fieldSeparator) + $0.value + String(fieldSeparator) + $0.label }
            .joined(separator: String(valueSeparator))
    }

    /// What a `facet_values` column holds, with a value separator put before it, exactly when
    /// the entry is counted under `value`: the separator, its facet, its value and the field
    /// separator (values and labels hold no control characters).
    static func needle(for value: SearchFacetValue) -> String {
        String(valueSeparator) + value.facet + String(fieldSeparator) + value.value + String(fieldSeparator)
    }

    /// Reads the `facet_values` of many entries (a search's sample of a thousand matches),
    /// making each distinct value once: every entry gets the positions of its values in
    /// `values`. Making three strings of every value of every entry, then hashing them to count
    /// them, was a fifth of a common word's search.
    struct Reader: Sendable {
        private(set) var values: [SearchFacetValue] = []
        /// A value's facet and value as the column holds them (`facet` \u{1F} `value`), by their
        /// bytes (`UTF8Table`: a `Substring` key hashed a column holding an accented label by its
        /// normalized scalars, a sixth of a one-word search's server time).
        private var known = UTF8Table<Int>()

        mutating func positions(inColumn column: String) -> [Int] {
            positions(inColumn: Substring(column))
        }

        /// The same, for a column read as part of a longer text (`SearchIndex.sampledRows`).
        mutating func positions(inColumn column: Substring) -> [Int] {
            if let found = column.utf8.withContiguousStorageIfAvailable({ positions(inBytes: UnsafeRawBufferPointer($0)) }) { return found }
            return Array(column.utf8).withUnsafeBytes { positions(inBytes: $0) }
        }

        /// The same, for a column's bytes (as SQLite holds them: `SearchIndex.sampledRows`).
        mutating func positions(inBytes bytes: UnsafeRawBufferPointer) -> [Int] {
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return [] }
            var found: [Int] = []
            var start = 0
            // Each value (facet, value and label apart by two field separators) up to the next
            // value separator, found by `memchr` rather than byte by byte in Swift: a sample's
            // columns are 100 KB or more.
            while start <= bytes.count {
                let end = ByteSearch.offset(of: 0x1E, in: base, from: start, to: bytes.count) ?? bytes.count
                if let first = ByteSearch.offset(of: 0x1F, in: base, from: start, to: end),
                   let second = ByteSearch.offset(of: 0x1F, in: base, from: first + 1, to: end),
                   ByteSearch.offset(of: 0x1F, in: base, from: second + 1, to: end) == nil {
                    let facetAndValue = UnsafeRawBufferPointer(rebasing: bytes[start..<second])
                    if let position = known.value(for: facetAndValue) {
                        found.append(position)
                    } else {
                        let value = SearchFacetValue(facet: Self.text(bytes[start..<first]),
                                                     value: Self.text(bytes[(first + 1)..<second]),
                                                     label: Self.text(bytes[(second + 1)..<end]))
                        known.set(values.count, for: facetAndValue)
                        found.append(values.count)
                        values.append(value)
                    }
                }
                start = end + 1
            }
            return found
        }

        private static func text(_ bytes: Slice<UnsafeRawBufferPointer>) -> String {
            String(decoding: UnsafeRawBufferPointer(rebasing: bytes), as: UTF8.self)
        }
    }
}
