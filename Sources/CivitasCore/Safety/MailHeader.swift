import Foundation

/// Header values and line endings for mail on the wire (RFC 5322, RFC 2047, RFC 5321).
public enum MailHeader {
    /// A header value that cannot add a header: line breaks and controls become spaces, and
    /// non-ASCII text is written as RFC 2047 encoded words of at most 75 characters, folded
    /// onto continuation lines.
    public static func encode(_ value: String) -> String {
        let flat = String(String.UnicodeScalarView(value.unicodeScalars.map {
            $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : $0
        }))
        guard flat.unicodeScalars.contains(where: { !$0.isASCII }) || flat.contains("=?") else { return flat }
        // Each encoded word holds whole characters whose UTF-8 fits 45 bytes (60 base64 characters).
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in flat {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(word(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    private static func word(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?\(Data(bytes).base64EncodedString())?="
    }

    /// Every line ending (CRLF, a lone CR or a lone LF) as CRLF, the only one SMTP knows.
    /// Done before dot-stuffing, so a bare `\n.\n` cannot end the message early on a
    /// receiver that reads bare line feeds as line ends.
    public static func normalizedLineEndings(_ text: String) -> String {
        String(decoding: canonicalBytes(text, stuffingDots: false), as: UTF8.self)
    }

    /// The DATA section of an SMTP transaction: CRLF line endings, lines starting with a dot
    /// doubled (RFC 5321 4.5.2), ending with the lone dot.
    public static func smtpData(_ message: String) -> String {
        var bytes = canonicalBytes(message, stuffingDots: true)
        if bytes.last != UInt8(ascii: "\n") { bytes += [UInt8(ascii: "\r"), UInt8(ascii: "\n")] }
        bytes += [UInt8(ascii: "."), UInt8(ascii: "\r"), UInt8(ascii: "\n")]
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text's UTF-8 with every line ending as CRLF and, when asked, a dot added before each
    /// line that starts with one. One pass over the bytes: done a scalar at a time (and dot-stuffed
    /// by splitting into lines and joining them again) it was a tenth of the server's time while
    /// the confirmations of a registration rush went out. CR and LF never occur inside a
    /// multi-byte UTF-8 sequence, so the bytes of every other character are copied as they are.
    private static func canonicalBytes(_ text: String, stuffingDots: Bool) -> [UInt8] {
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n"), dot = UInt8(ascii: ".")
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + text.utf8.count / 32 + 8)
        var previousWasCR = false
        var atLineStart = true
        for byte in text.utf8 {
            switch byte {
            case cr:
                result.append(cr)
                result.append(lf)
                previousWasCR = true
                atLineStart = true
            case lf:
                if !previousWasCR {
                    result.append(cr)
                    result.append(lf)
                }
                previousWasCR = false
                atLineStart = true
            default:
                if stuffingDots, atLineStart, byte == dot { result.append(dot) }
                result.append(byte)
                previousWasCR = false
                atLineStart = false
            }
        }
        return result
    }
}
