import Foundation
import NIOCore
import SQLiteNIO
// The SQLite library SQLiteNIO bundles (its symbols carry a `sqlite_nio_` prefix). Reading through
// the same copy of the library as the writers matters: two copies in one process would each keep
// their own table of POSIX file locks, and closing a file in one drops the other's locks.
import VaporCSQLite

/// One read-only SQLite connection that keeps its prepared statements.
///
/// SQLiteNIO prepares every statement anew and hops to a thread pool and back for each query,
/// which costs more than the query itself on the small reads pages make. A page's reads run here
/// on the calling thread instead: in WAL mode a reader never waits for a writer, so a read is
/// CPU work of microseconds, and each SQL text is prepared once per connection.
///
/// Not thread-safe (hence unchecked): `SQLiteReader` lends it to one caller at a time.
final class SQLiteReadConnection: @unchecked Sendable {
    private var handle: OpaquePointer?
    private var statements: [String: PreparedStatement] = [:]
    /// Distinct SQL texts kept per connection; lists of binds of many lengths would otherwise grow it without end.
    private static let statementLimit = 512

    final class PreparedStatement {
        let handle: OpaquePointer
        /// The column names, shared by every row the statement returns.
        var columns: ReadColumns
        init(handle: OpaquePointer, columns: ReadColumns) {
            self.handle = handle
            self.columns = columns
        }
    }

