import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import CivitasApp

/// The API's encoder writes what Foundation's `JSONEncoder` with `.sortedKeys` writes, byte for
/// byte: clients, ETags and the contract tests saw Foundation's text before it was replaced.
@Suite("The API's JSON is Foundation's JSON")
struct SortedKeysJSONEncoderTests {
    private static let foundation = FoundationJSON.sortedKeys

    private func expectSameText<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let ours = String(decoding: try SortedKeysJSONEncoder().encode(value), as: UTF8.self)
        let theirs = String(decoding: try Self.foundation.encode(value), as: UTF8.self)
        #expect(ours == theirs, sourceLocation: sourceLocation)
    }

    struct Member: Codable { var zeta: String; var alpha: Int?; var middle: [Double]; var nested: Inner? }
    struct Inner: Codable { var b: Bool; var a: [String: String] }
    enum Shape: Codable { case circle(radius: Double), square(side: Int, label: String?), none }
    struct Empty: Codable {}
    struct ExplicitNulls: Encodable {
        var value: String?
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(value, forKey: .value)
            try container.encodeNil(forKey: .absent)
        }
        enum CodingKeys: String, CodingKey { case value, absent }
    }
    /// Writes into a nested container after opening a second one: out of order for streaming.
    struct Interleaved: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: AnyKey.self)
            var first = container.nestedUnkeyedContainer(forKey: AnyKey("first"))
            var second = container.nestedUnkeyedContainer(forKey: AnyKey("second"))
            try second.encode(2)
            try first.encode(1)
        }
    }
    struct WithSuper: Encodable {
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: AnyKey.self)
            try container.encode("own", forKey: AnyKey("own"))
            try Inner(b: true, a: ["k": "v"]).encode(to: container.superEncoder())
        }
    }
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    @Test("Keys, escapes, numbers, nesting and the values Foundation treats its own way")
    func sameTextAsFoundation() throws {
        let hostile = "</script>\"quote\" back\\slash /path \u{0}\u{1b}\u{8}\u{c}\n\r\t\u{7f}\u{2028} é 😀"
        try expectSameText(Member(zeta: hostile, alpha: nil, middle: [0.1, 2, -0.0, 1e-7, 1e21, 1.0 / 3],
                                  nested: Inner(b: false, a: ["b": "2", "a": "1", "B": "0", "_": "x", "é": "e", "a_b": "", "aB": ""])))
        try expectSameText([Shape.circle(radius: 1.5), .square(side: 2, label: nil), .square(side: 3, label: "x"), .none])
        try expectSameText([Empty(), Empty()])
        try expectSameText(ExplicitNulls(value: nil))
        try expectSameText([String?.none, "a", nil])
        try expectSameText([3: "three", 1: "one", 20: "twenty"])
        try expectSameText(["url": URL(string: "https://example.org/a?b=c&d=/")!])
        try expectSameText(["when": Date(timeIntervalSinceReferenceDate: 12345.678)])
        try expectSameText(["data": Data([0, 1, 2, 250])])
        try expectSameText(["decimal": Decimal(string: "12.50")!])
        try expectSameText(Interleaved())
        try expectSameText(WithSuper())
        try expectSameText("a top-level string")
        try expectSameText(42)
        try expectSameText([[Int]](repeating: [1, 2], count: 3))
        try expectSameText([JSONValue]([["z": 1, "a": [true, .null, "x"]], .object([:]), .array([])]))
    }

    @Test("Numbers JSON cannot carry are refused, as Foundation refuses them")
    func refusesWhatFoundationRefuses() {
        #expect(throws: EncodingError.self) { try SortedKeysJSONEncoder().encode(["x": Double.nan]) }
        #expect(throws: EncodingError.self) { try SortedKeysJSONEncoder().encode([Double.infinity]) }
    }

    @Test("Every API answer of the demo is sorted, escaped and numbered as Foundation writes it")
    func demoAnswersAreFoundationText() async throws {
        try await withApp(.sqlite, demo: true) { client, _ in
            var paths = ["/api/v1/events?when=all&per=100", "/api/v1/popolo.json", "/api/v1/search?q=water", "/api/v1/openapi.json"]
            for kind in RecordKind.allCases { paths.append("/api/v1/\(kind.plural)?per=100") }
            for library in ["practices", "resources", "news"] { paths.append("/api/v1/\(library)?per=100") }
            var checked = 0
            for path in paths {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .ok, "\(path)")
                let body = String(buffer: response.body)
                let canonical = String(decoding: try Self.foundation.encode(try JSONDecoder().decode(JSONValue.self, from: Data(body.utf8))), as: UTF8.self)
                #expect(body == canonical, "\(path)")
                checked += 1
            }
            #expect(checked == paths.count)
        }
    }
}
