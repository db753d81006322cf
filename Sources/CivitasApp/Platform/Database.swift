import CivitasCore
import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import Synchronization

/// Owns the FluentKit `Databases` without Vapor: opens SQLite or PostgreSQL, runs the
/// migrations, and hands out `Database` and `SQLDatabase` values to handlers and commands.
public final class AppDatabase: Sendable {
    public let databases: Databases
    public let location: DatabaseLocation
    let logger: Logger
    /// Where public pages and API answers read (see `reads`).
    private let sqliteReader: SQLiteReader?
    private let postgresReader: PostgresReader?

    /// `poolTimeout`: how long a request waits for a connection before failing as busy (on
    /// SQLite, for the one writer connection; on PostgreSQL, for one of the pool that writes or
    /// of the reader's; tests on a loaded machine give it longer).
    public init(location: DatabaseLocation, logger: Logger, poolTimeout: TimeAmount = .seconds(10)) throws {
        self.location = location
        self.logger = logger
        let databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        switch location {
        case .sqlite(let path):
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            databases.use(.sqlite(.file(path), maxConnectionsPerEventLoop: Self.writeConnectionsPerLoop(location), connectionPoolTimeout: poolTimeout, sqlLogLevel: nil), as: .sqlite)
            sqliteReader = SQLiteReader(path: path, logger: logger)
            postgresReader = nil
        case .postgres(let url):
            databases.use(.postgres(configuration: try .civitas(url: url), maxConnectionsPerEventLoop: Self.writeConnectionsPerLoop(location), connectionPoolTimeout: poolTimeout,
                                    encodingContext: .default, decodingContext: .default, sqlLogLevel: .trace), as: .psql)
            sqliteReader = nil
            postgresReader = try PostgresReader(url: url, logger: logger, waitLimit: poolTimeout)
        }
        self.databases = databases
    }

    /// The connections of the pool that writes (and migrates) on each event loop: SQLite takes
    /// one writer at a time anyway; on PostgreSQL, reads have a pool of their own (`reads`).
    static func writeConnectionsPerLoop(_ location: DatabaseLocation) -> Int {
        switch location {
        case .sqlite: 1
        case .postgres: 4
        }
    }

    /// A database handle for one unit of work.
    public var db: any Database {
        databases.database(logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())!
    }

    public var sql: any SQLDatabase { db as! any SQLDatabase }

    /// For reads outside a write transaction (pages, API answers, lookups): on SQLite, statements
    /// run on the calling thread over read-only connections that keep their prepared statements
    /// (`SQLiteReader`); on PostgreSQL, as named prepared statements on connections of their own
    /// (`PostgresReader`). Never write through it.
    public var reads: any SQLDatabase { sqliteReader ?? postgresReader ?? sql }

    /// `reads`, for statements whose best plan depends on the values bound (full-text matches,
    /// filters that keep a few rows or most of them), which may run long over a large index: on
    /// PostgreSQL each is planned for its values on every run instead of running a prepared
    /// generic plan; on SQLite each runs on threads of its own, off the event loops, so that
    /// it holds none of the connections that share its loop (`SQLiteReader.offTheLoops`).
    public var readsPlannedPerRun: any SQLDatabase {
        if let postgresReader { return postgresReader.plannedPerRun }
        if let sqliteReader { return sqliteReader.offTheLoops }
        return reads
    }

