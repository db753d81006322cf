import SQLKit
import Testing
@testable import CivitasApp

/// Reads serialize through `ReadDialect`, which makes placeholders and quotes once: its
/// statements must read exactly as through the driver's own dialect, and bind every value
/// where the driver would.
@Suite("The reads' dialect")
struct ReadDialectTests {
    @Test("A read's text is the driver's, and each value lands in its own place, past the placeholders made ahead too", arguments: TestDatabase.all)
    func sameTextSameBinds(database: TestDatabase) async throws {
        try await withApp(database) { _, services in
            let reads = services.database.reads
            let count = ReadDialect.madeAhead + 8
            var statement: SQLQueryString = "SELECT "
            for position in 1...count {
                if position > 1 { statement += ", " }
                statement += "\(bind: "value \(position)") AS \(ident: "c\(position)")"
            }
            statement += " WHERE \(true) AND \(literal: "it's") = \(literal: "it's")"

            let throughReads = reads.serialize(statement)
            let throughDriver = services.database.sql.serialize(statement)
            #expect(throughReads.sql == throughDriver.sql)
            #expect(throughReads.binds.count == count)
            #expect(reads.dialect.name == services.database.sql.dialect.name)

            let row = try #require(try await reads.raw(statement).first())
            for position in [1, 2, ReadDialect.madeAhead, ReadDialect.madeAhead + 1, count] {
                #expect(try row.decode(column: "c\(position)", as: String.self) == "value \(position)")
            }
        }
    }
}
