/// Escaping for HTML attribute values.
///
/// Plot escapes element text but writes attribute values exactly as given, so every
/// dynamic attribute value in Civitas passes through `attribute(_:)` first (the project's
/// attribute helpers call it; a test refuses any other way of writing one).
public enum HTMLEscaping {
    /// The value with `& < > " '` replaced by character references, safe inside a quoted
    /// attribute whichever quote the document uses.
    public static func attribute(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
            || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) else { return value }
        var escaped = ""
        escaped.reserveCapacity(value.utf8.count + 16)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
