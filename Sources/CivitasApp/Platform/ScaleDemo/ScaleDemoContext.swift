import CivitasCore
import Foundation
import SQLKit

/// What a `ScaleDemoGenerator` writes through: batched multi-row inserts, ids shared between
/// generators by name, a seeded random source, the time the network is dated from, and the
/// progress report.
final class ScaleDemoContext: @unchecked Sendable {
    let sql: any SQLDatabase
    let now: Date
    var random: SeededRandom
    private var shared: [String: [String]] = [:]
    private var pending: [String: PendingInsert] = [:]
    /// Tables in the order rows were first queued for them: a row's references are written first.
    private var tableOrder: [String] = []
    private let reportRecord: () -> Void

    /// Rows per INSERT: large enough that the database's per-statement cost vanishes, small
    /// enough for SQLite's limit of bound values per statement.
    private static let boundValuesPerStatement = 20_000

    init(sql: any SQLDatabase, now: Date, random: SeededRandom, shared: [String: [String]], reportRecord: @escaping () -> Void) {
        self.sql = sql
        self.now = now
        self.random = random
        self.shared = shared
        self.reportRecord = reportRecord
    }

    /// The ids shared so far, for the generators that run next.
    var sharedIDs: [String: [String]] { shared }

    /// Makes ids available to the generators that run later ("cities", "people", "topics").
    func share(_ name: String, ids: [String]) { shared[name, default: []].append(contentsOf: ids) }
    func ids(_ name: String) -> [String] { shared[name] ?? [] }

    /// One searchable record written (for the progress bar).
    func recordWritten() { reportRecord() }

    /// Queues a row; rows of one table go to the database together.
    func insert(into table: String, columns: [String], values: [any Encodable & Sendable]) async throws {
        precondition(columns.count == values.count, "\(table): \(columns.count) columns, \(values.count) values")
        if !tableOrder.contains(table) { tableOrder.append(table) }
        var batch = pending[table] ?? PendingInsert(columns: columns)
        batch.rows.append(values)
        pending[table] = batch
        // Every table at once, in order, so no row goes before a row it refers to.
        if batch.rows.count * columns.count >= Self.boundValuesPerStatement { try await flushAll() }
    }

    /// Writes every queued row, tables in the order they were first written to.
    func flushAll() async throws {
        for table in tableOrder { try await flush(table) }
    }

    private func flush(_ table: String) async throws {
        guard let batch = pending.removeValue(forKey: table), !batch.rows.isEmpty else { return }
        var insert = sql.insert(into: table).columns(batch.columns)
        for row in batch.rows { insert = insert.values(row.map { SQLBind($0) }) }
        try await insert.run()
    }

    private struct PendingInsert {
        let columns: [String]
        var rows: [[any Encodable & Sendable]] = []
    }
}
