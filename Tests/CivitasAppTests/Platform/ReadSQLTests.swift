import SQLKit
import Testing
@testable import CivitasApp

/// Reads are written as `ReadSQL`: text with a mark at each bind, which the readers replace
/// with their placeholders in one pass. The text must be exactly what SQLKit writes for the
/// same statement, each value must land in its own place, and a read that holds another
/// SQLKit expression must still be written (by SQLKit).
@Suite("Reads written as text")
struct ReadSQLTests {
    /// The same statement written both ways: names, binds alone and in a list, raw text,
    /// joined with `+`, `+=` and `list`.
    private static func statement(values count: Int) -> (read: ReadSQL, sqlKit: SQLQueryString) {
        var read: ReadSQL = "SELECT "
        var sqlKit: SQLQueryString = "SELECT "
        for position in 1...count {
            if position > 1 { read += ", "; sqlKit += ", " }
            read += "\(bind: "value \(position)") AS \(ident: "c\(position)")"
            sqlKit += "\(bind: "value \(position)") AS \(ident: "c\(position)")"
        }
        let names = ["a", "b\"c"]
        read += " WHERE " + ReadSQL.list(names, separator: " OR ") { "\(bind: $0) IN (\(binds: names))" } + " AND \(unsafeRaw: "1 = 1")"
        sqlKit += " WHERE " + SQLQueryString.list(names, separator: " OR ") { "\(bind: $0) IN (\(binds: names))" } + " AND \(unsafeRaw: "1 = 1")"
        return (read, sqlKit)
    }

    @Test("A read's text is SQLKit's and each value lands in its own column, past the placeholders made ahead too", arguments: TestDatabase.all)
    func sameTextAsSQLKit(database: TestDatabase) async throws {
        try await withApp(database) { _, services in
            let reads = services.database.reads
            for count in [3, ReadDialect.madeAhead + 8] {
                let (read, sqlKit) = Self.statement(values: count)
                let written = reads.serializeRead(read)
                let expected = services.database.sql.serialize(sqlKit)
                #expect(written.sql == expected.sql)
                #expect(written.binds.count == expected.binds.count)
                #expect(written.binds.map { "\($0)" } == expected.binds.map { "\($0)" })
                // Past the placeholders made ahead, the read is written by SQLKit instead.
                let madeAhead = read.written { (reads.dialect as! ReadDialect).placeholderText(at: $0) } != nil
                #expect(madeAhead == (count <= ReadDialect.madeAhead))

                let row = try #require(try await reads.allRows(of: read).first)
                for position in Set([1, 2, count]) {
                    #expect(try row.decode(column: "c\(position)", as: String.self) == "value \(position)")
                }
            }
        }
    }

    @Test("A read holding another SQLKit expression is written by SQLKit, and reads the same", arguments: TestDatabase.all)
    func sqlKitExpressionInside(database: TestDatabase) async throws {
        try await withApp(database) { _, services in
            let reads = services.database.reads
            let read: ReadSQL = "SELECT \(bind: "x") AS a WHERE \(bind: "y") IN \(SQLBind.group(["y", "z"])) AND \(bind: 1) = 1"
            #expect(read.written { (reads.dialect as! ReadDialect).placeholderText(at: $0) } == nil)
            let sqlKit: SQLQueryString = "SELECT \(bind: "x") AS a WHERE \(bind: "y") IN \(SQLBind.group(["y", "z"])) AND \(bind: 1) = 1"
            #expect(reads.serializeRead(read).sql == services.database.sql.serialize(sqlKit).sql)
            let row = try #require(try await reads.allRows(of: read).first)
            #expect(try row.decode(column: "a", as: String.self) == "x")
            // Through the connection of a write transaction too (SQLKit's own path).
            let inTransaction = try await services.database.transaction { db in
                try await (db as! any SQLDatabase).allRows(of: read).first?.decode(column: "a", as: String.self)
            }
            #expect(inTransaction == "x")
        }
    }
}
