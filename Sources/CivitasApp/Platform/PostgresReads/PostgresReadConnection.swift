import Logging
import NIOCore
import FluentPostgresDriver
import SQLKit

/// One connection of `PostgresReader`, with the names of the statements it has prepared.
///
/// Not thread-safe (hence unchecked): the reader lends it to one caller at a time.
final class PostgresReadConnection: @unchecked Sendable {
    let underlying: PostgresConnection
    /// The name each SQL text is prepared under on this connection.
    private var names: [String: String] = [:]
    private var prepared = 0
    /// The columns of each prepared statement's last answer, by its name: an answer with the
    /// same names shares them rather than hashing every name again (a table's `SELECT *` has
    /// dozens of columns, and a list page reads one on every answer).
    private var columnsByStatement: [String: ReadColumns] = [:]
    /// Distinct SQL texts prepared per connection (each keeps a plan in the server's memory);
    /// past it, new texts run unnamed, as through the pool. Lists of binds of many lengths make
    /// many texts, each used rarely.
    static let statementLimit = 256

    /// Runs a page's work on the connection's own event loop (see `EventLoopTaskExecutor`).
    let executor: EventLoopTaskExecutor

    init(_ underlying: PostgresConnection) {
        self.underlying = underlying
        executor = EventLoopTaskExecutor.of(underlying.eventLoop)
    }

    /// Closed, or known to have broken: a statement failed because the connection is gone, though
    /// the driver may not have marked it closed yet. Either way it is not lent again.
    var isClosed: Bool { broke || underlying.isClosed }
    private var broke = false

    /// Held until the closing completes: PostgresNIO asserts that a connection is closed when it goes away.
    func close() {
        let underlying = underlying
        let closing: EventLoopFuture<Void> = underlying.close()
        closing.whenComplete { _ in withExtendedLifetime(underlying) {} }
    }

    func run(_ statement: PostgresReadStatement, logger: Logger, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        do {
            try await runOnce(statement, logger: logger, onRow)
        } catch where PostgresReader.lostConnection(error) {
            // An answer reading through this connection goes on without it, and gives it up at
            // its end, instead of handing a broken connection back to the pool.
            broke = true
            throw error
        }
    }

    private func runOnce(_ statement: PostgresReadStatement, logger: Logger, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        // PostgresNIO drops a statement written to a closed connection without answering it, so
        // the caller would wait for ever.
        guard !isClosed else { throw PostgresReadError.connectionLost }
        switch statement.form {
        case .general(let query):
            try await underlying.sql(queryLogLevel: nil).execute(sql: query, onRow)
        case .encoded(let bindings, let types):
            guard statement.prepared, let name = name(for: statement.sql) else {
                try await deliver(try await underlying.query(PostgresQuery(unsafeSQL: statement.sql, binds: bindings), logger: logger), to: onRow)
                return
            }
            do {
                try await execute(name: name, statement.sql, bindings, types, logger: logger, onRow)
            } catch let error as PSQLError {
                // A failed preparation stays failed under its name on this connection, so the
                // text is prepared afresh under another name next time.
                names[statement.sql] = nil
                // A table changed under a prepared `SELECT *` (another process migrated): the
                // server refuses the old plan; prepared again, the statement reads the new shape.
                guard error.serverInfo?[.sqlState] == Self.cachedPlanChangedResultType, let renamed = self.name(for: statement.sql) else { throw error }
                try await execute(name: renamed, statement.sql, bindings, types, logger: logger, onRow)
            }
        }
    }

    /// "cached plan must not change result type"
    private static let cachedPlanChangedResultType = "0A000"

    private func execute(name: String, _ sql: String, _ bindings: PostgresBindings, _ types: [PostgresDataType], logger: Logger,
                         _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        let rows = try await NamedReadStatement.$current.withValue(.init(name: name, sql: sql, types: types)) {
            try await underlying.execute(NamedReadStatement(bindings: bindings), logger: logger)
        }
        try await deliver(rows, to: onRow, statement: name)
    }

