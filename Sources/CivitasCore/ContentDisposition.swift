import Foundation

/// A `Content-Disposition: attachment` header value (RFC 6266) for a file name a person chose:
/// an ASCII `filename` with anything unsafe replaced, and the exact name as `filename*`
/// (RFC 8187, UTF-8, percent-encoded), so no name can break the header or add another.
public enum ContentDisposition {
    public static func attachment(filename: String) -> String {
        let fallback = String(filename.unicodeScalars.map { scalar -> Character in
            let value = scalar.value
            let safe = value >= 0x20 && value < 0x7F && scalar != "\"" && scalar != "\\" && scalar != "%" && scalar != ";"
            return safe ? Character(scalar) : "_"
        })
        var encoded = ""
        for byte in filename.utf8 {
            let isAttrChar = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || "!#$&+-.^_`|~".utf8.contains(byte)
            encoded += isAttrChar ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
        }
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)"
    }
}
