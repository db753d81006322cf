import FluentPostgresDriver
import Foundation
import SQLKit

/// A row read by `PostgresReader`. Text, numbers, booleans and times, most of what pages read,
/// are decoded by the driver's own decoders straight from the cell; PostgresKit's row sends every
/// value through a general translation with dynamic casts and generic lookups (a tenth of an
/// uncached profile page). Everything else, and every other column type, goes through it.
struct PostgresReadRow: SQLRow {
    private let source: PostgresRow
    private let row: PostgresRandomAccessRow
    private let columns: ReadColumns

    /// `columns` is shared by the rows of one statement's answer (`PostgresReadConnection.deliver`).
    init(_ row: PostgresRow, columns: ReadColumns) {
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
        case .timestamptz, .timestamp:
            // Every record's `updated_at`, read on each row of a list.
            if D.self == Date.self { return unsafeBitCast(try cell.decode(Date.self), to: D.self) }
            if D.self == Date?.self { return unsafeBitCast(try cell.decode(Date?.self), to: D.self) }
        case .float8:
            if D.self == Double.self { return unsafeBitCast(try cell.decode(Double.self), to: D.self) }
            if D.self == Double?.self { return unsafeBitCast(try cell.decode(Double?.self), to: D.self) }
        default:
            break
        }
        return try general.decode(column: column, as: D.self)
    }
}
