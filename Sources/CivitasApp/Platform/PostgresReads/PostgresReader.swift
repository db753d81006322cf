import Logging
import NIOCore
import NIOPosix
import FluentPostgresDriver
import SQLKit
import Synchronization

/// The `SQLDatabase` that public pages and API reads use on PostgreSQL: statements run as named
/// prepared statements on a few connections of its own, each kept prepared per connection.
///
/// Through the ordinary pool every statement is sent unnamed, so the server parses and plans it
/// again each time: on a profile page that was 3.8 ms of the server's time for 0.4 ms of
/// execution (`log_min_duration_statement = 0`: parse 0.1-0.2 ms, plan 0.1-1.5 ms per
/// statement). A prepared statement is parsed once per connection, and after a few runs the
/// server keeps a generic plan for it. Writes, transactions, migrations and `LISTEN` go through
/// FluentPostgresDriver as before; a read inside a write transaction uses that transaction's
/// connection, never this.
final class PostgresReader: AsyncSQLDatabase, SpareReadConnections {
    let logger: Logger
    private let configuration: PostgresConnection.Configuration
    private let pool: PostgresReadPool

    /// `waitLimit`: how long a read waits for a connection when all are in use (see `PostgresReadPool`).
    init(url: String, logger: Logger, waitLimit: TimeAmount) throws {
        self.logger = logger
        var configuration = try SQLPostgresConfiguration.civitas(url: url).coreConfiguration
        // No just-in-time compilation of reads: PostgreSQL compiles a statement whose estimated
        // cost passes `jit_above_cost`, which a search's walk in rank order does (its estimate
        // is for every row, while it stops after a page of them); compiling took 10-36 ms of
        // searches that then ran in under 30 ms, at 1,000,000 records.
        configuration.options.additionalStartupParameters.append(("jit", "off"))
        self.configuration = configuration
        pool = PostgresReadPool(limit: Self.connectionLimit, waitLimit: waitLimit)
    }

    /// At most this many connections read at once; more readers wait their turn. Pages hold one
    /// connection each while they render, and the server's default allows 100 in all.
    static let connectionLimit = 12

