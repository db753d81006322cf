import FluentKit

/// What a write command's transaction returns: its outcome, and what it changed.
struct Written<Value: Sendable>: Sendable {
    let value: Value
    let change: PublishedChange

    init(_ value: Value, changed change: PublishedChange = .nothing) {
        self.value = value
        self.change = change
    }
}

extension AppServices {
    /// Runs a write command in one transaction (the database's writer queue on SQLite) and,
    /// once it has committed, publishes what it declared it changed. A transaction that fails
    /// publishes nothing.
    ///
    /// `queuedOn`: the table whose slug lock the command takes (`RecordSlug.lockTable`), so
    /// that this process's writes to it wait their turn before taking a connection.
    func write<Value: Sendable>(queuedOn table: String? = nil,
                                _ body: @escaping @Sendable (any Database) async throws -> Written<Value>) async throws -> Value {
        let written = if let table { try await database.transaction(queuedOn: table, body) } else { try await database.transaction(body) }
        await changes.publish(written.change, database: database, logger: logger)
        return written.value
    }

    /// The same for decisions that count and lock one row (registrations, signatures).
    func countingWrite<Value: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> Written<Value>) async throws -> Value {
        let written = try await database.countingTransaction(body)
        await changes.publish(written.change, database: database, logger: logger)
        return written.value
    }
}
