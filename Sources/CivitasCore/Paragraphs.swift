/// Plain text a person typed, as paragraphs: blocks separated by a blank line (one holding
/// nothing but spaces, tabs or a carriage return), each trimmed, empty ones left out.
///
/// Read over the UTF-8 bytes: splitting a String on "\n\n" compares Characters one by one and
/// trimming with Foundation bridges each block, a twentieth of an event page's time.
public enum Paragraphs {
    public static func split(_ text: String) -> [String] {
        var paragraphs: [String] = []
        var text = text
        text.withUTF8 { bytes in
            var blockStart: Int? = nil, blockEnd = 0
            var lineStart = 0
            func endBlock() {
                if let start = blockStart { paragraphs.append(trimmed(bytes, start, blockEnd)) }
                blockStart = nil
            }
            while lineStart <= bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                var blank = true
                for index in lineStart..<lineEnd where !isBlank(bytes[index]) { blank = false; break }
                if blank {
                    endBlock()
                } else {
                    if blockStart == nil { blockStart = lineStart }
                    blockEnd = lineEnd
                }
                lineStart = lineEnd + 1
            }
            endBlock()
        }
        return paragraphs.filter { !$0.isEmpty }
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

    /// The block without leading and trailing white space; any other Unicode space at its
    /// edges is trimmed as Foundation's `.whitespacesAndNewlines` would.
    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        var first = start, last = end
        while first < last && isBlank(bytes[first]) { first += 1 }
        while last > first && (isBlank(bytes[last - 1]) || bytes[last - 1] == 0x0A) { last -= 1 }
        let block = String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<last]), as: UTF8.self)
        guard first < last, bytes[first] >= 0x80 || bytes[last - 1] >= 0x80 else { return block }
        var characters = Substring(block)
        while let head = characters.first, head.isWhitespace { characters.removeFirst() }
        while let tail = characters.last, tail.isWhitespace { characters.removeLast() }
        return String(characters)
    }
}
