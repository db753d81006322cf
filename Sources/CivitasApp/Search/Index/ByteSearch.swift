import Foundation

/// Finding one byte in a run of bytes with `memchr` (vectorised by the C library), for the
/// long texts a search's sample arrives as: a byte-by-byte loop in Swift over 100 KB or more
/// was a tenth of a common word's search in the server.
enum ByteSearch {
    /// Where `byte` first lies in `base[from..<to]`, if it does.
    static func offset(of byte: UInt8, in base: UnsafeRawPointer, from: Int, to: Int) -> Int? {
        guard from < to, let found = memchr(base + from, Int32(byte), to - from) else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }
}
