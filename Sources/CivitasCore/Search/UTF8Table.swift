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
        if text.utf8.withContiguousStorageIfAvailable({ set(value, for: UnsafeRawBufferPointer($0)) }) != nil { return }
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
