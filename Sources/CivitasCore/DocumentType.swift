/// What an uploaded document is, decided by its bytes, never by its name or by what the
/// browser said: PDF, the Office Open XML formats (Word, Excel, PowerPoint) and the
/// OpenDocument formats. Anything else (HTML, scripts, images, archives) is refused.
public enum DocumentType: String, Sendable, CaseIterable {
    case pdf
    case docx
    case xlsx
    case pptx
    case odt
    case ods
    case odp

    public var mimeType: String {
        switch self {
        case .pdf: "application/pdf"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        case .odt: "application/vnd.oasis.opendocument.text"
        case .ods: "application/vnd.oasis.opendocument.spreadsheet"
        case .odp: "application/vnd.oasis.opendocument.presentation"
        }
    }

    /// How a reader names it: "PDF", "Word document"...
    public var label: String {
        switch self {
        case .pdf: "PDF"
        case .docx: "Word document"
        case .xlsx: "Excel spreadsheet"
        case .pptx: "PowerPoint presentation"
        case .odt: "OpenDocument text"
        case .ods: "OpenDocument spreadsheet"
        case .odp: "OpenDocument presentation"
        }
    }

    public var fileExtension: String { rawValue }

    public init?(mimeType: String) {
        guard let type = Self.allCases.first(where: { $0.mimeType == mimeType }) else { return nil }
        self = type
    }

    public static let accepted = "PDF, Word, Excel, PowerPoint or OpenDocument"

    /// The type the bytes are, or nil.
    public static func detect(_ bytes: [UInt8]) -> DocumentType? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        // Both families are ZIP archives: a local file header first.
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return nil }
        // OpenDocument: the first entry is "mimetype", stored uncompressed, holding the type.
        let nameLength = Int(bytes[safe: 26]) | Int(bytes[safe: 27]) << 8
        let extraLength = Int(bytes[safe: 28]) | Int(bytes[safe: 29]) << 8
        if nameLength == 8, bytes.count > 30 + 8, Array(bytes[30..<38]) == Array("mimetype".utf8) {
            let start = 30 + nameLength + extraLength
            let mimeText = String(decoding: bytes.dropFirst(start).prefix(60), as: UTF8.self)
            for type in [DocumentType.odt, .ods, .odp] where mimeText.hasPrefix(type.mimeType) { return type }
            return nil
        }
        // Office Open XML: the archive's entry names say which application wrote it.
        let names = entryNames(bytes)
        guard names.contains("[Content_Types].xml") else { return nil }
        if names.contains(where: { $0.hasPrefix("word/") }) { return .docx }
        if names.contains(where: { $0.hasPrefix("xl/") }) { return .xlsx }
        if names.contains(where: { $0.hasPrefix("ppt/") }) { return .pptx }
        return nil
    }

    /// The names in a ZIP archive's central directory (read from its end, as unzip does).
    static func entryNames(_ bytes: [UInt8]) -> [String] {
        // The end-of-central-directory record: its signature within the last 64 KiB + 22 bytes.
        let signature: [UInt8] = [0x50, 0x4B, 0x05, 0x06]
        var end = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while end >= lowest, !bytes[end..<min(end + 4, bytes.count)].elementsEqual(signature) { end -= 1 }
        guard end >= lowest else { return [] }
        let count = Int(bytes[safe: end + 10]) | Int(bytes[safe: end + 11]) << 8
        var offset = Int(bytes[safe: end + 16]) | Int(bytes[safe: end + 17]) << 8 | Int(bytes[safe: end + 18]) << 16 | Int(bytes[safe: end + 19]) << 24
        var names: [String] = []
        for _ in 0..<min(count, 10_000) {
            guard offset + 46 <= bytes.count, bytes[offset..<offset + 4].elementsEqual([0x50, 0x4B, 0x01, 0x02]) else { break }
            let nameLength = Int(bytes[offset + 28]) | Int(bytes[offset + 29]) << 8
            let extraLength = Int(bytes[offset + 30]) | Int(bytes[offset + 31]) << 8
            let commentLength = Int(bytes[offset + 32]) | Int(bytes[offset + 33]) << 8
            guard offset + 46 + nameLength <= bytes.count else { break }
            names.append(String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self))
            offset += 46 + nameLength + extraLength + commentLength
        }
        return names
    }
}

private extension Array where Element == UInt8 {
    /// The byte at `index`, or 0 past the end (a truncated file reads as nothing known).
    subscript(safe index: Int) -> UInt8 { indices.contains(index) ? self[index] : 0 }
}