    /// Runs reads that may run long (a search) where they hold no event loop. On SQLite, whose
    /// statements run on the calling thread, `body` runs on threads kept for such reads
    /// (`LongReadExecutor`) and the caller comes back to its loop after: one hop each way for
    /// the whole search, where a hop per statement cost the demo's searches a third more of
    /// the server's time. On PostgreSQL a read waits on the server without holding the loop,
    /// so `body` runs where it is.
    public func readingLong<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        guard sqliteReader != nil else { return try await body() }
        return try await LongReadExecutor.offTheLoops(body)
    }

    /// Runs `body` with every read it makes through `reads` on one connection: on SQLite in one
    /// read transaction, so in one snapshot of the database; on PostgreSQL one statement after
    /// another, each seeing what was committed when it began.
    public func readingOneSnapshot<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        if let sqliteReader { return try await sqliteReader.withSnapshot(body) }
        if let postgresReader { return try await postgresReader.withOneConnection(body) }
        return try await body()
    }

    public var isPostgres: Bool {
        if case .postgres = location { return true }
        return false
    }

    /// Checks the database answers; used at start (to fail with one clear line) and by `/readyz`.
    public func ping(quietly: Bool = false) async throws {
        var logger = self.logger
        // At start, a failed connection is reported once, as DatabaseUnavailable, not also by the pool's log.
        if quietly { logger.logLevel = .critical }
        let db = databases.database(logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())! as! any SQLDatabase
        _ = try await db.raw("SELECT 1 AS ok").first()
    }

    /// For a connection about to write or index a great many rows: on SQLite, a page cache of
    /// up to 1 GiB for that connection (the default 2 MiB thrashes on large indexes); nothing
    /// on PostgreSQL, whose cache is the server's.
    public func keepManyPages(on sql: any SQLDatabase) async throws {
        guard case .sqlite = location else { return }
        _ = try await sql.raw("PRAGMA cache_size = -1048576").all()
    }

    /// Prepares the file for concurrent readers and a writer (WAL) on SQLite.
    public func tune() async throws {
        guard case .sqlite = location else { return }
        _ = try await sql.raw("PRAGMA journal_mode=WAL").all()
    }

    /// Runs `body` in one transaction that takes the write lock at its start.
    ///
    /// On SQLite a plain (deferred) transaction that reads and then writes fails with
    /// "database is locked" when another connection wrote in between; `BEGIN IMMEDIATE`
    /// waits for the lock instead, so concurrent writers queue up (the pretix pattern of
    /// lock, re-count, write). PostgreSQL runs an ordinary transaction; commands that
    /// count take row or advisory locks inside it.
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard case .sqlite = location else { return try await db.transaction(body) }
        // One writer at a time in this process: SQLite's own wait for the lock spins on a
        // thread of the pool, so waiting here, off the pool, keeps those threads free.
        return try await sqliteWriters.run { try await self.immediateTransaction(body) }
    }

    private let sqliteWriters = AsyncLock()
    private let postgresCounters = AsyncLock()
    private let postgresTableWriters = KeyedAsyncLocks()

    /// A transaction for a write that takes one table's slug lock (`RecordSlug.lockTable`).
    /// On PostgreSQL such writes of this process queue here first, per table: a rush of saves
    /// to one table then waits without each holding one of the pool's few connections while
    /// it waits for the lock, so the pool stays free for every other request (40 topics
    /// created at once used to hold all eight and leave later requests waiting for one).
    /// Other processes still queue on the lock itself. SQLite writers already go one at a time.
    public func transaction<T: Sendable>(queuedOn table: String, _ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard case .postgres = location else { return try await transaction(body) }
        return try await postgresTableWriters.run(key: table) { try await self.db.transaction(body) }
    }

    /// A transaction for decisions that count and lock one row (registrations, signatures).
    /// On PostgreSQL the row lock decides between processes; within this process such
    /// transactions also queue here first, so hundreds waiting for the same row wait
    /// without each holding one of the pool's few connections.
    public func countingTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard case .postgres = location else { return try await transaction(body) }
        return try await postgresCounters.run { try await self.db.transaction(body) }
    }

    private func immediateTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await db.withConnection { connection in
            let sql = connection as! any SQLDatabase
            // In WAL mode NORMAL syncs at checkpoints rather than on every commit: a power cut
            // may lose the last commits but never corrupts the file (sqlite.org/wal.html).
            // It is per connection, and the pool opens connections on its own, so it is set here.
            try await sql.raw("PRAGMA synchronous=NORMAL").run()
            try await sql.raw("BEGIN IMMEDIATE").run()
            do {
                let result = try await body(connection)
                try await sql.raw("COMMIT").run()
                return result
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    public func migrate(_ migrations: [any Migration]) async throws {
        let list = Migrations()
        list.add(migrations)
        let migrator = Migrator(databases: databases, migrations: list, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any(), migrationLogLevel: .debug)
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    private let isShutDown = Mutex(false)

    /// True once `shutdown()` has begun; background work checks it before touching the database.
    public var isClosed: Bool { isShutDown.withLock { $0 } }

    /// Closes every connection; safe to call more than once (the server's shutdown and a failed start both call it).
    public func shutdown() async {
        let first = isShutDown.withLock { done in
            defer { done = true }
            return !done
        }
        if first {
            sqliteReader?.close()
            await postgresReader?.close()
            await databases.shutdownAsync()
        }
    }
}

/// Why the database could not be opened, in one line a person can act on.
public struct DatabaseUnavailable: Error, CustomStringConvertible {
    public let description: String

    init(location: DatabaseLocation, underlying: any Error) {
        switch location {
        case .sqlite(let path):
            description = "Cannot open the SQLite database at \(path): \(String(reflecting: underlying).prefix(300))"
        case .postgres(let url):
            description = "Cannot reach the PostgreSQL database at \(DatabaseLocation.redacted(url)): \(Self.reason(underlying))"
        }
    }

    private static func reason(_ error: any Error) -> String {
        if let psql = error as? PSQLError {
            if let message = psql.serverInfo?[.message] { return message }
            if let underlying = psql.underlying { return "\(underlying)" }
            return "\(psql.code)"
        }
        return String(describing: error).prefix(300).description
    }
}
