import Foundation
import SQLKit

/// Reading and writing a record's columns by its field specs, for every capability's stores
/// and save commands.
extension FieldSpec {
    /// This field's column of a row.
    func read(from row: any SQLRow) throws -> FieldValue {
        if try row.decodeNil(column: name) { return .null }
        switch kind {
        case .integer: return .integer(try row.decode(column: name, as: Int.self))
        case .decimal: return .decimal(try row.decode(column: name, as: Double.self))
        case .flag: return .flag(try row.decode(column: name, as: Bool.self))
        default: return .text(try row.decode(column: name, as: String.self))
        }
    }

    /// A value as an SQL bind. A NULL is bound with its column's type: PostgreSQL will not
    /// put a text NULL in a number column.
    func bindable(_ value: FieldValue) -> any Encodable & Sendable {
        switch value {
        case .null, .ids:
            switch kind {
            case .integer: Optional<Int>.none
            case .decimal: Optional<Double>.none
            case .flag: false
            default: Optional<String>.none
            }
        case .text(let text): text
        case .integer(let number): number
        case .decimal(let number): number
        case .flag(let flag): flag
        }
    }
}

extension RecordRow {
    /// A row read with `SELECT *` from the kind's table.
    static func decode(_ kind: Kind, _ row: any SQLRow) throws -> RecordRow {
        // Room for every field, links included (added after the row by whoever reads them), so
        // the dictionary is never grown and rehashed as fields arrive.
        var values: [String: FieldValue] = [:]
        values.reserveCapacity(kind.fields.count)
        for field in kind.fields where !field.isLink {
            values[field.name] = try field.read(from: row)
        }
        return RecordRow(
            kind: kind,
            id: try row.decode(column: "id", as: String.self),
            slug: kind.hasSlug ? try row.decode(column: "slug", as: String.self) : nil,
            published: try row.decode(column: "published", as: Bool.self),
            values: values,
            updatedAt: try row.decode(column: "updated_at", as: Date?.self)
        )
    }

    /// The columns a save writes: every field kept in a column, visibility, slug and time.
    func columns(now: Date, isNew: Bool) -> [(String, any Encodable & Sendable)] {
        var columns: [(String, any Encodable & Sendable)] = kind.fields.filter { !$0.isLink }.map { field in
            (field.name, field.bindable(self[field.name]))
        }
        columns.append(("published", published))
        columns.append(("updated_at", now))
        if let slug { columns.append(("slug", slug)) }
        if isNew {
            columns.append(("id", id))
            columns.append(("created_at", now))
        }
        return columns
    }

    /// Inserts or updates the row's columns (not its links).
    func write(to sql: any SQLDatabase, table: String, now: Date, isNew: Bool) async throws {
        let columns = columns(now: now, isNew: isNew)
        if isNew {
            try await sql.insert(into: table).columns(columns.map(\.0)).values(columns.map { SQLBind($0.1) }).run()
        } else {
            var update = sql.update(table)
            for (name, value) in columns { update = update.set(SQLColumn(name), to: SQLBind(value)) }
            try await update.where("id", .equal, SQLBind(id)).run()
        }
    }
}
