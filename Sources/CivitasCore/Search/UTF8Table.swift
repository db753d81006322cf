import Foundation

/// Values kept by pieces of text, looked up by the pieces' UTF-8 bytes: hashed and compared
/// byte for byte, and found without copying the piece.
///
/// `String` and `Substring` keys are hashed and compared as Unicode text: unless the whole
/// string is known to be ASCII, every hash first normalizes the text (NFC), scalar by scalar.
/// A search's sample looks up a thousand entries' facet values, and its snippets every word of
/// 25 bodies; a text holding one accented letter anywhere took the slow way for every piece
/// (`_StringGutsSlice._normalizedHash`: a sixth of the server's time on a one-word search,
/// `perf record`). Where the pieces come from one writer (the index's columns, a record's
/// words), the same text is the same bytes, and bytes are what is compared.
///
/// Its methods are inlinable so that each kind of value gets code of its own in the module that
/// uses it (generic code across modules asked the runtime for the value's type at every call).
public struct UTF8Table<Value> {
    @usableFromInline var buckets: [Int: [(key: [UInt8], value: Value)]] = [:]

    @inlinable public init() {}

    @inlinable public func value(for bytes: UnsafeRawBufferPointer) -> Value? {
        guard let bucket = buckets[Self.hash(bytes)] else { return nil }
        return bucket.first { Self.same($0.key, bytes) }?.value
    }

    @inlinable public mutating func set(_ value: Value, for bytes: UnsafeRawBufferPointer) {
        let hash = Self.hash(bytes)
        var bucket = buckets[hash, default: []]
        if let index = bucket.firstIndex(where: { Self.same($0.key, bytes) }) {
            bucket[index].value = value
        } else {
            bucket.append((Array(bytes), value))
        }
        buckets[hash] = bucket
    }

    /// The same, for a piece of a string (copied only when its storage is not contiguous).
    @inlinable public func value(for text: Substring) -> Value? {
        if let found = text.utf8.withContiguousStorageIfAvailable({ value(for: UnsafeRawBufferPointer($0)) }) { return found }
        return Array(text.utf8).withUnsafeBytes { value(for: $0) }
    }

    @inlinable public mutating func set(_ value: Value, for text: Substring) {
        Array(text.utf8).withUnsafeBytes { set(value, for: $0) }
    }

    @inlinable static func same(_ key: [UInt8], _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard key.count == bytes.count else { return false }
        guard let other = bytes.baseAddress else { return true }
        return key.withUnsafeBytes { memcmp($0.baseAddress!, other, bytes.count) == 0 }
    }

    @inlinable static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: bytes)
        return hasher.finalize()
    }
}

extension String {
    /// Whether this text comes before `other` in the order of their UTF-8 bytes (the order
    /// both databases sort in with `COLLATE "C"`).
    public func utf8Precedes(_ other: String) -> Bool { utf8Compared(to: other) < 0 }

    /// Negative, zero or positive as this text comes before, is the same bytes as, or comes
    /// after `other` in the order of their UTF-8 bytes; read from the strings' own storage when
    /// it is contiguous. `utf8.lexicographicallyPrecedes` steps through a view's indices byte
    /// by byte, and `==` on text with an accented letter compares normalized scalars: sorting a
    /// search's facet values by label spent a tenth of its time in the two.
    public func utf8Compared(to other: String) -> Int {
        let answer = utf8.withContiguousStorageIfAvailable { mine in
            other.utf8.withContiguousStorageIfAvailable { theirs in
                let shorter = Swift.min(mine.count, theirs.count)
                var index = 0
                while index < shorter {
                    if mine[index] != theirs[index] { return mine[index] < theirs[index] ? -1 : 1 }
                    index += 1
                }
                return mine.count == theirs.count ? 0 : mine.count < theirs.count ? -1 : 1
            }
        }
        if let answer, let answer { return answer }
        if utf8.elementsEqual(other.utf8) { return 0 }
        return utf8.lexicographicallyPrecedes(other.utf8) ? -1 : 1
    }
}
