import SQLKit

/// A reader whose statements are run another way than its own `execute` runs them (planned
/// for their values on PostgreSQL: see `AppDatabase.readsPlannedPerRun`), with the reader's
/// dialect, logger and loop.
struct ReadsSentAnotherWay: ReaderWrapping {
    typealias Run = @Sendable (any SQLExpression, @escaping @Sendable (any SQLRow) -> ()) async throws -> Void

    let reader: any SQLDatabase
    let run: Run

    var wrappedReader: any SQLDatabase { reader }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        try await run(query, onRow)
    }
}

extension ReadsSentAnotherWay: SpareReadConnections {
    /// The wrapped reader's spare connection, when it lends one (its statements still run this way).
    func withSpareConnection<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T? {
        guard let spare = reader as? any SpareReadConnections else { return nil }
        return try await spare.withSpareConnection(body)
    }
}
