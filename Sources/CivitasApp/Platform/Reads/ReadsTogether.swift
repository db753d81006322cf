import Synchronization
import SQLKit

extension SQLDatabase {
    /// Runs reads that do not depend on one another, and answers each one's rows in order.
    ///
    /// On PostgreSQL they are sent as one statement, each read's rows gathered into a JSON
    /// array (`json_agg` over the read as a subquery, whose rows it takes in the subquery's
    /// order), so a page pays one round trip to the server, and the server one statement's
    /// overhead, for all of them: on an uncached page each statement cost the server process
    /// about 0.15 ms and PostgreSQL about as much again, more than most of them took to run.
    /// On SQLite, where a statement costs no round trip, they run one after another, through
    /// `SQLiteReader.allRows` when they read through it (no query builder or asynchronous
    /// calls per statement: 2-7% of an uncached event page, news list or practice page). Either
    /// way the rows are `SQLRow`s read by column name, decoded by the same code as rows read alone.
    ///
    /// Only for reads by key whose best plan does not depend on the key: PostgreSQL plans the
    /// statement once and keeps that plan unless one of its reads is better planned for the
    /// values bound (a count over a table where one key holds most rows), and then plans the
    /// whole statement again on every run.
    func allTogether(_ reads: [ReadSQL]) async throws -> [[any SQLRow]] {
        if let reader = self as? SQLiteReader {
            // SQLite's statements run on the calling thread: each is read at once.
            return try reads.map { try reader.allRows($0) }
        }
        guard reads.count > 1, dialect.name == "postgresql" else {
            // One statement (or none) needs no combining.
            var answers: [[any SQLRow]] = []
            for read in reads { answers.append(try await allRows(of: read)) }
            return answers
        }
        var combined: ReadSQL = "SELECT "
        for (index, read) in reads.enumerated() {
            if index > 0 { combined += ", " }
            combined += "(SELECT COALESCE(json_agg(r), '[]')::text FROM (\(read)) r) AS read_\(unsafeRaw: String(index))"
        }
        guard let row = try await allRows(of: combined).first else { throw JSONRowError.noAnswer }
        return try reads.indices.map { index in
            try JSONRow.rows(fromArray: row.decode(column: "read_\(index)", as: String.self)).map { $0 as any SQLRow }
        }
    }

    /// Every row of a statement, handed to the database as it is (a `ReadSQL` reaches the
    /// readers whole, so they write it without SQLKit's serializer); on SQLite read at once
    /// through the reader, as `allTogether` reads.
    func allRows(of statement: any SQLExpression) async throws -> [any SQLRow] {
        if let reader = self as? SQLiteReader { return try reader.allRows(statement) }
        let rows = CollectedRows()
        try await execute(sql: statement) { rows.append($0) }
        return rows.all
    }
}

/// Rows handed over one at a time by a database, kept in order.
private final class CollectedRows: Sendable {
    private let rows = Mutex<[any SQLRow]>([])
    func append(_ row: any SQLRow) { rows.withLock { $0.append(row) } }
    var all: [any SQLRow] { rows.withLock { $0 } }
}
