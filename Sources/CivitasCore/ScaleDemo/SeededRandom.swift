/// A random number generator that gives the same numbers for the same seed on every machine
/// (SplitMix64), so a scaled demo network of a given size is the same network each time.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// An index below `count` (`count` > 0).
    public mutating func index(_ count: Int) -> Int { Int(next() % UInt64(count)) }

    public mutating func pick<T>(_ values: [T]) -> T { values[index(values.count)] }

    /// `count` different indexes below `limit`, in the order drawn.
    public mutating func distinctIndexes(_ count: Int, below limit: Int) -> [Int] {
        var chosen: [Int] = []
        while chosen.count < min(count, limit) {
            let candidate = index(limit)
            if !chosen.contains(candidate) { chosen.append(candidate) }
        }
        return chosen
    }
}
