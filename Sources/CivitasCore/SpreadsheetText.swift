import Foundation

/// The text of a file a spreadsheet saved, in the encodings spreadsheets save in.
///
/// "CSV UTF-8" is UTF-8 with a byte-order mark. Excel's plain "CSV" on Windows is Windows-1252
/// (the most common export of all), and its "Unicode text" is UTF-16 with a byte-order mark.
/// A file that is valid UTF-8 is read as UTF-8; one with a UTF-16 mark as UTF-16; anything
/// else as Windows-1252, whose 251 defined bytes cover Latin-1 and its curly quotes and dashes.
/// A file holding one of its five undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) is not read.
/// Reading in a legacy encoding is a guess, so callers show the text before they use it.
public enum SpreadsheetText {
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf16 = "UTF-16"
        case windows1252 = "Windows-1252"
    }

    /// The file's text and the encoding it was read in, or nil when it is none of them.
    public static func read(_ bytes: [UInt8]) -> (text: String, encoding: Encoding)? {
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            // Foundation reads the mark for the byte order and leaves it out of the text; it
            // would drop a last odd byte without a word, so such a file is refused here.
            guard bytes.count.isMultiple(of: 2) else { return nil }
            return String(bytes: bytes, encoding: .utf16).map { ($0, .utf16) }
        }
        return String(bytes: bytes, encoding: .windowsCP1252).map { ($0, .windows1252) }
    }
}
