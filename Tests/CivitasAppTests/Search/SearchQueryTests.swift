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
        #expect(SearchFacetTerms.token(facet: "kind", value: "practice") != SearchFacetTerms.token(facet: "kind", value: "news"))
        #expect(SearchFacetTerms.token(facet: "kind", value: "practice").allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
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
