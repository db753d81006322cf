/// Escaping for HTML text and attribute values.
///
/// The HTML builders write attribute values exactly as given, so every dynamic attribute
/// value in Civitas passes through `attribute(_:)` first (the project's attribute helpers call
/// it; a test refuses any other way of writing one). Element text goes through `text(_:)`,
/// which escapes every `&` (so `&amp;` typed by a person shows as typed), in one pass over
/// the bytes.
public enum HTMLEscaping {
    /// The text with `& < >` replaced by character references, safe as element content.
    public static func text(_ value: String) -> String {
        escape(value, textReference)
    }

    /// The same text escaped onto the end of `output`: how a page's renderer writes element
    /// text into its buffer without a String per text.
    public static func appendText(_ value: String, to output: inout [UInt8]) {
        var value = value
        value.withUTF8 { bytes in
            // Runs between references are copied whole.
            var runStart = 0
            for index in bytes.indices {
                guard let replacement = textReference(bytes[index]) else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                replacement.withUTF8Buffer { output.append(contentsOf: $0) }
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }

    private static func textReference(_ byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        default: nil
        }
    }

    /// The value with `& < > " '` replaced by character references, safe inside a quoted
    /// attribute whichever quote the document uses.
    public static func attribute(_ value: String) -> String {
        escape(value) { byte in
            switch byte {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            case UInt8(ascii: "\""): "&quot;"
            case UInt8(ascii: "'"): "&#39;"
            default: nil
            }
        }
    }

    /// Replaces the ASCII bytes `reference` names; every other byte (all of UTF-8's multi-byte
    /// sequences among them, which never contain ASCII bytes) is copied as it is.
    /// Read through the string's own bytes (`withUTF8`): walking `utf8` as a sequence decoded
    /// each step, and every text and attribute of a page passes here.
    /// Inlined, so that each caller's `reference` is a switch in its own loop rather than a
    /// call per byte.
    @inline(__always)
    private static func escape(_ value: String, _ reference: (UInt8) -> StaticString?) -> String {
        var value = value
        return value.withUTF8 { bytes in
            var first = 0
            while first < bytes.count, reference(bytes[first]) == nil { first += 1 }
            guard first < bytes.count else { return nil }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 32)
            escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            for byte in bytes[first...] {
                if let replacement = reference(byte) {
                    replacement.withUTF8Buffer { escaped.append(contentsOf: $0) }
                } else {
                    escaped.append(byte)
                }
            }
            return String(decoding: escaped, as: UTF8.self)
        } ?? value
    }
}
