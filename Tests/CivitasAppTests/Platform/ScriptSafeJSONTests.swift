import Foundation
import Testing
@testable import CivitasApp

@Suite("JSON-LD text embedded in pages")
struct ScriptSafeJSONTests {
    static let hostile: [String] = [
        "</script><script>alert(1)</script>", "\"quoted\" and \\ backslash", "line\nbreak\r\ttab", "\u{2028}\u{2029}",
        "\u{0}\u{1}\u{1F}", "émigré 市長 🏙️", "<!--", "",
    ]

    @Test("Reads back as the same JSON, with sorted keys, and nothing that can end the script element")
    func roundTrip() throws {
        let value: JSONValue = [
            "@context": "https://schema.org", "name": .string(Self.hostile[0]),
            "list": .array(Self.hostile.map { .string($0) } + [.int(-42), .double(1.5), .bool(true), .null]),
            "nested": ["b": 1, "a": ["deep": .string(Self.hostile[1])]],
        ]
        let text = value.scriptSafeText
        #expect(try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) == value)
        #expect(!text.contains("<"))
        #expect(!text.contains("\u{2028}") && !text.contains("\u{2029}"))
        #expect(text.unicodeScalars.allSatisfy { $0.value >= 0x20 }, "control characters are escaped")
        #expect(text.hasPrefix("{\"@context\":\"https://schema.org\",\"list\":["), "keys are sorted")
    }
}
