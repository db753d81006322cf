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
