import Synchronization

/// The column names of one statement's answer, shared by its rows, and where each is.
///
/// Rows are read by column name, and code reads a row's columns in much the same order each
/// time: the position after the last one found is tried first, by comparing two names (a
/// compare of two machine words for names of up to 15 bytes), before the table of names is
/// hashed. Through PostgresNIO's row each cell was looked up twice by hash: reading rows took
/// 15.4% of the server's samples on the people API list, and 10.9% this way (`perf record` of
/// the server under `wrk -c64`, PostgreSQL). On SQLite each name was compared with the names
/// before it: a membership line (twenty columns) spent half its decoding comparing names.
final class ReadColumns: Sendable {
    /// Which of two columns of one name a row's reader gets.
    enum RepeatedName {
        /// As SQLite's own rows (SQLiteNIO's) give it.
        case firstWins
        /// As PostgresNIO's own rows (and so the pool) give it.
        case lastWins
    }

    let names: [String]
    private let positions: [String: Int]
    /// Whether the column at each position is the one its name means (see `RepeatedName`).
    private let meantByItsName: [Bool]
    /// Where the next name is looked for first. Rows of one answer are read by one task at a
    /// time, but nothing depends on that: a stale guess only means a lookup in the table.
    private let nextGuess = Atomic<Int>(0)

    init(names: [String], repeated: RepeatedName) {
        self.names = names
        var positions: [String: Int] = [:]
        for (position, name) in names.enumerated() where repeated == .lastWins || positions[name] == nil {
            positions[name] = position
        }
        self.positions = positions
        meantByItsName = names.indices.map { positions[names[$0]] == $0 }
    }

    func position(of name: String) -> Int? {
        let guess = nextGuess.load(ordering: .relaxed)
        if guess < names.count, meantByItsName[guess], names[guess] == name {
            nextGuess.store(guess + 1, ordering: .relaxed)
            return guess
        }
        // The name found last, asked again: a field is read as whether it is null, then as its value.
        if guess > 0, guess <= names.count, meantByItsName[guess - 1], names[guess - 1] == name { return guess - 1 }
        guard let found = positions[name] else { return nil }
        nextGuess.store(found + 1, ordering: .relaxed)
        return found
    }
}
