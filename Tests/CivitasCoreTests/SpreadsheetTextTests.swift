import Testing
import CivitasCore

@Suite("Reading the text of a spreadsheet's file")
struct SpreadsheetTextTests {
    @Test("UTF-8 is read as it is, with or without the byte-order mark")
    func utf8() {
        let read = SpreadsheetText.read(Array("title\nSão Paulo “night” buses\n".utf8))
        #expect(read?.text == "title\nSão Paulo “night” buses\n")
        #expect(read?.encoding == .utf8)
        #expect(SpreadsheetText.read([0xEF, 0xBB, 0xBF] + Array("é".utf8))?.encoding == .utf8)
    }

    @Test("Excel's plain CSV on Windows: accents, curly quotes, dashes and the euro sign of Windows-1252")
    func windows1252() {
        // "São Paulo – “night” buses, 5 €" as Windows-1252 writes it.
        let bytes: [UInt8] = [0x53, 0xE3, 0x6F, 0x20, 0x50, 0x61, 0x75, 0x6C, 0x6F, 0x20, 0x96, 0x20, 0x93, 0x6E, 0x69, 0x67, 0x68, 0x74, 0x94,
                              0x20, 0x62, 0x75, 0x73, 0x65, 0x73, 0x2C, 0x20, 0x35, 0x20, 0x80]
        let read = SpreadsheetText.read(bytes)
        #expect(read?.text == "São Paulo – “night” buses, 5 €")
        #expect(read?.encoding == .windows1252)
    }

    @Test("Excel's Unicode text: UTF-16 in either byte order, the mark left out")
    func utf16() {
        let little: [UInt8] = [0xFF, 0xFE, 0x53, 0x00, 0xE3, 0x00, 0x6F, 0x00]
        #expect(SpreadsheetText.read(little)?.text == "São")
        #expect(SpreadsheetText.read(little)?.encoding == .utf16)
        let big: [UInt8] = [0xFE, 0xFF, 0x00, 0x53, 0x00, 0xE3, 0x00, 0x6F]
        #expect(SpreadsheetText.read(big)?.text == "São")
    }

    @Test("Bytes that are none of these are not read")
    func unreadable() {
        #expect(SpreadsheetText.read([0x41, 0x81, 0x42]) == nil, "0x81 is undefined in Windows-1252")
        #expect(SpreadsheetText.read([0xFF, 0xFE, 0x00]) == nil, "an odd number of bytes after a UTF-16 mark")
        #expect(SpreadsheetText.read([0xFF, 0xFE, 0x00, 0xD8]) == nil, "a lone surrogate")
    }
}