    /// Hands each row on, all of them sharing the columns made from the first (or kept from
    /// the named statement's last answer, when its columns are the same).
    private func deliver<Rows: AsyncSequence>(_ rows: Rows, to onRow: @Sendable (any SQLRow) -> (), statement: String? = nil) async throws
    where Rows.Element == PostgresRow {
        var columns: ReadColumns?
        for try await row in rows {
            let shared = columns ?? columnsOf(row, statement: statement)
            columns = shared
            onRow(PostgresReadRow(row, columns: shared))
        }
    }

    private func columnsOf(_ row: PostgresRow, statement: String?) -> ReadColumns {
        let names = row.map(\.columnName)
        if let statement, let kept = columnsByStatement[statement], kept.names == names { return kept }
        let columns = ReadColumns(names: names, repeated: .lastWins)
        if let statement { columnsByStatement[statement] = columns }
        return columns
    }

    private func name(for sql: String) -> String? {
        if let name = names[sql] { return name }
        guard prepared < Self.statementLimit else { return nil }
        prepared += 1
        let name = "civitas_read_\(prepared)"
        names[sql] = name
        return name
    }
}

/// PostgresNIO prepares a statement named and written by its type (`static var name`, `sql`),
/// made for statements known when the program is written. Pages build their SQL at run time, so
/// this one type answers with the statement being run, set for the duration of the call:
/// PostgresNIO reads them synchronously at the start of `execute` (and again for an error's
/// message), within the calling task.
struct NamedReadStatement: PostgresPreparedStatement {
    struct Current: Sendable {
        let name: String
        let sql: String
        let types: [PostgresDataType]
    }

    @TaskLocal static var current = Current(name: "", sql: "", types: [])

    static var name: String { current.name }
    static var sql: String { current.sql }
    /// The types the binds were encoded as, so the server reads `$1` as the value sent (left to
    /// itself it may infer `integer` where an 8-byte number is bound).
    static var bindingDataTypes: [PostgresDataType] { current.types }

    typealias Row = PostgresRow

    let bindings: PostgresBindings

    func makeBindings() throws -> PostgresBindings { bindings }
    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}

/// A statement's SQL with its binds encoded the way PostgresKit encodes them, when each bind is
/// a value PostgreSQL's driver encodes itself (text, numbers, booleans, dates, identifiers and
/// arrays of them, or null); otherwise it runs through PostgresKit as it is.
struct PostgresReadStatement {
    enum Form {
        case encoded(PostgresBindings, types: [PostgresDataType])
        case general(any SQLExpression)
    }

    let sql: String
    let form: Form
    /// Whether it runs as a prepared statement, or unnamed and planned for its values each time.
    let prepared: Bool

    init(sql: String, binds: [any Encodable & Sendable], prepared: Bool, query: @autoclosure () -> any SQLExpression) throws {
        self.sql = sql
        self.prepared = prepared
        var bindings = PostgresBindings(capacity: binds.count)
        var types: [PostgresDataType] = []
        types.reserveCapacity(binds.count)
        for bind in binds {
            // Text, flags and whole numbers, nearly every bind a page sends, by their own types:
            // a cast to a protocol looks up conformances, and each bind took two (encoding the
            // binds was 3% of the server's time on an uncached profile page on PostgreSQL).
            switch bind {
            case let text as String:
                bindings.append(text, context: .default)
                types.append(String.psqlType)
                continue
            case let flag as Bool:
                bindings.append(flag, context: .default)
                types.append(Bool.psqlType)
                continue
            case let number as Int:
                bindings.append(number, context: .default)
                types.append(Int.psqlType)
                continue
            default:
                break
            }
            let value: Any? = (bind as? any OptionalBind).map(\.wrapped) ?? bind
            if value == nil {
                bindings.appendNull()
                types.append(.null)
            } else if let value = value as? any PostgresThrowingDynamicTypeEncodable {
                try bindings.append(value, context: .default)
                types.append(value.psqlType)
            } else {
                form = .general(query())
                return
            }
        }
        form = .encoded(bindings, types: types)
    }
}

/// An optional bound as `SQLBind(nil as String?)` arrives wrapped in `any Encodable`.
private protocol OptionalBind {
    var wrapped: Any? { get }
}

extension Optional: OptionalBind {
    var wrapped: Any? { self.map { $0 as Any } }
}
