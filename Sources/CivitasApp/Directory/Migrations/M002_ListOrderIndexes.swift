import FluentKit
import SQLKit

/// Every directory list (pages and API) is read in the kind's order, then by id, a page at a
/// time. With an index in that order the database reads the first rows of the page straight
/// from it; without one it sorted every published record of the kind to keep 25 (the people
/// list had an index on `sort_name` alone, so even it sorted by id afterwards).
struct M002_ListOrderIndexes: AsyncMigration {
    static var indexes: [(name: String, table: String, columns: [String])] {
        RecordKind.allCases.map { kind in ("\(kind.table)_list_order", kind.table, [kind.sortColumn, "id"]) }
    }

    func prepare(on database: any Database) async throws {
        try await TableIndex.create(Self.indexes, on: database)
        // Its first column leads the new index of people, which serves every read it served.
        try await (database as! any SQLDatabase).drop(index: "people_sort_name").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in Self.indexes { try await sql.drop(index: index.name).run() }
        try await TableIndex.create([("people_sort_name", "people", ["sort_name"])], on: database)
    }
}
