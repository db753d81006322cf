import Foundation

/// Writes an `Encodable` value as the JSON text Foundation's `JSONEncoder` writes with
/// `.sortedKeys` (byte for byte: the same key order, escapes and number forms), straight into
/// bytes as the value encodes itself.
///
/// Why not `JSONEncoder`: it first builds a tree of boxed values, then walks it again to write
/// text; on an uncached API list that was four tenths of the server's time. Here each object's
/// members are written as they come and reordered by key once, when the object closes.
///
/// Values that use what streaming cannot follow (a `superEncoder`, writing into a container
/// after a later one was opened, `Data` or `Decimal`, which Foundation writes in its own way)
/// are handed to `JSONEncoder` whole, so the answer is always Foundation's.
/// `SortedKeysJSONEncoderTests` holds the two to the same bytes on every API answer of the demo.
public struct SortedKeysJSONEncoder: Sendable {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let output = JSONOutput()
        do {
            try output.writeValue(value)
            try output.close(downTo: 0)
            return output.bytes
        } catch is JSONOutput.CannotStream {
            return Array(try Self.foundation.encode(value))
        }
    }

    private static let foundation: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()
}

/// The text written so far and the containers still open, innermost last.
final class JSONOutput {
    struct CannotStream: Error {}

    struct OpenContainer {
        let id: Int
        let isObject: Bool
        var count = 0
        /// Where this object's members begin in `members`.
        let firstMember: Int
        /// Whether the keys so far came in sorted order (then closing moves nothing).
        var inOrder = true
    }

    // The stored properties are read and written on every byte written. A class's properties
    // are checked for overlapping access at run time on each of those, which cost a twentieth of
    // an uncached API list; `JSONOutput` is written by one value at a time and never hands out
    // its buffers, so the checks are left to the compiler's static ones.
    @exclusivity(unchecked) var bytes: [UInt8] = []
    @exclusivity(unchecked) private(set) var open: [OpenContainer] = []
    /// Where each member of the open objects starts (its key's opening quote), with its key,
    /// for sorting on close; one list for all of them, innermost object's last, so that an
    /// object costs no list of its own.
    @exclusivity(unchecked) private var members: [(key: String, start: Int)] = []
    @exclusivity(unchecked) private var nextID = 0

    init() { bytes.reserveCapacity(4096) }

    // MARK: Containers

    /// Opens an object or array at the current position; returns where it sits in `open`.
    func openContainer(isObject: Bool) -> (level: Int, id: Int) {
        nextID += 1
        bytes.append(isObject ? UInt8(ascii: "{") : UInt8(ascii: "["))
        open.append(OpenContainer(id: nextID, isObject: isObject, firstMember: members.count))
        return (open.count - 1, nextID)
    }

    /// Makes the container at `level` the innermost again (closing any opened inside it since),
    /// or refuses if it was already closed: the value wrote out of order.
    func resume(level: Int, id: Int) throws {
        guard level < open.count, open[level].id == id else { throw CannotStream() }
        try close(downTo: level + 1)
    }

    /// Closes every container at `level` or deeper.
    func close(downTo level: Int) throws {
        while open.count > level {
            let container = open.removeLast()
            if container.isObject {
                if !container.inOrder { sortMembers(members[container.firstMember...]) }
                members.removeSubrange(container.firstMember...)
                bytes.append(UInt8(ascii: "}"))
            } else {
                bytes.append(UInt8(ascii: "]"))
            }
        }
    }

    /// Starts the next element of the container at `level`: a comma after the first.
    func beginElement(level: Int) {
        if open[level].count > 0 { bytes.append(UInt8(ascii: ",")) }
        open[level].count += 1
    }