    var eventLoop: any EventLoop { MultiThreadedEventLoopGroup.singleton.any() }
    /// Kept, not made anew: serializing a statement asks for the dialect at every identifier and bind.
    let dialect: any SQLDialect = ReadDialect(PostgresDialect())
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        try await execute(sql: query, prepared: true, onRow)
    }

    /// `prepared: false` sends the statement unnamed, so the server plans it for the values bound
    /// on every run (see `plannedPerRun`).
    func execute(sql query: any SQLExpression, prepared: Bool, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        let (sql, binds) = serializeRead(query)
        ReadCounter.record(sql)
        let statement = try PostgresReadStatement(sql: sql, binds: binds, prepared: prepared, query: query)
        let delivered = Atomic<Bool>(false)
        do {
            try await run(statement) { row in
                delivered.store(true, ordering: .relaxed)
                onRow(row)
            }
        } catch where Self.lostConnection(error) && !delivered.load(ordering: .relaxed) {
            // The connection broke under the statement (the server restarted, or ended the
            // session): a read changes nothing, so it runs once more on a connection opened anew,
            // unless some of its rows were already handed over. Not on a kept one: those broke
            // too, and the driver may not know it yet (a page failed that way on a loaded machine).
            try await onBorrowedConnection(openedAnew: true) { try await $0.run(statement, logger: logger, onRow) }
        }
    }

    private func run(_ statement: PostgresReadStatement, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        // An answer whose connection broke reads the rest of its statements through the pool.
        if let snapshot = Self.snapshot, !snapshot.connection.isClosed, snapshot.claim(by: ObjectIdentifier(self)) {
            defer { snapshot.release() }
            try await snapshot.connection.run(statement, logger: logger, onRow)
            return
        }
        try await onBorrowedConnection { try await $0.run(statement, logger: logger, onRow) }
    }

    /// Runs `work` on a connection of the pool, and gives it back unless it broke under it.
    private func onBorrowedConnection(openedAnew: Bool = false, _ work: (PostgresReadConnection) async throws -> Void) async throws {
        let connection = try await openedAnew ? borrowOpenedAnew() : borrow()
        do {
            try await work(connection)
        } catch {
            giveBack(connection, after: error)
            throw error
        }
        giveBack(connection)
    }

    /// Whether a read failed because its connection is gone rather than because of the statement.
    static func lostConnection(_ error: any Error) -> Bool {
        if case PostgresReadError.connectionLost = error { return true }
        guard let error = error as? PSQLError else { return false }
        switch error.code {
        case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown:
            return true
        case .server:
            // 57P01-57P03: the server is shutting down or ended the session; class 08: connection exceptions.
            let state = error.serverInfo?[.sqlState] ?? ""
            return state.hasPrefix("57P") || state.hasPrefix("08")
        default:
            return false
        }
    }

    /// The connection an answer reads through: its statements go one after another on it, with
    /// no wait for the pool between them.
    @TaskLocal static var snapshot: AnswerConnection<PostgresReadConnection>?

    /// Runs `body` with its reads on one connection, and its work on that connection's event loop.
    /// Each statement still sees what was committed when it started (PostgreSQL's READ
    /// COMMITTED), as through the pool.
    func withOneConnection<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        if Self.snapshot?.reader == ObjectIdentifier(self) { return try await body() }
        // A connection of the loop the request runs on (see `LoopBoundHTTP1Channel`), when one is free.
        return try await reading(on: try await borrow(near: MultiThreadedEventLoopGroup.currentEventLoop), body)
    }

    /// Runs `body` with its reads on a second connection, when one is free now (nil, without
    /// running it, when none is): reads an answer sends beside those on its own connection
    /// (`SpareReadConnections`). Never waits for the pool, so answers holding a connection never
    /// wait on each other's.
    func withSpareConnection<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T? {
        let connection: PostgresReadConnection
        switch pool.takeIfFree(awayFrom: MultiThreadedEventLoopGroup.currentEventLoop) {
        case nil:
            return nil
        case .kept(let kept) where kept.isClosed:
            pool.lost()
            return nil
        case .kept(let kept):
            connection = kept
        case .open:
            connection = try await open()
        }
        return try await reading(on: connection, body)
    }

    /// Runs `body` with its reads on `connection`, lent to it alone, and its work on that
    /// connection's event loop; then gives the connection back (closed if it broke).
    private func reading<T: Sendable>(on connection: PostgresReadConnection, _ body: @Sendable () async throws -> T) async throws -> T {
        let result: Result<T, any Error>
        do {
            result = .success(try await withTaskExecutorPreference(connection.executor) {
                try await Self.$snapshot.withValue(AnswerConnection(reader: ObjectIdentifier(self), connection: connection), operation: body)
            })
        } catch {
            result = .failure(error)
        }
        if case .failure(let error) = result { giveBack(connection, after: error) } else { giveBack(connection) }
        return try result.get()
    }

    /// `near`: the loop to prefer a kept connection of; a connection opened anew is opened on
    /// the caller's loop when it runs on one (`any()` answers the current loop first).
    private func borrow(near loop: (any EventLoop)? = nil) async throws -> PostgresReadConnection {
        switch try await pool.take(near: loop) {
        case .kept(let connection) where connection.isClosed:
            // Closed while it was kept (the server restarted or ended the session): its place
            // goes to a new one. Lent as it is, its statements would never be answered.
            pool.lost()
            return try await borrow(near: loop)
        case .kept(let connection):
            return connection
        case .open:
            return try await open()
        }
    }

    /// A connection opened now, in a place a kept one may give up (see `PostgresReadPool.takeToOpen`).
    private func borrowOpenedAnew() async throws -> PostgresReadConnection {
        let (lent, evicted) = try await pool.takeToOpen()
        evicted?.close()
        switch lent {
        case .kept(let connection) where connection.isClosed:
            pool.lost()
            return try await borrowOpenedAnew()
        case .kept(let connection):
            // Given back by a reader whose statements it answered: alive.
            return connection
        case .open:
            return try await open()
        }
    }

    /// Opens a connection in a place the pool has counted for it; the place is freed if it fails.
    private func open() async throws -> PostgresReadConnection {
        do {
            let opened = try await PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration,
                                                              id: pool.nextID(), logger: logger)
            return PostgresReadConnection(opened)
        } catch {
            pool.lost()
            throw error
        }
    }

    /// A connection that broke (the server restarted, the network dropped) is closed, not lent again.
    private func giveBack(_ connection: PostgresReadConnection) {
        if connection.isClosed {
            // Known broken but perhaps not yet closed by the driver: closed here, its place freed.
            connection.close()
            pool.lost()
        } else if !pool.giveBack(connection) {
            connection.close()
        }
    }

    /// A connection whose statement failed because the connection broke is closed, not kept:
    /// the error can arrive before the driver marks the connection closed, and a retry lent the
    /// same connection failed in its turn (seen every time with a session ended mid-statement).
    private func giveBack(_ connection: PostgresReadConnection, after error: any Error) {
        guard Self.lostConnection(error) else { return giveBack(connection) }
        connection.close()
        pool.lost()
    }

    /// Closes the kept connections; reads after this fail.
    func close() async {
        for connection in pool.close() { try? await connection.underlying.close() }
    }

    /// The same reader, with every statement planned for its values on each run. A prepared
    /// statement soon runs a generic plan, made without the values: right for a page's reads by
    /// key, wrong where the best plan depends on them (a search that matches a few rows or a
    /// hundred thousand: the two-facet search API read 11-13 ms of the server's time per answer
    /// on generic plans, 5.4-5.8 ms planned each time).
    var plannedPerRun: ReadsSentAnotherWay {
        ReadsSentAnotherWay(reader: self) { query, onRow in try await self.execute(sql: query, prepared: false, onRow) }
    }
}
