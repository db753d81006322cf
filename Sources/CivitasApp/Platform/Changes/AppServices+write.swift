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
    func write<Value: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> Written<Value>) async throws -> Value {
        let written = try await database.transaction(body)
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
