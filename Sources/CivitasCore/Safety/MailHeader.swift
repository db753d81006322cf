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
        var result = ""
        result.reserveCapacity(text.utf8.count + 64)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r":
                result += "\r\n"
                previousWasCR = true
            case "\n":
                if !previousWasCR { result += "\r\n" }
                previousWasCR = false
            default:
                result.unicodeScalars.append(scalar)
                previousWasCR = false
            }
        }
        return result
    }

    /// The DATA section of an SMTP transaction: CRLF line endings, lines starting with a dot
    /// doubled (RFC 5321 4.5.2), ending with the lone dot.
    public static func smtpData(_ message: String) -> String {
        let lines = normalizedLineEndings(message).split(separator: "\r\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }
        var body = lines.joined(separator: "\r\n")
        if !body.hasSuffix("\r\n") { body += "\r\n" }
        return body + ".\r\n"
    }
}
