import FluentPostgresDriver
import SQLKit
import Synchronization

/// A row read by `PostgresReader`. Text, whole numbers and booleans, most of what pages read,
/// are decoded by the driver's own decoders straight from the cell; PostgresKit's row sends every
/// value through a general translation with dynamic casts and generic lookups (a tenth of an
/// uncached profile page). Everything else, and every other column type, goes through it.
struct PostgresReadRow: SQLRow {
    private let source: PostgresRow
    private let row: PostgresRandomAccessRow
    private let columns: PostgresReadColumns

    /// `columns` is shared by the rows of one statement's answer (`PostgresReadConnection.deliver`).
    init(_ row: PostgresRow, columns: PostgresReadColumns) {
        source = row
        self.row = row.makeRandomAccess()
        self.columns = columns
    }

    /// PostgresKit's row, for what the fast paths leave.
    private var general: some SQLRow { source.sql() }

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool { columns.position(of: column) != nil }

    func decodeNil(column: String) throws -> Bool {
        guard let position = columns.position(of: column) else { return true }
        return row[position].bytes == nil
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let position = columns.position(of: column) else { return try general.decode(column: column, as: D.self) }
        let cell = row[position]
        // Each reinterpretation is from a type to itself (compared first): a cast `as! D` would
        // search the conformance tables on every cell.
        switch cell.dataType {
        case .text, .varchar:
            if D.self == String.self { return unsafeBitCast(try cell.decode(String.self), to: D.self) }
            if D.self == String?.self { return unsafeBitCast(try cell.decode(String?.self), to: D.self) }
        case .int8, .int4, .int2:
            if D.self == Int.self { return unsafeBitCast(try cell.decode(Int.self), to: D.self) }
            if D.self == Int?.self { return unsafeBitCast(try cell.decode(Int?.self), to: D.self) }
        case .bool:
            if D.self == Bool.self { return unsafeBitCast(try cell.decode(Bool.self), to: D.self) }
            if D.self == Bool?.self { return unsafeBitCast(try cell.decode(Bool?.self), to: D.self) }
        default:
            break
        }
        return try general.decode(column: column, as: D.self)
    }
}

/// The column names of one statement's answer, shared by its rows, and where each is.
///
/// Rows are read by column name, and code reads a row's columns in much the same order each
/// time: the position after the last one found is tried first, by comparing two names (a
/// compare of two machine words for names of up to 15 bytes), before the table of names is
/// hashed. Through the driver's row each cell was looked up twice by hash: reading rows took
/// 15.4% of the server's samples on the people API list, and 10.9% this way (`perf record` of
/// the server under `wrk -c64`, PostgreSQL).
final class PostgresReadColumns: Sendable {
    let names: [String]
    private let positions: [String: Int]
    /// Whether the column at each position is the one its name means (see `init`).
    private let meantByItsName: [Bool]
    /// Where the next name is looked for first. Rows of one answer are read by one task at a
    /// time, but nothing depends on that: a stale guess only means a lookup in the table.
    private let nextGuess = Atomic<Int>(0)

    init(names: [String]) {
        self.names = names
        var positions: [String: Int] = [:]
        // Of two columns with one name the last is read, as through PostgresNIO's own rows (and
        // so through the pool).
        for (position, name) in names.enumerated() { positions[name] = position }
        self.positions = positions
        meantByItsName = names.indices.map { positions[names[$0]] == $0 }
    }

    func position(of name: String) -> Int? {
        let guess = nextGuess.load(ordering: .relaxed)
        if guess < names.count, meantByItsName[guess], names[guess] == name {
            nextGuess.store(guess + 1, ordering: .relaxed)
            return guess
        }
        guard let found = positions[name] else { return nil }
        nextGuess.store(found + 1, ordering: .relaxed)
        return found
    }
}