    /// Starts the next member of the object at `level`: a comma, the key and a colon.
    func beginMember(level: Int, key: String) {
        beginElement(level: level)
        if open[level].inOrder, members.count > open[level].firstMember, !Self.precedes(members[members.count - 1].key, key) {
            open[level].inOrder = false
        }
        members.append((key, bytes.count))
        writeString(key)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Reorders an object's members (written from `members[0].start` to the end of `bytes`)
    /// by their keys' UTF-8 bytes, as `.sortedKeys` does.
    private func sortMembers(_ members: ArraySlice<(key: String, start: Int)>) {
        let members = Array(members)
        guard members.count > 1 else { return }
        let end = bytes.count
        // Each member's text without its separating comma.
        let pieces: [(key: String, text: ArraySlice<UInt8>)] = members.enumerated().map { index, member in
            let stop = index + 1 < members.count ? members[index + 1].start - 1 : end
            return (member.key, bytes[member.start..<stop])
        }
        let ordered = pieces.sorted { Self.precedes($0.key, $1.key) }
        var rewritten: [UInt8] = []
        rewritten.reserveCapacity(end - members[0].start)
        for (index, piece) in ordered.enumerated() {
            if index > 0 { rewritten.append(UInt8(ascii: ",")) }
            rewritten.append(contentsOf: piece.text)
        }
        bytes.replaceSubrange(members[0].start..<end, with: rewritten)
    }

    private static func precedes(_ left: String, _ right: String) -> Bool {
        left.utf8.lexicographicallyPrecedes(right.utf8)
    }

    // MARK: Values

    func writeNull() { bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }

    func writeBool(_ value: Bool) {
        if value { bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65]) } else { bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65]) }
    }

    func writeInteger<T: BinaryInteger>(_ value: T) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Foundation's form: the shortest text that reads back the same, without a trailing ".0".
    func writeFloat<T: BinaryFloatingPoint & LosslessStringConvertible>(_ value: T) throws {
        guard value.isFinite else { throw CannotStream() }  // Foundation explains the refusal
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    /// A string with Foundation's escapes: quote, backslash, slash, and control characters.
    func writeString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "/") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                bytes.append(0x5C)
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(byte)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    bytes.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30])
                    bytes.append(Self.hex[Int(byte >> 4)])
                    bytes.append(Self.hex[Int(byte & 0xF)])
                }
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// A record's field, written without an `Encoder` of its own: lists write hundreds of them.
    func writeField(_ value: FieldValue) throws {
        switch value {
        case .null: writeNull()
        case .text(let text): writeString(text)
        case .integer(let number): writeInteger(number)
        case .decimal(let number): try writeFloat(number)
        case .flag(let flag): writeBool(flag)
        case .ids(let ids):
            bytes.append(UInt8(ascii: "["))
            for (index, id) in ids.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                writeString(id)
            }
            bytes.append(UInt8(ascii: "]"))
        }
    }

    /// Any value: the few types Foundation treats specially, or the value encoding itself.
    func writeValue<T: Encodable>(_ value: T) throws {
        // Type comparisons, not casts: casting every value is much of what JSONEncoder costs;
        // each reinterpretation below is from a type to itself.
        if T.self == String.self {
            writeString(unsafeBitCast(value, to: String.self))
        } else if T.self == FieldValue.self {
            try writeField(unsafeBitCast(value, to: FieldValue.self))
        } else if T.self == Optional<String>.self {
            if let text = unsafeBitCast(value, to: String?.self) { writeString(text) } else { writeNull() }
        } else if T.self == URL.self {
            writeString(unsafeBitCast(value, to: URL.self).absoluteString)
        } else if T.self == Data.self || T.self == Decimal.self {
            throw CannotStream()
        } else if let selfWriting = value as? any SelfWritingJSON {
            try selfWriting.writeJSON(to: self)
        } else {
            let encoder = StreamingEncoder(output: self, level: open.count)
            try value.encode(to: encoder)
            try encoder.finish()
        }
    }
}

