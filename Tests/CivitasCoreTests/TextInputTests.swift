import Foundation
import Testing
@testable import CivitasCore

/// The checks every registration and form runs on names and addresses, with a fast path for
/// plain ASCII text that must answer exactly as the general one.
@Suite("Text checks on names and addresses")
struct TextInputTests {
    /// Each rule of an address, broken once, in ASCII and with non-ASCII characters.
    static let addressCases: [(String, Bool)] = [
        ("mayor@tacoma.gov", true), ("Mayor.Office+events@City-Hall.example.org", true), ("a@b.c", true),
        ("maire@sète.fr", true), ("ñandú@ciudad.gob.ar", true),
        ("", false), ("@tacoma.gov", false), ("mayor@", false), ("mayor@localhost", false), ("mayor@tacoma.", false),
        ("mayor@.gov", false), ("mayor@-tacoma.gov", false), ("mayor@tacoma-.gov", false), ("a@@b.c", false), ("a@b@c.d", false),
        ("two words@x.org", false), ("tab\there@x.org", false), ("a@b.c\r\nBcc: x@y.z", false), ("a@b.c\n", false),
        ("<a@b.c>", false), ("a\"q@b.c", false), ("a(b)@c.d", false), ("a,b@c.d", false), ("a;b@c.d", false), ("a:b@c.d", false),
        ("a\\b@c.d", false), ("a[b]@c.d", false), ("ñ\u{00A0}@b.c", false), ("ñ@b.c\u{2028}", false),
        (String(repeating: "l", count: 64) + "@b.co", true), (String(repeating: "l", count: 65) + "@b.co", false),
        ("a@" + String(repeating: "d", count: 248) + ".co", true), ("a@" + String(repeating: "d", count: 250) + ".co", false),
        (String(repeating: "é", count: 65) + "@b.co", false),
    ]

    @Test("Addresses are accepted or refused by each rule, whatever their characters", arguments: addressCases)
    func addresses(address: String, valid: Bool) {
        #expect(TextInput.isEmailAddress(address) == valid, "\(address.debugDescription)")
    }

    @Test("The ASCII path answers only for ASCII text")
    func asciiPathScope() {
        #expect(TextInput.isASCIIEmailAddress("mayor@tacoma.gov") == true)
        #expect(TextInput.isASCIIEmailAddress("maire@sète.fr") == nil)
    }

    static let paddedCases = ["Ana Pérez", "  Ana  ", "\tAna\n", "\u{00A0}Ana\u{2003}", "Ana\u{0085}", "\u{3000}東京", "", "   ", "\n",
                         "Ana\u{1680}", "é", " é ", "x\r\n", "\u{FEFF}Ana", "Ana\u{200B}"]

    @Test("Trimming gives what Foundation's trimming gives, with and without line breaks", arguments: paddedCases)
    func trimming(text: String) {
        #expect(TextInput.trimmed(text) == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
        #expect(TextInput.trimmed(text, newlinesToo: false) == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        #expect(TextInput.normalizedEmail(" \(text) ") == " \(text) ".trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// Addresses as they arrive, escaped, and whether a control character hides in them.
    static let escapedCases: [(String, Bool)] = [
        ("/people/ana", false), ("/search", false), ("q=a%20b&page=2", false), ("%C3%A9", false), ("%0A%0d%09", false),
        ("/a%00b", true), ("q=%1f", true), ("%7F", true), ("%7f", true), ("x%01", true), ("a=1&b=%00", true),
        ("%FF%00", true), ("%zz%00", true), ("%zz", false), ("%", false), ("%0", false), ("100%", false), ("%%41", false),
        ("raw\u{01}", true), ("%E2%80%A8", false),
    ]

    @Test("Escaped control characters are found in paths and queries, as decoding them first finds them", arguments: escapedCases)
    func escapedControls(text: String, refused: Bool) {
        #expect(TextInput.hasControlCharacters(percentEncoded: text) == refused, "\(text.debugDescription)")
        // Wherever Foundation decodes the text, the answer is the one its decoding gives.
        if let decoded = text.removingPercentEncoding {
            #expect(TextInput.hasControlCharacters(decoded) == refused, "\(text.debugDescription)")
        }
    }
}