    init(path: String) throws {
        let flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI | SQLITE_OPEN_EXRESCODE
        let opened = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard opened == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite_nio_sqlite3_close(handle)
            throw SQLiteReadError(message: "cannot open \(path) for reading: \(message)")
        }
        // A read waits for a lock only while a checkpoint restarts the log or the file recovers
        // after a crash; five seconds covers both.
        sqlite_nio_sqlite3_busy_timeout(handle, 5_000)
        // Reads map the file instead of copying each page into the connection's small cache
        // (2 MiB): on a large database most of a search's time went to copying pages in. The
        // mapping shares the operating system's cache, so it costs no memory per connection.
        sqlite_nio_sqlite3_exec(handle, "PRAGMA mmap_size = \(Self.mappedBytes)", nil, nil, nil)
        // The mapping stops at the library's build limit (2 GiB); pages past it are copied into
        // the connection's own cache, left at SQLite's default (2 MiB). Every kept connection
        // fills a cache of its own, so a larger one is paid once per connection: with 64 MiB
        // each, the server held 1,216 MB of its own memory after the search benchmark at
        // 1,000,000 records (target: under 200 MB) and searched no faster under load (wrk over
        // the 56 searches at 1 connection: p50 6.0 ms and p99 29.6, against 5.2 and 27.1 with
        // the default and 124 MB; at 16 connections 107 searches a second against 205).
    }

    /// Up to 64 GiB of the file read through the mapping (SQLite caps it at its build's limit).
    static let mappedBytes: Int64 = 64 << 30

    deinit {
        for statement in statements.values { sqlite_nio_sqlite3_finalize(statement.handle) }
        sqlite_nio_sqlite3_close_v2(handle)
    }

    /// Runs one statement with its binds and hands each row to `onRow`.
    func run(_ sql: String, binds: [SQLiteData], onRow: (SQLiteReadRow) throws -> Void) throws {
        try withBound(sql, binds: binds) { statement in
            let stmt = statement.handle
            var columns = statement.columns
            var count = Int32(columns.names.count)
            var isFirst = true
            // The row before, whose texts the next row may repeat (see `value(at:in:above:)`).
            var above: [SQLiteData] = []
            while try step(stmt, sql) {
                if isFirst {
                    isFirst = false
                    // SQLite prepares a kept statement again by itself when the schema changed (another
                    // connection migrated); a `*` then has other columns than the ones first named.
                    if sqlite_nio_sqlite3_column_count(stmt) != count {
                        columns = Self.columnNames(of: stmt)
                        count = Int32(columns.names.count)
                        statement.columns = columns
                    }
                }
                var values: [SQLiteData] = []
                values.reserveCapacity(Int(count))
                for column in 0..<count {
                    values.append(value(at: column, in: stmt, above: above.isEmpty ? .null : above[Int(column)]))
                }
                try onRow(SQLiteReadRow(columns: columns, values: values))
                above = values
            }
        }
    }

    /// Runs one statement with its binds and hands each row to `onRow` as SQLite holds it,
    /// without making a value of any column: for reads of many rows whose few columns the
    /// caller takes apart itself (a search's sample of a thousand matches, whose texts made
    /// into strings, and freed again, were a fifth of a common word's search in the server).
    func visit(_ sql: String, binds: [SQLiteData], onRow: (SQLiteRowView) throws -> Void) throws {
        try withBound(sql, binds: binds) { statement in
            while try step(statement.handle, sql) { try onRow(SQLiteRowView(statement: statement.handle)) }
        }
    }

    /// The statement of `sql`, prepared once, with `binds` bound for the duration of `body`.
    private func withBound(_ sql: String, binds: [SQLiteData], _ body: (PreparedStatement) throws -> Void) throws {
        let statement = try prepared(sql)
        let stmt = statement.handle
        // Every run binds every parameter, so the previous binds need no clearing (clearing would
        // also make SQLite prepare again any statement whose plan looks at a bound value), and
        // none is left pointing at an earlier run's texts.
        guard sqlite_nio_sqlite3_bind_parameter_count(stmt) == Int32(binds.count) else {
            throw SQLiteReadError(message: "\(binds.count) values for \(sqlite_nio_sqlite3_bind_parameter_count(stmt)) parameters in: \(sql.prefix(200))")
        }
        // The texts bound are copied into one buffer that lasts until the statement is reset,
        // and SQLite reads them there instead of copying each (a list of 25 ids was 25 copies).
        let texts = BoundTexts(binds)
        defer {
            sqlite_nio_sqlite3_reset(stmt)
            texts.release()
        }
        for (offset, value) in binds.enumerated() {
            let index = Int32(offset + 1)
            if let text = texts[offset] {
                try check(sqlite_nio_sqlite3_bind_text(stmt, index, text.start, text.count, nil), sql)
            } else {
                try check(bind(value, at: index, in: stmt), sql)
            }
        }
        try body(statement)
    }

    /// Steps to the next row: true on one, false when there are no more.
    private func step(_ stmt: OpaquePointer, _ sql: String) throws -> Bool {
        let step = sqlite_nio_sqlite3_step(stmt)
        if step == SQLITE_ROW { return true }
        if step != SQLITE_DONE { try check(step, sql) }
        return false
    }

    private static func columnNames(of stmt: OpaquePointer) -> ReadColumns {
        ReadColumns(names: (0..<sqlite_nio_sqlite3_column_count(stmt)).map { String(cString: sqlite_nio_sqlite3_column_name(stmt, $0)) },
                    repeated: .firstWins)
    }

    /// Starts a read transaction; the first statement takes its snapshot. Kept prepared like
    /// any other statement: parsing `BEGIN` and `COMMIT` anew for every page was 3% of an
    /// uncached API answer's time.
    func beginRead() throws { try run("BEGIN", binds: []) { _ in } }

    /// Ends it (a read-only transaction has nothing to write).
    func endRead() throws { try run("COMMIT", binds: []) { _ in } }

    private func prepared(_ sql: String) throws -> PreparedStatement {
        if let statement = statements[sql] { return statement }
        var stmt: OpaquePointer?
        try check(sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil), sql)
        guard let stmt else { throw SQLiteReadError(message: "empty statement: \(sql)") }
        if statements.count >= Self.statementLimit {
            for statement in statements.values { sqlite_nio_sqlite3_finalize(statement.handle) }
            statements.removeAll(keepingCapacity: true)
        }
        let statement = PreparedStatement(handle: stmt, columns: Self.columnNames(of: stmt))
        statements[sql] = statement
        return statement
    }

    private func bind(_ value: SQLiteData, at index: Int32, in stmt: OpaquePointer) -> Int32 {
        switch value {
        case .integer(let number): return sqlite_nio_sqlite3_bind_int64(stmt, index, Int64(number))
        case .float(let number): return sqlite_nio_sqlite3_bind_double(stmt, index, number)
        case .text(let text): return sqlite_nio_sqlite3_bind_text(stmt, index, text, -1, Self.transient)
        case .blob(let buffer):
            return buffer.withUnsafeReadableBytes { bytes in
                sqlite_nio_sqlite3_bind_blob(stmt, index, bytes.baseAddress, Int32(bytes.count), Self.transient)
            }
        case .null: return sqlite_nio_sqlite3_bind_null(stmt, index)
        }
    }

    /// A column's value in the current row. A text equal to the same column's in the row above
    /// (`above`) is that row's string again: lists repeat a source's title and address, a
    /// topic, a kind, row after row, and each string made anew is an allocation (a third of a
    /// people list's were the texts of its rows).
    private func value(at column: Int32, in stmt: OpaquePointer, above: SQLiteData) -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(stmt, column) {
        case SQLITE_INTEGER: return .integer(Int(sqlite_nio_sqlite3_column_int64(stmt, column)))
        case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(stmt, column))
        case SQLITE_TEXT:
            guard let text = sqlite_nio_sqlite3_column_text(stmt, column) else { return .text("") }
            let bytes = UnsafeBufferPointer(start: text, count: Int(sqlite_nio_sqlite3_column_bytes(stmt, column)))
            if case .text(let earlier) = above, Self.hasBytes(earlier, bytes) { return above }
            return .text(String(decoding: bytes, as: UTF8.self))
        case SQLITE_BLOB:
            let length = Int(sqlite_nio_sqlite3_column_bytes(stmt, column))
            var buffer = ByteBufferAllocator().buffer(capacity: length)
            if let bytes = sqlite_nio_sqlite3_column_blob(stmt, column) {
                buffer.writeBytes(UnsafeRawBufferPointer(start: bytes, count: length))
            }
            return .blob(buffer)
        default: return .null
        }
    }

    /// Whether `text` is these UTF-8 bytes (most texts differ in length, which is stored).
    private static func hasBytes(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.utf8.count == bytes.count else { return false }
        return text.utf8.withContiguousStorageIfAvailable { stored in
            bytes.count == 0 || memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0
        } ?? false
    }

    private func check(_ code: Int32, _ sql: String) throws {
        guard code != SQLITE_OK else { return }
        let message = String(cString: sqlite_nio_sqlite3_errmsg(handle))
        throw SQLiteReadError(message: "\(message) (\(code)) in: \(sql.prefix(200))")
    }

    /// SQLite copies bound text and blobs before the call returns (SQLITE_TRANSIENT).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