/// The `Encoder` a value encodes itself to: one per value, at the depth where it is written.
private final class StreamingEncoder: Encoder {
    let output: JSONOutput
    /// How many containers were open when this value began: the ones it opens sit above.
    let level: Int
    private var wroteValue = false
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(output: JSONOutput, level: Int) {
        self.output = output
        self.level = level
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let (containerLevel, id) = claim(isObject: true)
        return KeyedEncodingContainer(StreamingKeyedContainer<Key>(output: output, level: containerLevel, id: id))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let (containerLevel, id) = claim(isObject: false)
        return StreamingUnkeyedContainer(output: output, level: containerLevel, id: id)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        StreamingSingleValueContainer(encoder: self)
    }

    /// A value asking for its container twice gets the same one, as with Foundation; one that
    /// cannot be placed gets a container whose every write refuses (`level` past the open ones).
    private var claimed: (level: Int, id: Int)?
    private func claim(isObject: Bool) -> (Int, Int) {
        if let claimed {
            let stillOpen = claimed.level < output.open.count && output.open[claimed.level].id == claimed.id
            return stillOpen && output.open[claimed.level].isObject == isObject ? claimed : (Int.max, -1)
        }
        guard !wroteValue, level != Int.max else { return (Int.max, -1) }
        let opened = output.openContainer(isObject: isObject)
        claimed = opened
        return opened
    }

    /// The encoder `superEncoder()` hands out: streaming cannot place what it writes, so the
    /// first write sends the whole value to Foundation's encoder.
    static func unplaceable(_ output: JSONOutput) -> StreamingEncoder {
        StreamingEncoder(output: output, level: Int.max)
    }

    func willWriteSingleValue() throws {
        guard !wroteValue, claimed == nil, level != Int.max else { throw JSONOutput.CannotStream() }
        try output.close(downTo: level)
        wroteValue = true
    }

    /// Closes what the value opened; a value that wrote nothing is an empty object, as with Foundation.
    func finish() throws {
        if !wroteValue && claimed == nil { output.bytes.append(contentsOf: [0x7B, 0x7D]) }
        try output.close(downTo: level)
    }
}

