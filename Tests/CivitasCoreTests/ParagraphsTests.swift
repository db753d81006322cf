import Foundation
import Testing
@testable import CivitasCore

@Suite("Paragraphs of typed text")
struct ParagraphsTests {
    @Test("Blank lines separate paragraphs; single line breaks stay inside one; edges are trimmed")
    func splitsOnBlankLines() {
        #expect(Paragraphs.split("") == [])
        #expect(Paragraphs.split("\n\n \n\t\n") == [])
        #expect(Paragraphs.split("One.") == ["One."])
        #expect(Paragraphs.split("One.\nStill one.\n\nTwo.") == ["One.\nStill one.", "Two."])
        #expect(Paragraphs.split("  One.  \n\n\n\n  Two.\n") == ["One.", "Two."])
        #expect(Paragraphs.split("One.\r\n\r\nTwo.\r\n") == ["One.", "Two."])
        #expect(Paragraphs.split("One.\n \t \nTwo.") == ["One.", "Two."])
        #expect(Paragraphs.split("\u{00A0}São Paulo\u{2003}\n\nBogotá") == ["São Paulo", "Bogotá"])
        #expect(Paragraphs.split("“Quoted” 🏙️\n\n<b>&amp;</b>") == ["“Quoted” 🏙️", "<b>&amp;</b>"])
    }

    @Test("Text without blank-looking lines splits as splitting on two line breaks and trimming did")
    func matchesTheFoundationSplit() {
        var generator = SplitMix(seed: 7)
        let pieces = ["word", "Bogotá", " ", "\n", "\n\n", "\n\n\n", "city’s", "  ", ".", "\t"]
        for _ in 0..<2000 {
            let text = (0..<(generator.next() % 14)).map { _ in pieces[generator.next() % pieces.count] }.joined()
            let hasBlankLookingLine = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().dropLast()
                .contains { !$0.isEmpty && $0.allSatisfy { $0 == " " || $0 == "\t" } }
            guard !hasBlankLookingLine else { continue }
            let foundation = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            #expect(Paragraphs.split(text) == foundation, "\(text.debugDescription)")
        }
    }
}
