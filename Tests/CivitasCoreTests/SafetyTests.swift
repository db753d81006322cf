import CivitasCore
import Foundation
import Testing

@Suite("Escaping, web addresses, redirects, CSV and mail headers")
struct SafetyTests {
    @Test func attributeEscapingCoversBothQuotesAndMarkup() {
        #expect(HTMLEscaping.attribute(#""><img src=x onerror=alert(1)>"#) == "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
        #expect(HTMLEscaping.attribute("'onmouseover='x") == "&#39;onmouseover=&#39;x")
        #expect(HTMLEscaping.attribute("a & b") == "a &amp; b")
        #expect(HTMLEscaping.attribute("Garcetti") == "Garcetti")
    }

    @Test func textEscapingCoversMarkupAndEveryAmpersand() {
        #expect(HTMLEscaping.text("</p><script>alert(1)</script>") == "&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
        // An entity typed by a person is shown as typed, not read as markup.
        #expect(HTMLEscaping.text("Tom &amp; Jerry &lt;3") == "Tom &amp;amp; Jerry &amp;lt;3")
        #expect(HTMLEscaping.text("Zoë «São Paulo» 🏛 <b>") == "Zoë «São Paulo» 🏛 &lt;b&gt;")
        #expect(HTMLEscaping.text("\"quotes\" and 'apostrophes'") == "\"quotes\" and 'apostrophes'")
        #expect(HTMLEscaping.text("") == "")
        let long = String(repeating: "ä<", count: 5_000)
        #expect(HTMLEscaping.text(long) == String(repeating: "ä&lt;", count: 5_000))
    }

    /// What the page renderer appends to its buffer is what `text` returns, after what was there.
    @Test func appendedTextIsEscapedAsText() {
        let samples = ["</p><script>alert(1)</script>", "Tom &amp; Jerry &lt;3", "Zoë «São Paulo» 🏛 <b>", "", "plain",
                       "<", "&&", "a>", String(repeating: "ä<", count: 5_000)]
        for sample in samples {
            var output = Array("kept ".utf8)
            HTMLEscaping.appendText(sample, to: &output)
            #expect(String(decoding: output, as: UTF8.self) == "kept " + HTMLEscaping.text(sample))
        }
    }

    @Test(arguments: [
        "https://ok.example/\"><script>alert(5)</script>",
        "http://x.example/' onmouseover='alert(6)",
        "javascript:alert(1)",
        "JAVASCRIPT://example.org/%0aalert(1)",
        "data:text/html,<script>alert(1)</script>",
        "https://bank.example@evil.example/",
        "https://ok.example/\tpath",
        "https://ok.example/a\nb",
        "https:\\\\evil.example",
        "https://ok.example/\\evil",
        "//evil.example",
        "https://",
        "https://ok.example/%zz",
        "https://ok.example/café",
        "https://ok.example/\u{2028}",
        "ftp://ok.example/file",
    ])
    func refusesAddressesABrowserWouldReadDifferently(_ text: String) {
        #expect(WebAddress(text) == nil)
    }

    @Test func acceptsOrdinaryAddressesAndLowersSchemeAndHost() throws {
        #expect(try #require(WebAddress("HTTPS://Www.USMayors.org/2018/01/winter?x=1&y=2#top")).text == "https://www.usmayors.org/2018/01/winter?x=1&y=2#top")
        #expect(WebAddress("http://127.0.0.1:8080/events") != nil)
        #expect(WebAddress("https://example.org/caf%C3%A9") != nil)
        #expect(WebAddress("https://example.org/it's-fine") != nil)
    }

    @Test func redirectsStayOnTheSite() {
        #expect(SafeRedirect.localPath("/people/eric-garcetti?x=1") == "/people/eric-garcetti?x=1")
        for hostile in ["//evil.example", "/\t/evil.example", "/%09/evil.example", "/\\evil.example", "/%2F%2Fevil.example",
                        "/%5Cevil.example", "https://evil.example", "evil.example", "/\n/evil.example", "/ /evil.example", "/%2f/evil"] {
            #expect(SafeRedirect.localPath(hostile) == "/", "\(hostile.debugDescription) was accepted")
        }
    }

    @Test func spreadsheetFormulasAreGuardedBehindInvisibleCharacters() {
        func guarded(_ value: String) -> Bool { CSV.field(value).drop { $0 == "\"" }.hasPrefix("'") }
        #expect(guarded("=\u{200D}HYPERLINK(\"http://evil.example\")"))
        #expect(guarded("\u{200B}\u{FEFF}+1"))
        #expect(guarded(" =1+1"))
        #expect(guarded("\u{FF1D}1+1"))
        #expect(guarded("@SUM(A1)"))
        #expect(CSV.field("Los Angeles") == "Los Angeles")
        #expect(CSV.field("10-2") == "10-2")
    }

    @Test func headerValuesCannotStartANewHeader() {
        let encoded = MailHeader.encode("T\r\nBcc: victim@evil.example")
        #expect(!encoded.contains("\r\nBcc"))
        #expect(!encoded.contains("\n") && !encoded.contains("\r"))
        let unicode = MailHeader.encode(String(repeating: "Réunion des maires ", count: 8) + "\n.\nMAIL FROM:<x@evil>")
        for line in unicode.components(separatedBy: "\r\n") {
            #expect(line.count <= 76)
            #expect(line.trimmingCharacters(in: .whitespaces).hasPrefix("=?UTF-8?B?"))
        }
    }

