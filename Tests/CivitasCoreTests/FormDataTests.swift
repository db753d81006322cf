import CivitasCore
import Foundation
import Testing

@Suite("Form bodies and identifiers")
struct FormDataTests {
    @Test("URL-encoded bodies decode, keeping repeated fields")
    func decode() {
        let form = FormData(encoded: "name=San+Jos%C3%A9&topic_ids=a&topic_ids=b&empty=&flag")
        #expect(form["name"] == "San José")
        #expect(form.all("topic_ids") == ["a", "b"])
        #expect(form["empty"] == "")
        #expect(form["flag"] == "")
        #expect(form["missing"] == nil)
    }

    @Test("Open Civic Data division ids are checked")
    func ocd() {
        #expect(OpenCivicDataDivision.isValid("ocd-division/country:us/state:wa/place:tacoma"))
        #expect(OpenCivicDataDivision.isValid("ocd-division/country:us/district:dc"))
        #expect(!OpenCivicDataDivision.isValid("ocd-division/country:US"))
        #expect(!OpenCivicDataDivision.isValid("ocd-division"))
        #expect(!OpenCivicDataDivision.isValid("country:us/place:tacoma"))
    }

    @Test("Secrets are long, URL-safe and different each time; comparison is exact")
    func secrets() {
        let a = Secrets.randomToken(), b = Secrets.randomToken()
        #expect(a != b)
        #expect(a.count == 43)
        #expect(a.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(Secrets.constantTimeEquals(a, a))
        #expect(!Secrets.constantTimeEquals(a, b))
        #expect(!Secrets.constantTimeEquals(a, String(a.dropLast())))
        // Every length asked for, and every character of it random: none stays the same over
        // 200 tokens (a byte left unfilled would, with a chance of 64^-199 of a false alarm).
        for bytes in [1, 7, 8, 9, 12, 32] {
            let tokens = (0..<200).map { _ in Array(Secrets.randomToken(bytes: bytes)) }
            #expect(tokens.allSatisfy { $0.count == (bytes * 8 + 5) / 6 }, "\(bytes) bytes")
            for position in 0..<tokens[0].count {
                #expect(Set(tokens.map { $0[position] }).count > 1, "character \(position) of \(bytes) bytes never changes")
            }
        }
    }

    @Test("URL-safe base64 is RFC 4648's alphabet without padding, for every length")
    func base64URL() {
        // RFC 4648 section 10's test vectors, in the URL-safe alphabet without padding.
        let vectors = ["": "", "f": "Zg", "fo": "Zm8", "foo": "Zm9v", "foob": "Zm9vYg", "fooba": "Zm9vYmE", "foobar": "Zm9vYmFy"]
        for (input, expected) in vectors { #expect(Secrets.base64URL(Array(input.utf8)) == expected) }
        var generator = SystemRandomNumberGenerator()
        for length in 0...66 {
            let bytes = (0..<length).map { _ in UInt8.random(in: .min ... .max, using: &generator) } + [0xFB, 0xFF]
            let standard = Data(bytes).base64EncodedString()
            let expected = String(standard.map { $0 == "+" ? "-" : $0 == "/" ? "_" : $0 }.filter { $0 != "=" })
            #expect(Secrets.base64URL(bytes) == expected)
        }
    }
}
