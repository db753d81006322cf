import Testing
@testable import CivitasCore

@Suite("Reading CSV")
struct CSVReaderTests {
    @Test("Quoted fields keep commas, quotes and line breaks; CRLF, LF and a byte-order mark are read")
    func rfc4180() throws {
        let text = "\u{FEFF}title,summary\r\n\"Night buses, late\",\"He said \"\"go\"\"\nand went\"\r\nplain,\r\n\r\nlast,\"\"\n"
        let rows = try CSVReader.rows(text)
        #expect(rows.map(\.fields) == [["title", "summary"], ["Night buses, late", "He said \"go\"\nand went"], ["plain", ""], ["last", ""]])
        #expect(rows.map(\.line) == [1, 2, 4, 6])
    }

    @Test("A file saved with semicolons (where a comma is the decimal mark) reads as one saved with commas")
    func semicolons() throws {
        let text = "\u{FEFF}title;summary;topic_slugs\r\n\"Night buses; late\";\"1,5 km, every 20 minutes\";\"transit;housing\"\r\nplain;;\r\n"
        #expect(CSVReader.separator(of: text) == ";")
        let rows = try CSVReader.rows(text, separator: CSVReader.separator(of: text))
        #expect(rows.map(\.fields) == [["title", "summary", "topic_slugs"], ["Night buses; late", "1,5 km, every 20 minutes", "transit;housing"], ["plain", "", ""]])
        // Commas in the header, or no separator at all: commas.
        #expect(CSVReader.separator(of: "title,summary\nA;B,C") == ",")
        #expect(CSVReader.separator(of: "title\nA;B") == ",")
        #expect(CSVReader.separator(of: "title;status\nA,B;C") == ";")
    }

    @Test("What the writer wrote reads back exactly, formula guards included")
    func roundTrip() throws {
        let values = ["=SUM(A1)", "'=already guarded", "@mention", "-5", "plain, with comma", "quote \" inside", "line\r\nbreak", "'quote", ""]
        let rows = try CSVReader.rows(CSV.document(header: ["value", "next"], rows: values.map { [$0, "x"] }))
        #expect(rows.dropFirst().map { $0.fields[0] } == values)
        #expect(rows.dropFirst().allSatisfy { $0.fields[1] == "x" })
    }

    @Test("An unclosed quote and text after a closing quote are errors naming the line")
    func malformed() {
        #expect(throws: CSVReader.Problem(line: 2, message: "a quoted field is not closed")) { try CSVReader.rows("a\n\"open") }
        #expect(throws: CSVReader.Problem.self) { try CSVReader.rows("\"a\"b,c") }
    }
}
