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