private struct StreamingKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let output: JSONOutput
    let level: Int
    let id: Int
    var codingPath: [any CodingKey] { [] }

    private func member(_ key: Key) throws {
        try output.resume(level: level, id: id)
        output.beginMember(level: level, key: key.stringValue)
    }

    mutating func encodeNil(forKey key: Key) throws { try member(key); output.writeNull() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try member(key); output.writeBool(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { try member(key); output.writeString(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try member(key); try output.writeFloat(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try member(key); try output.writeFloat(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try member(key); output.writeInteger(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try member(key); output.writeInteger(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try member(key); output.writeInteger(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try member(key); output.writeInteger(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try member(key); output.writeInteger(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try member(key); output.writeInteger(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try member(key); output.writeInteger(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try member(key); output.writeInteger(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try member(key); output.writeInteger(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try member(key); output.writeInteger(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try member(key); try output.writeValue(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        guard (try? member(key)) != nil else { return KeyedEncodingContainer(StreamingKeyedContainer<NestedKey>(output: output, level: Int.max, id: -1)) }
        let (nestedLevel, nestedID) = output.openContainer(isObject: true)
        return KeyedEncodingContainer(StreamingKeyedContainer<NestedKey>(output: output, level: nestedLevel, id: nestedID))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        guard (try? member(key)) != nil else { return StreamingUnkeyedContainer(output: output, level: Int.max, id: -1) }
        let (nestedLevel, nestedID) = output.openContainer(isObject: false)
        return StreamingUnkeyedContainer(output: output, level: nestedLevel, id: nestedID)
    }

    mutating func superEncoder() -> any Encoder { StreamingEncoder.unplaceable(output) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { StreamingEncoder.unplaceable(output) }
}

private struct StreamingUnkeyedContainer: UnkeyedEncodingContainer {
    let output: JSONOutput
    let level: Int
    let id: Int
    var codingPath: [any CodingKey] { [] }
    var count: Int { level < output.open.count ? output.open[level].count : 0 }

    private func element() throws {
        try output.resume(level: level, id: id)
        output.beginElement(level: level)
    }

    mutating func encodeNil() throws { try element(); output.writeNull() }
    mutating func encode(_ value: Bool) throws { try element(); output.writeBool(value) }
    mutating func encode(_ value: String) throws { try element(); output.writeString(value) }
    mutating func encode(_ value: Double) throws { try element(); try output.writeFloat(value) }
    mutating func encode(_ value: Float) throws { try element(); try output.writeFloat(value) }
    mutating func encode(_ value: Int) throws { try element(); output.writeInteger(value) }
    mutating func encode(_ value: Int8) throws { try element(); output.writeInteger(value) }
    mutating func encode(_ value: Int16) throws { try element(); output.writeInteger(value) }
    mutating func encode(_ value: Int32) throws { try element(); output.writeInteger(value) }
    mutating func encode(_ value: Int64) throws { try element(); output.writeInteger(value) }
    mutating func encode(_ value: UInt) throws { try element(); output.writeInteger(value) }
    mutating func encode(_ value: UInt8) throws { try element(); output.writeInteger(value) }
    mutating func encode(_ value: UInt16) throws { try element(); output.writeInteger(value) }
    mutating func encode(_ value: UInt32) throws { try element(); output.writeInteger(value) }
    mutating func encode(_ value: UInt64) throws { try element(); output.writeInteger(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try element(); try output.writeValue(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        guard (try? element()) != nil else { return KeyedEncodingContainer(StreamingKeyedContainer<NestedKey>(output: output, level: Int.max, id: -1)) }
        let (nestedLevel, nestedID) = output.openContainer(isObject: true)
        return KeyedEncodingContainer(StreamingKeyedContainer<NestedKey>(output: output, level: nestedLevel, id: nestedID))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        guard (try? element()) != nil else { return StreamingUnkeyedContainer(output: output, level: Int.max, id: -1) }
        let (nestedLevel, nestedID) = output.openContainer(isObject: false)
        return StreamingUnkeyedContainer(output: output, level: nestedLevel, id: nestedID)
    }

    mutating func superEncoder() -> any Encoder { StreamingEncoder.unplaceable(output) }
}

private struct StreamingSingleValueContainer: SingleValueEncodingContainer {
    let encoder: StreamingEncoder
    var codingPath: [any CodingKey] { [] }
    private var output: JSONOutput { encoder.output }

    mutating func encodeNil() throws { try encoder.willWriteSingleValue(); output.writeNull() }
    mutating func encode(_ value: Bool) throws { try encoder.willWriteSingleValue(); output.writeBool(value) }
    mutating func encode(_ value: String) throws { try encoder.willWriteSingleValue(); output.writeString(value) }
    mutating func encode(_ value: Double) throws { try encoder.willWriteSingleValue(); try output.writeFloat(value) }
    mutating func encode(_ value: Float) throws { try encoder.willWriteSingleValue(); try output.writeFloat(value) }
    mutating func encode(_ value: Int) throws { try encoder.willWriteSingleValue(); output.writeInteger(value) }
    mutating func encode(_ value: Int8) throws { try encoder.willWriteSingleValue(); output.writeInteger(value) }
    mutating func encode(_ value: Int16) throws { try encoder.willWriteSingleValue(); output.writeInteger(value) }
    mutating func encode(_ value: Int32) throws { try encoder.willWriteSingleValue(); output.writeInteger(value) }
    mutating func encode(_ value: Int64) throws { try encoder.willWriteSingleValue(); output.writeInteger(value) }
    mutating func encode(_ value: UInt) throws { try encoder.willWriteSingleValue(); output.writeInteger(value) }
    mutating func encode(_ value: UInt8) throws { try encoder.willWriteSingleValue(); output.writeInteger(value) }
    mutating func encode(_ value: UInt16) throws { try encoder.willWriteSingleValue(); output.writeInteger(value) }
    mutating func encode(_ value: UInt32) throws { try encoder.willWriteSingleValue(); output.writeInteger(value) }
    mutating func encode(_ value: UInt64) throws { try encoder.willWriteSingleValue(); output.writeInteger(value) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try encoder.willWriteSingleValue()
        try output.writeValue(value)
    }
}
