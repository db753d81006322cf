import CivitasCore
@testable import CivitasApp
import Foundation
import Testing

/// How typed text becomes a query, and how a record's text is normalised for the index.
@Suite("Reading what a person types into a search box")
struct SearchQueryTests {
    @Test("Case, accents and simple plurals fold; apostrophes join")
    func normalising() {
        #expect(SearchText.words("São Paulo, BOGOTÁ") == ["sao", "paulo", "bogota"])
        #expect(SearchText.words("cities churches taxes cars bus analysis Workers’ rights") == ["city", "church", "tax", "car", "bus", "analysis", "worker", "right"])
        #expect(SearchText.words("Straße Œuvre") == ["strasse", "oeuvre"])
    }

    @Test("Only a regular plural of four letters or more, all of them letters, is reduced")
    func plurals() {
        let reduced = ["cities": "city", "churches": "church", "wishes": "wish", "taxes": "tax", "buzzes": "buzz", "cars": "car",
                       "ties": "tie", "cafés": "café", "naïves": "naïve", "ﬁles": "ﬁle", "ábcs": "ábc"]
        for (plural, singular) in reduced { #expect(SearchText.reduce(plural) == singular, "\(plural)") }
        let kept = ["bus", "gas", "class", "campus", "analysis", "city", "r2ds", "co-ops", "ños", "s", "", "plans\u{0301}", "naïve"]
        for word in kept { #expect(SearchText.reduce(word) == word, "\(word)") }
    }

    @Test("Plain ASCII pieces are read byte by byte into exactly the words Foundation's folding gives")
    func asciiFastPathAgreesWithFolding() {
        // The whole text folded by Foundation, then split: how every word was read before.
        func folded(_ text: String) -> [String] {
            var words: [String] = [], current = ""
            for scalar in SearchText.fold(text).unicodeScalars {
                if CharacterSet.alphanumerics.contains(scalar) { current.unicodeScalars.append(scalar) }
                else if scalar == "'" || scalar == "\u{2019}" { continue }
                else if !current.isEmpty { words.append(current); current = "" }
            }
            if !current.isEmpty { words.append(current) }
            return words
        }
        var random = SeededRandom(seed: 9)
        var texts = ["", "   ", "City's O'Brien—Zürich…São Paulo\u{00A0}Bogotá", "ÀÉÎõü ß æ œ ø ł x²", "a'b ''' 'x' don’t",
                     "MIXED case WORDS 42nd 3.5% C++ e-mail", "tab\tnew\nline\u{0}null", "日本語 テキスト", "emoji 😀 here", "Ｆｕｌｌ ｗｉｄｔｈ"]
        for _ in 0..<200 { texts.append(PolicyText.paragraphs(&random, place: random.pick(PolicyText.placeNames))) }
        for text in texts { #expect(SearchText.rawWords(text) == folded(text), "\(text.prefix(60))") }
        // Folding plain ASCII by hand gives what Foundation gives.
        for text in texts where text.utf8.allSatisfy({ $0 < 0x80 }) {
            #expect(SearchText.fold(text) == text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX")))
        }
    }

    @Test("Words, phrases, exclusions and the word being typed")
    func parsing() {
        let query = SearchQuery(parsing: #"water "public utility" -detroit afford"#)
        #expect(query.words == ["water"])
        #expect(query.phrases == [["public", "utility"]])
        #expect(query.excluded == ["detroit"])
        #expect(query.prefix == "afford")
        #expect(SearchQuery(parsing: "cities ").prefix == nil && SearchQuery(parsing: "cities ").words == ["city"], "a finished word is reduced")
        #expect(SearchQuery(parsing: #""unclosed phrase here"#).phrases == [["unclosed", "phrase", "here"]])
    }

    @Test("Operators and punctuation are read as words; long text is cut; nothing is an error")
    func hostileQueries() {
        for typed in [#"NEAR("a" "b")"#, "*", ":", "^", "\"", "a:b* OR c^2", "((((", String(repeating: "é", count: 10_000), "\u{0}\u{7}"] {
            let query = SearchQuery(parsing: typed)
            for word in query.words + query.phrases.flatMap({ $0 }) + query.excluded + [query.prefix].compactMap({ $0 }) {
                #expect(word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil }, "\(word) from \(typed.prefix(20))")
            }
            #expect(query.words.count + query.phrases.count <= SearchQuery.maximumTerms)
        }
        #expect(SearchQuery(parsing: "***").isEmpty)
    }

    @Test("A snippet marks the words matched, whatever the case and accents of the text")
    func snippets() {
        let pieces = SearchHighlight.snippet("Plans for São Paulo and other Cities", query: SearchQuery(parsing: "sao city "))
        #expect(pieces.filter(\.isMatch).map(\.text) == ["São", "Cities"])
        #expect(pieces.map(\.text).joined() == "Plans for São Paulo and other Cities")
        let long = String(repeating: "filler ", count: 100) + "the water plan"
        let cut = SearchHighlight.snippet(long, query: SearchQuery(parsing: "water "))
        #expect(cut.first?.text == "… " && cut.contains { $0.isMatch && $0.text == "water" })
        // Accents written as a letter and its mark stay in their word.
        let decomposed = SearchHighlight.snippet("Plans for Sa\u{0303}o Paulo", query: SearchQuery(parsing: "sao "))
        #expect(decomposed.filter(\.isMatch).map(\.text) == ["Sa\u{0303}o"])
        // The snippet ends after `length` characters, marking only the matches inside it.
        let many = "water " + String(repeating: "plan ", count: 100) + "water"
        let ended = SearchHighlight.snippet(many, query: SearchQuery(parsing: "water "), length: 40)
        #expect(ended.filter(\.isMatch).count == 1 && ended.last?.text == " …")
        #expect(ended.dropLast().map(\.text).joined() == String(many.prefix(40)))
        // Nothing matched: the start of the text.
        let none = SearchHighlight.snippet(String(repeating: "plan ", count: 100), query: SearchQuery(parsing: "water "), length: 20)
        #expect(none.map(\.text) == [String(repeating: "plan ", count: 4), " …"])
        // A word whose first letter no word of the query starts with is passed over unlooked-up;
        // capitals, digits, an accented first letter, plurals and a prefix being typed still match.
        let starts = SearchHighlight.snippet("Évora in 2019: Participatory budgets, a Budget for évora, and 2020", query: SearchQuery(parsing: "evora 2019 budget partic"))
        #expect(starts.filter(\.isMatch).map(\.text) == ["Évora", "2019", "Participatory", "budgets", "Budget", "évora"])
        // One matcher for all the results of a search marks each as a matcher of its own would.
        let texts = ["Plans for São Paulo and other Cities", long, many, "WATER plans; Sao Paulo's water", "cities, Cities and CITIES"]
        for typed in ["sao city ", "water ", "plan", "citi"] {
            let shared = SearchHighlight.Matcher(SearchQuery(parsing: typed))
            for text in texts + texts.reversed() {
                #expect(SearchHighlight.snippet(text, matcher: shared) == SearchHighlight.snippet(text, query: SearchQuery(parsing: typed)), "\(typed)")
            }
        }
    }

    @Test("An entry's facet values read back from its column as they were written")
    func facetColumn() {
        let values: Set<SearchFacetValue> = [SearchFacetValue(facet: "topic", value: "housing", label: "Housing"),
                                             SearchFacetValue(facet: "city", value: "area-sao-paulo", label: "São Paulo"),
                                             SearchFacetValue(facet: "kind", value: "practice", label: "")]
        var reader = SearchFacetTerms.Reader()
        let first = reader.positions(inColumn: SearchFacetTerms.column(values))
        #expect(Set(first.map { reader.values[$0] }) == values)
        #expect(reader.positions(inColumn: "").isEmpty)
        // Another entry's column: the values it shares with the first are the same positions.
        let other: Set<SearchFacetValue> = [SearchFacetValue(facet: "topic", value: "housing", label: "Housing"),
                                            SearchFacetValue(facet: "topic", value: "water", label: "Water and sanitation")]
        let second = reader.positions(inColumn: SearchFacetTerms.column(other))
        #expect(Set(second.map { reader.values[$0] }) == other && reader.values.count == 4)
        #expect(Set(first).intersection(second).map { reader.values[$0].value } == ["housing"])
        // A piece without its label, or with a field too many, counts under nothing.
        let damaged = "topic\u{1F}housing\u{1E}" + SearchFacetTerms.column(other) + "\u{1E}topic\u{1F}water\u{1F}Water\u{1F}more\u{1E}"
        #expect(reader.positions(inColumn: damaged) == second && reader.values.count == 4)
        #expect(SearchFacetTerms.token(facet: "kind", value: "practice") != SearchFacetTerms.token(facet: "kind", value: "news"))
        #expect(SearchFacetTerms.token(facet: "kind", value: "practice").allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
    }

    @Test("Facet counts: the most first, ties by label then value byte by byte, a few per facet, exact or scaled")
    func facetCountsOrder() {
        // Forty cities (counts tie in threes, labels tie in pairs, some accented) and two topics,
        // spread over sampled entries by a fixed rule.
        var values: [SearchFacetValue] = (0..<40).map { index in
            SearchFacetValue(facet: "city", value: "area-\(String(format: "%02d", 39 - index))",
                             label: ["Zürich", "Zurich", "Ålesund", "Aarhus", "Bogotá", "Bogota"][index % 6] + " \(index / 12)")
        }
        values += [SearchFacetValue(facet: "topic", value: "water", label: "Water"), SearchFacetValue(facet: "topic", value: "housing", label: "Housing")]
        var entries: [SearchIndex.MatchSample.Entry] = []
        for (position, _) in values.enumerated() {
            for _ in 0..<(1 + position % 3 + (position == 40 ? 5 : 0)) {
                entries.append(.init(facets: [position], inTitle: false))
            }
        }
        func expected(scale: Double?) -> [SearchFacet: [SearchFacetCount]] {
            var all: [SearchFacet: [SearchFacetCount]] = [:]
            for (position, value) in values.enumerated() {
                let count = entries.count { $0.facets.contains(position) }
                let shown = scale.map { SearchIndex.roughly(Int((Double(count) * $0).rounded())) } ?? count
                all[SearchFacet(rawValue: value.facet)!, default: []].append(SearchFacetCount(value: value.value, label: value.label, count: shown))
            }
            return all.mapValues { counts in
                Array(counts.sorted {
                    if $0.count != $1.count { return $0.count > $1.count }
                    if Array($0.label.utf8) != Array($1.label.utf8) { return Array($0.label.utf8).lexicographicallyPrecedes(Array($1.label.utf8)) }
                    return Array($0.value.utf8).lexicographicallyPrecedes(Array($1.value.utf8))
                }.prefix(SearchIndex.valuesPerFacet))
            }
        }
        let exact = SearchIndex.MatchSample(entries: entries, values: values, total: entries.count)
        #expect(exact.facetCounts == expected(scale: nil))
        #expect(exact.facetCounts[.city]?.count == SearchIndex.valuesPerFacet && exact.facetCounts[.topic]?.map(\.value) == ["water", "housing"])
        #expect(exact.facetCounts[.city]?.first?.count == 3)
        let estimated = SearchIndex.MatchSample(entries: entries, values: values, total: entries.count * 1_000)
        #expect(estimated.facetCounts == expected(scale: 1_000))
    }

    @Test("Text compared and looked up by its bytes")
    func bytesOfText() {
        let composed = "S\u{E3}o Paulo", decomposed = "Sa\u{303}o Paulo"
        #expect(composed == decomposed, "the same text to Swift")
        #expect(composed.utf8Compared(to: decomposed) != 0 && composed.utf8Compared(to: composed) == 0)
        #expect("Zurich".utf8Precedes("Zürich") && !"Zürich".utf8Precedes("Zurich") && "Zur".utf8Precedes("Zurich") && !"".utf8Precedes(""))
        let words = ["Zürich", "Zurich", "Sao", composed, decomposed, ""]
        for one in words { for other in words {
            #expect(one.utf8Precedes(other) == Array(one.utf8).lexicographicallyPrecedes(Array(other.utf8)), "\(one) \(other)")
        } }
        var table = UTF8Table<Int>()
        let text = "cities of \(composed) \(decomposed) cities"
        let pieces = text.split(separator: " ")
        for (index, piece) in pieces.enumerated() where table.value(for: piece) == nil { table.set(index, for: piece) }
        // "São" spelt both ways is two keys; "Paulo" and "cities" again are found.
        #expect(pieces.map { table.value(for: $0) } == [0, 1, 2, 3, 4, 3, 0])
        #expect(table.value(for: "Bogota" as Substring) == nil, "a piece never set")
        table.set(9, for: pieces[0])
        #expect(table.value(for: pieces[6]) == 9, "set again: the same bytes, one value")
        // Thousands of keys, of every length around the eight bytes hashed at a time, the empty
        // one among them: each is found with its own value after the table has grown.
        var many = UTF8Table<Int>()
        let keys = [""] + (0..<3_000).map { String(repeating: "k", count: $0 % 20) + String($0) }
        for (index, key) in keys.enumerated() { many.set(index, for: Substring(key)) }
        #expect(keys.indices.allSatisfy { many.value(for: Substring(keys[$0])) == $0 })
        #expect(many.value(for: "k" as Substring) == nil && many.value(for: "kk3000" as Substring) == nil)
    }

    @Test("Typos forgiven as Typesense does: one edit from four letters, two from seven; a swap is one edit")
    func typos() {
        #expect(TypoTolerance.allowedEdits("bus") == 0 && TypoTolerance.allowedEdits("park") == 1 && TypoTolerance.allowedEdits("housing") == 2)
        #expect(TypoTolerance.distance("affordablity", "affordability", limit: 2) == 1)
        #expect(TypoTolerance.distance("licardo", "liccardo", limit: 2) == 1)
        #expect(TypoTolerance.distance("wtaer", "water", limit: 1) == 1, "two neighbouring letters swapped")
        #expect(TypoTolerance.distance("water", "winter", limit: 1) == nil)
        #expect(TypoTolerance.corrections(of: "parc", among: ["park", "parks", "pact", "bark"]) == ["park"], "one edit in four letters")
        #expect(TypoTolerance.corrections(of: "bus", among: ["bun", "bud"]).isEmpty, "no typos in three letters")
        #expect(SearchText.joinedPairs(SearchText.words("Bill de Blasio")) == ["billde", "deblasio"])
    }
}
