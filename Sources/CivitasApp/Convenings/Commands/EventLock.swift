import FluentKit
import SQLKit

/// Takes the lock that registration decisions for one event queue on, inside a transaction.
///
/// PostgreSQL: the event's row, locked `FOR UPDATE` until commit, so two transactions
/// cannot both count the same free place. SQLite: the transaction began IMMEDIATE and
/// already holds the database's only write lock (see `AppDatabase.transaction`).
enum EventLock {
    /// Locks and re-reads the event; nil when it does not exist.
    static func acquire(_ eventID: String, on db: any Database) async throws -> EventRecord? {
        let sql = db as! any SQLDatabase
        var query: SQLQueryString = "SELECT * FROM events WHERE id = \(bind: eventID)"
        if sql.dialect.name == "postgresql" { query += " FOR UPDATE" }
        return try await sql.raw(query).first().map { try EventRecord(row: $0) }
    }
}