    @Test func smtpDataNormalisesLineEndingsBeforeDotStuffing() {
        let data = MailHeader.smtpData("Subject: x\r\n\r\nline\n.\nMAIL FROM:<a@evil.example>\r.\r\nend")
        #expect(data == "Subject: x\r\n\r\nline\r\n..\r\nMAIL FROM:<a@evil.example>\r\n..\r\nend\r\n.\r\n")
        #expect(!data.dropLast(5).contains("\r\n.\r\n"))
    }

    /// Every mix of line endings, dots, multi-byte characters and ends, against what the rules
    /// say: the same lines with CRLF between them; each line that starts with a dot gets one
    /// more; the data ends with CRLF, the lone dot and CRLF, and holds no other end of data.
    @Test func mailLineEndingsAndDotStuffingHoldForEveryMix() {
        let pieces = ["", "a", ".", "..", "é", "市長", "🏛", "\r", "\n", "\r\n", "\n\r", " .", "\u{301}"]
        var texts: [String] = []
        for first in pieces { for second in pieces { for third in pieces { texts.append(first + second + third) } } }
        texts += ["Subject: x\r\n\r\n.line\n..\r.\rend.", String(repeating: "\r\n.", count: 50)]
        for text in texts {
            // The lines as a reader that takes CRLF, a lone CR and a lone LF as line ends sees them.
            var lines: [[UInt8]] = [[]]
            var bytes = Array(text.utf8)[...]
            while let byte = bytes.popFirst() {
                if byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") {
                    if byte == UInt8(ascii: "\r"), bytes.first == UInt8(ascii: "\n") { bytes.removeFirst() }
                    lines.append([])
                } else {
                    lines[lines.count - 1].append(byte)
                }
            }
            let normalized = MailHeader.normalizedLineEndings(text)
            #expect(Array(normalized.utf8) == Array(lines.joined(separator: Array("\r\n".utf8))), "\(text.debugDescription)")

            let data = MailHeader.smtpData(text)
            #expect(data.hasSuffix("\r\n.\r\n"), "\(text.debugDescription)")
            var sent = Array(data.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Array($0) }
            #expect(sent.removeLast().isEmpty && sent.removeLast() == Array(".\r".utf8), "\(text.debugDescription)")
            #expect(sent.allSatisfy { $0.last == UInt8(ascii: "\r") && !$0.dropLast().contains(UInt8(ascii: "\r")) }, "\(text.debugDescription)")
            let unstuffed = sent.map { line -> [UInt8] in
                let content = Array(line.dropLast())
                #expect(content != [UInt8(ascii: ".")], "a lone dot before the end: \(text.debugDescription)")
                return content.first == UInt8(ascii: ".") ? Array(content.dropFirst()) : content
            }
            // A text that ends with a line end has nothing after its last one.
            let expected = lines.last == [] && lines.count > 1 ? Array(lines.dropLast()) : lines
            #expect(unstuffed == expected, "\(text.debugDescription)")
        }
    }

    @Test func singleLineFieldsRefuseEveryLineBreak() {
        for text in ["a\rb", "a\nb", "a\tb", "a\u{85}b", "a\u{2028}b", "a\u{2029}b", "a\u{0}b"] {
            #expect(TextInput.hasLineBreaksOrControls(text), "\(text.debugDescription) passed")
        }
        #expect(!TextInput.hasLineBreaksOrControls("Mayor of Los Angeles — Éric"))
    }

    @Test func queryValuesAreEncodedAsFoundationEncodesThem() {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        let values = ["plain", "a b&c=d+e?f#g", "50% off / 2 @ 3:00; (ok) ~ *!$',", "Zoë «São Paulo» 🏛 市長", "line\nbreak\r\ttab",
                      "\u{0}\u{1F}\u{7F}", "\"<script>\"", "https://example.org/a?b=c&d=e", "",
                      String((0..<128).map { Character(UnicodeScalar(UInt8($0))) })]
        for value in values {
            #expect(QueryValue.encode(value) == value.addingPercentEncoding(withAllowedCharacters: allowed), "\(value.debugDescription)")
        }
        // Nothing that ends or changes a value survives.
        #expect(!QueryValue.encode("a&b=c+d?e#f g").contains { "&=+?# ".contains($0) })
    }

    @Test func addressesWithAQueryReadAsTheFullCheckReadsThem() throws {
        let base = try #require(WebAddress("https://calendar.google.com/calendar/render"))
        let hostile = ["javascript:alert(1)", "@evil.example", "//evil.example/", "\"><script>", "a#b?c", "\\evil", "Zoë 🏛\n\r\t\u{0}",
                       String((0..<128).map { Character(UnicodeScalar(UInt8($0))) })]
        for value in hostile {
            let address = try #require(base.addingQuery([("text", value), (value, "x")]), "\(value.debugDescription)")
            let checked = try #require(WebAddress(address.text), "\(address.text) fails the full check")
            #expect(checked == address)
            #expect(address.host == "calendar.google.com")
            #expect(address.text.hasPrefix("https://calendar.google.com/calendar/render?text="))
        }
        #expect(base.addingQuery([]) == base)
        #expect(try #require(WebAddress("https://example.org/?a=1")).addingQuery([("b", "2")]) == nil)
        #expect(try #require(WebAddress("https://example.org/#top")).addingQuery([("b", "2")]) == nil)
        #expect(base.addingQuery([("text", String(repeating: "é", count: WebAddress.maximumLength))]) == nil)
    }
}
