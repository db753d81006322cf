import Foundation

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

    /// The values of a `facet_values` column, read byte by byte (a thousand rows are read per
    /// search; splitting them as `Character`s took a third of a search's time).
    static func values(inColumn column: String) -> [SearchFacetValue] {
        var column = column
        column.makeContiguousUTF8()
        return column.utf8.withContiguousStorageIfAvailable { bytes in
            var values: [SearchFacetValue] = []
            var fields: [String] = []
            var start = 0
            for position in 0...bytes.count {
                let atEnd = position == bytes.count
                guard atEnd || bytes[position] == 0x1F || bytes[position] == 0x1E else { continue }
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
                start = position + 1
                if atEnd || bytes[position] == 0x1E {
                    if fields.count == 3 { values.append(SearchFacetValue(facet: fields[0], value: fields[1], label: fields[2])) }
                    fields.removeAll(keepingCapacity: true)
                }
            }
            return values
        } ?? []
    }
}