/// The row a statement is on, read as SQLite holds it (`SQLiteReadConnection.visit`): valid only
/// inside the call it is given to, since the next step overwrites it.
struct SQLiteRowView {
    fileprivate let statement: OpaquePointer

    func isNull(_ column: Int32) -> Bool { sqlite_nio_sqlite3_column_type(statement, column) == SQLITE_NULL }

    func integer(_ column: Int32) -> Int64 { sqlite_nio_sqlite3_column_int64(statement, column) }

    /// The column's text in SQLite's own memory (no bytes for NULL), for the duration of `body`.
    func withText<T>(_ column: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        // The text first, then its length: SQLite's documented order when it may convert a value.
        guard let text = sqlite_nio_sqlite3_column_text(statement, column) else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeRawBufferPointer(start: text, count: Int(sqlite_nio_sqlite3_column_bytes(statement, column))))
    }

    func text(_ column: Int32) -> String { withText(column) { String(decoding: $0, as: UTF8.self) } }
}

/// The texts among a statement's binds, copied one after another into one allocation, and
/// where each one is (nil for binds that are not text, and for every bind when no text has a
/// byte: those are bound as before).
private struct BoundTexts {
    private let storage: UnsafeMutablePointer<CChar>?
    private let places: [(start: UnsafePointer<CChar>, count: Int32)?]

    init(_ binds: [SQLiteData]) {
        var total = 0
        for case .text(let text) in binds { total += text.utf8.count }
        guard total > 0 else {
            storage = nil
            places = []
            return
        }
        let storage = UnsafeMutablePointer<CChar>.allocate(capacity: total)
        var used = 0
        places = binds.map { bind -> (start: UnsafePointer<CChar>, count: Int32)? in
            guard case .text(var text) = bind else { return nil }
            let start = storage + used
            let count = text.withUTF8 { bytes in
                if let source = bytes.baseAddress { UnsafeMutableRawPointer(start).copyMemory(from: source, byteCount: bytes.count) }
                return bytes.count
            }
            used += count
            return (UnsafePointer(start), Int32(count))
        }
        self.storage = storage
    }

    subscript(offset: Int) -> (start: UnsafePointer<CChar>, count: Int32)? { places.isEmpty ? nil : places[offset] }

    /// Frees the copies; only after the statement that reads them was reset.
    func release() { storage?.deallocate() }
}

struct SQLiteReadError: Error, CustomStringConvertible {
    let message: String
    /// The reader was closed (the server is stopping), rather than the read failing.
    var isClosed = false
    var description: String { "SQLite read failed: \(message)" }

    static let closed = SQLiteReadError(message: "the database is closed", isClosed: true)
}
