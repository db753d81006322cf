import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import Synchronization

/// The `SQLDatabase` that public pages and API reads use on SQLite: statements run on the
/// calling thread over a small pool of read-only connections that keep their prepared
/// statements (see `SQLiteReadConnection` for why). Writes, transactions and migrations go
/// through FluentSQLiteDriver as before; a read inside a write transaction uses that
/// transaction's connection, never this.
final class SQLiteReader: SQLDatabase {
    let path: String
    let logger: Logger
    /// Connections kept between reads; at most as many run at once as threads run requests.
    private let pool = Mutex(Pool())
    private static let keptConnections = 16

    init(path: String, logger: Logger) {
        self.path = path
        self.logger = logger
    }

    var eventLoop: any EventLoop { MultiThreadedEventLoopGroup.singleton.any() }
    /// Kept, not made anew: serializing a statement asks for the dialect at every identifier and bind.
    let dialect: any SQLDialect = ReadDialect(SQLiteDialect())
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        try run(query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        let loop = eventLoop
        do {
            try run(query, onRow)
            return loop.makeSucceededVoidFuture()
        } catch {
            return loop.makeFailedFuture(error)
        }
    }

    private struct Pool: ~Copyable {
        var idle: [SQLiteReadConnection] = []
        var isClosed = false
    }

    /// Closes the kept connections (a connection closes when its last user lets go); reads after this fail.
    func close() {
        pool.withLock { pool in
            pool.isClosed = true
            pool.idle.removeAll()
        }
    }

    private func run(_ query: any SQLExpression, _ onRow: (any SQLRow) -> Void) throws {
        try withConnection(for: query) { connection, sql, binds in try connection.run(sql, binds: binds) { onRow($0) } }
    }

    /// Every row of a statement, read now on the calling thread: what `raw(_:).all()` answers,
    /// without the query builder and the asynchronous calls it goes through (`allTogether`).
    func allRows(_ query: any SQLExpression) throws -> [any SQLRow] {
        var rows: [any SQLRow] = []
        try run(query) { rows.append($0) }
        return rows
    }

    /// Runs a statement and hands each row to `each` as SQLite holds it, gathering `result`
    /// (`SQLiteReadConnection.visit`).
    func collectRows<T>(_ query: any SQLExpression, into result: inout T, _ each: (inout T, SQLiteRowView) throws -> Void) throws {
        try withConnection(for: query) { connection, sql, binds in try connection.visit(sql, binds: binds) { try each(&result, $0) } }
    }

    /// The statement's text and binds, and the connection to run it on: the answer's own
    /// (`snapshot`) when it has one, else one borrowed for the statement.
    private func withConnection(for query: any SQLExpression, _ body: (SQLiteReadConnection, String, [SQLiteData]) throws -> Void) throws {
        let (sql, encodable) = serializeRead(query)
        ReadCounter.record(sql)
        let binds = try encodable.map(Self.sqliteData)
        if let snapshot = Self.snapshot, snapshot.claim(by: ObjectIdentifier(self)) {
            defer { snapshot.release() }
            try body(snapshot.connection, sql, binds)
            return
        }
        let connection = try borrow()
        defer { giveBack(connection) }
        try body(connection, sql, binds)
    }

    /// `SQLiteReader`, with every statement run off the event loops (`AppDatabase.readsPlannedPerRun`).
    var offTheLoops: SQLiteReadsOffTheLoops { SQLiteReadsOffTheLoops(reader: self) }

    /// Text, whole numbers and flags, nearly every bind a page sends, as SQLiteKit's encoder
    /// gives them (`Bool` as 1 or 0), without its search for a conversion; the rest through it.
    private static func sqliteData(_ value: any Encodable & Sendable) throws -> SQLiteData {
        switch value {
        case let text as String: .text(text)
        case let number as Int: .integer(number)
        case let flag as Bool: .integer(flag ? 1 : 0)
        default: try encoder.encode(value)
        }
    }

    /// Made once: each one makes a `JSONEncoder` of its own.
    private static let encoder = SQLiteDataEncoder()

    /// The connection an answer reads through, inside one read transaction: every statement of
    /// the answer sees the same committed state, and SQLite takes its shared lock and checks the
    /// log once per answer instead of once per statement (a tenth of an uncached page's time).
    @TaskLocal static var snapshot: AnswerConnection<SQLiteReadConnection>?

    /// Runs `body` with its reads in one read transaction on one connection.
    func withSnapshot<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        if Self.snapshot?.reader == ObjectIdentifier(self) { return try await body() }
        let connection = try borrow()
        do {
            try connection.beginRead()
        } catch {
            giveBack(connection)
            throw error
        }
        let result: Result<T, any Error>
        do {
            result = .success(try await Self.$snapshot.withValue(AnswerConnection(reader: ObjectIdentifier(self), connection: connection), operation: body))
        } catch {
            result = .failure(error)
        }
        // A connection whose transaction cannot end is not lent again.
        if (try? connection.endRead()) != nil { giveBack(connection) }
        return try result.get()
    }

    private func borrow() throws -> SQLiteReadConnection {
        let (kept, isClosed) = pool.withLock { pool in (pool.idle.popLast(), pool.isClosed) }
        guard !isClosed else { throw SQLiteReadError.closed }
        return try kept ?? SQLiteReadConnection(path: path)
    }

    private func giveBack(_ connection: SQLiteReadConnection) {
        pool.withLock { pool in
            if !pool.isClosed, pool.idle.count < Self.keptConnections { pool.idle.append(connection) }
        }
    }
}
