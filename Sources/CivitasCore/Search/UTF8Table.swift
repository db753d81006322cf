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
    /// Every key's bytes, one after another.
    @usableFromInline var keyBytes: [UInt8] = []
    /// Each entry in the order set: where its key lies in `keyBytes`, its hash and its value.
    @usableFromInline var entries: [(start: Int, count: Int, hash: UInt64, value: Value)] = []
    /// Open addressing over a power of two of slots, each an entry's index or -1, never more
    /// than half full. Hashing a piece through `Hasher` twice (the piece's bytes, then the
    /// dictionary's own hash of that number) was most of a lookup: a search's snippets and
    /// sample ask thousands of them.
    @usableFromInline var slots: [Int32] = []

    @inlinable public init() {}

    @inlinable public func value(for bytes: UnsafeRawBufferPointer) -> Value? {
        guard !slots.isEmpty else { return nil }
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return nil }
            if entries[index].hash == hash, holds(index, bytes) { return entries[index].value }
            slot = (slot + 1) & mask
        }
    }

    @inlinable public mutating func set(_ value: Value, for bytes: UnsafeRawBufferPointer) {
        if (entries.count + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { break }
            if entries[index].hash == hash, holds(index, bytes) {
                entries[index].value = value
                return
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(entries.count)
        entries.append((keyBytes.count, bytes.count, hash, value))
        keyBytes.append(contentsOf: bytes)
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

    /// Whether the entry at `index` has these bytes for its key.
    @inlinable func holds(_ index: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let entry = entries[index]
        guard entry.count == bytes.count else { return false }
        guard let other = bytes.baseAddress, entry.count > 0 else { return true }
        return keyBytes.withUnsafeBytes { memcmp($0.baseAddress! + entry.start, other, entry.count) == 0 }
    }

    /// Twice the slots, every entry placed again by its kept hash.
    @inlinable mutating func grow() {
        let count = max(16, slots.count * 2)
        slots = [Int32](repeating: -1, count: count)
        let mask = count - 1
        for (index, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    /// A quick hash of the bytes, eight at a time (multiply, fold the high half down). Not
    /// seeded: a table lives for one search, and keys that collide only make probes longer.
    @inlinable static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = UInt64(truncatingIfNeeded: bytes.count) &* multiplier
        var offset = 0
        while offset + 8 <= bytes.count {
            let chunk = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = (hash ^ chunk) &* multiplier
            hash ^= hash >> 32
            offset += 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0
            for index in offset..<bytes.count { tail = (tail << 8) | UInt64(bytes[index]) }
            hash = (hash ^ tail) &* multiplier
            hash ^= hash >> 32
        }
        hash = (hash ^ (hash >> 29)) &* 0xBF58_476D_1CE4_E5B9
        return hash ^ (hash >> 32)
    }
}

extension UTF8Table: Sendable where Value: Sendable {}
