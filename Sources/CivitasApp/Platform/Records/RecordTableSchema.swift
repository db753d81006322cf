import FluentKit
import SQLKit

extension SchemaBuilder {
    /// Columns every record table has: whether the public sees it, and when it was made and changed.
    func recordColumns() -> SchemaBuilder {
        self.field("published", .bool, .required, .sql(.default(true)))
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
    }
}

/// Indexes a capability's migration creates, each named and on one or more columns.
enum TableIndex {
    static func create(_ indexes: [(name: String, table: String, columns: [String])], on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in indexes {
            var builder = sql.create(index: index.name).on(index.table)
            for column in index.columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    static func drop(_ names: [String], on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for name in names { try await sql.drop(index: name).run() }
    }
}

/// A migration that only adds indexes: it creates them, and its revert drops them.
protocol IndexesMigration: AsyncMigration {
    static var indexes: [(name: String, table: String, columns: [String])] { get }
}

extension IndexesMigration {
    func prepare(on database: any Database) async throws {
        try await TableIndex.create(Self.indexes, on: database)
    }

    func revert(on database: any Database) async throws {
        try await TableIndex.drop(Self.indexes.map(\.name), on: database)
    }
}
