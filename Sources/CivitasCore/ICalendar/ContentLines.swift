/// RFC 5545 content lines: TEXT escaping, folding at 75 octets without splitting a
/// character, CRLF endings.
struct ContentLines {
    private(set) var text = ""

    static let maximumOctets = 75

    /// Lines made elsewhere (already folded, CRLF-ended), such as a cached VTIMEZONE.
    mutating func append(_ other: ContentLines) {
        text += other.text
    }

    /// `NAME[;PARAMS]:VALUE`, with `value` written exactly as given (already escaped or typed).
    mutating func add(_ name: String, _ value: String) {
        fold(name + ":" + value)
    }

    /// A TEXT value: backslash, semicolon, comma and newlines escaped.
    mutating func addText(_ name: String, _ value: String) {
        add(name, Self.escape(value))
    }

    static func escape(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\r\n", "\n", "\r": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    private mutating func fold(_ line: String) {
        var octets = 0
        var limit = Self.maximumOctets
        for character in line {
            let size = String(character).utf8.count
            if octets + size > limit {
                text += "\r\n "
                octets = 0
                limit = Self.maximumOctets - 1 // the leading space counts
            }
            text.append(character)
            octets += size
        }
        text += "\r\n"
    }
}
