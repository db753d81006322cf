import Foundation

/// Checks on text typed or sent by people and programs.
public enum TextInput {
    /// NUL and the other C0 control characters (tab, line feed and carriage return excepted)
    /// have no place in names and descriptions, and PostgreSQL refuses NUL in text.
    public static func hasControlCharacters(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" || $0.value == 0x7F }
    }

    /// Whether a path or query, once its percent escapes are decoded, holds a character
    /// `hasControlCharacters` refuses. Decoded byte by byte: each of those characters is one
    /// byte in UTF-8 and never part of another character's bytes, so no decoding into a
    /// String is needed, and a NUL escaped beside bytes that are not UTF-8 (`%FF%00`) is
    /// found too. A malformed escape (`%zz`, a `%` at the end) is read as written.
    public static func hasControlCharacters(percentEncoded text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            var decoded = byte
            if byte == UInt8(ascii: "%") {
                var lookahead = bytes
                guard let high = lookahead.next().flatMap(hexValue), let low = lookahead.next().flatMap(hexValue) else { continue }
                decoded = high << 4 | low
                bytes = lookahead
            }
            if decoded < 0x20 && decoded != 0x09 && decoded != 0x0A && decoded != 0x0D || decoded == 0x7F { return true }
        }
        return false
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension TextInput {
    /// Names, titles, labels, addresses: one line. Besides the control characters above,
    /// refuses tab, carriage return, line feed, the C1 controls (NEL among them) and the
    /// Unicode line and paragraph separators, so such a value can never start a new line
    /// in a mail header, a CSV row or a calendar property.
    public static func hasLineBreaksOrControls(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{2028}" || $0 == "\u{2029}" }
    }

    /// A deliverable-looking address: one `@`, a local part, a domain with a dot, no spaces
    /// or characters that could break a mail header. (The only real check is the mail itself.)
    public static func isEmailAddress(_ text: String) -> Bool {
        if let ascii = isASCIIEmailAddress(text) { return ascii }
        guard text.count <= 254, !text.contains(where: { $0.isWhitespace || "<>\"(),;:\\[]".contains($0) }) else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }
    }

    /// The same rules over the bytes of an all-ASCII address (nearly every one), where a byte is
    /// a character; nil for any other text. Walking characters was a twentieth of a
    /// registration's time in a rush.
    static func isASCIIEmailAddress(_ text: String) -> Bool? {
        var text = text
        return text.withUTF8 { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            guard bytes.count <= 254, !bytes.contains(where: { isASCIIWhitespace($0) || forbiddenInAddress.contains($0) }) else { return false }
            let parts = bytes.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
            let labels = parts[1].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && $0.first != UInt8(ascii: "-") && $0.last != UInt8(ascii: "-") }
        }
    }

    private static let forbiddenInAddress = Set("<>\"(),;:\\[]".utf8)

    /// Tab, line feed, vertical tab, form feed, carriage return and space.
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool { (0x09...0x0D).contains(byte) || byte == 0x20 }

    /// Addresses are compared without regard to case (as every provider does in practice).
    public static func normalizedEmail(_ text: String) -> String {
        trimmed(text, newlinesToo: false).lowercased()
    }

    /// `text` without the white space (and, unless told otherwise, line breaks) at either end,
    /// exactly as Foundation's `trimmingCharacters(in:)` with `.whitespacesAndNewlines` (or
    /// `.whitespaces`) gives it. Text that starts and ends with a visible ASCII character, as
    /// nearly every name does, is returned as it is without going through `NSString`.
    public static func trimmed(_ text: String, newlinesToo: Bool = true) -> String {
        let utf8 = text.utf8
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80,
           !isTrimmedASCII(first, newlinesToo: newlinesToo), !isTrimmedASCII(last, newlinesToo: newlinesToo) {
            return text
        }
        return text.trimmingCharacters(in: newlinesToo ? .whitespacesAndNewlines : .whitespaces)
    }

    private static func isTrimmedASCII(_ byte: UInt8, newlinesToo: Bool) -> Bool {
        newlinesToo ? isASCIIWhitespace(byte) : (byte == 0x09 || byte == 0x20)
    }
}
