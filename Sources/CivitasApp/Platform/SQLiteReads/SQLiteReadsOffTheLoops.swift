import SQLKit

/// A reader that hands a statement's rows over as SQLite holds them (`SQLiteRowView`), without
/// making values of their columns: for the few reads of many rows that take their columns
/// apart themselves (a search's sample of the matches).
protocol SQLiteRowCollecting: Sendable {
    /// Runs `query` and gives each row to `each`, which gathers it into the answer.
    func collectRows<T: Sendable>(_ query: SQLQueryString, into initial: T,
                                  _ each: @escaping @Sendable (inout T, SQLiteRowView) throws -> Void) async throws -> T
}

extension SQLiteReader: SQLiteRowCollecting {
    /// On the calling thread, as every statement of this reader.
    func collectRows<T: Sendable>(_ query: SQLQueryString, into initial: T,
                                  _ each: @escaping @Sendable (inout T, SQLiteRowView) throws -> Void) async throws -> T {
        var result = initial
        try collectRows(query, into: &result, each)
        return result
    }
}

/// `SQLiteReader`, with every statement run off the event loops, on `LongReadExecutor`'s
/// threads (where it is when the caller already runs there, as a search does through
/// `AppDatabase.readingLong`). Run on its loop, as page reads are, a long search held every
/// other connection of that loop for as long.
struct SQLiteReadsOffTheLoops: ReaderWrapping, SQLiteRowCollecting {
    let reader: SQLiteReader

    var wrappedReader: any SQLDatabase { reader }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        try await LongReadExecutor.offTheLoops { try await reader.execute(sql: query, onRow) }
    }

    func collectRows<T: Sendable>(_ query: SQLQueryString, into initial: T,
                                  _ each: @escaping @Sendable (inout T, SQLiteRowView) throws -> Void) async throws -> T {
        try await LongReadExecutor.offTheLoops { try await reader.collectRows(query, into: initial, each) }
    }
}
