import FluentPostgresDriver
import SQLKit

/// A row read by `PostgresReader`. Text, whole numbers and booleans, most of what pages read,
/// are decoded by the driver's own decoders straight from the cell; PostgresKit's row sends every
/// value through a general translation with dynamic casts and generic lookups (a tenth of an
/// uncached profile page). Everything else, and every other column type, goes through it.
struct PostgresReadRow: SQLRow {
    private let source: PostgresRow
    private let row: PostgresRandomAccessRow
    private let columns: PostgresReadColumns

    /// `columns`: the positions of the statement's columns, made once from its first row.
    init(_ row: PostgresRow, columns: PostgresReadColumns) {
        source = row
        self.row = row.makeRandomAccess()
        self.columns = columns
    }

    /// PostgresKit's row, for what the fast paths leave.
    private var general: some SQLRow { source.sql() }

    var allColumns: [String] { general.allColumns }

    func contains(column: String) -> Bool { columns.position[column] != nil }

    func decodeNil(column: String) throws -> Bool {
        guard let position = columns.position[column] else { return true }
        return row[position].bytes == nil
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        // One lookup of the name (the row's own `contains` and subscript by name made two).
        guard let position = columns.position[column] else { return try general.decode(column: column, as: D.self) }
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

/// Where each column of a statement's rows is, by name (the first of a repeated name, as the
/// driver's own rows read it): made from the first row and shared by the others.
struct PostgresReadColumns: Sendable {
    let position: [String: Int]

    init(_ row: PostgresRow) {
        var position: [String: Int] = [:]
        for (index, cell) in row.enumerated() where position[cell.columnName] == nil { position[cell.columnName] = index }
        self.position = position
    }
}

extension PostgresReadRow {
    /// Rows of one statement, sharing one `PostgresReadColumns`.
    struct Maker {
        private var columns: PostgresReadColumns?

        mutating func row(_ row: PostgresRow) -> PostgresReadRow {
            let columns = self.columns ?? PostgresReadColumns(row)
            self.columns = columns
            return PostgresReadRow(row, columns: columns)
        }
    }
}
