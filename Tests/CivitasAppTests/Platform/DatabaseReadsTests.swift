import Foundation
import SQLKit
import Testing
@testable import CivitasApp

/// Pages and API answers read through `AppDatabase.reads` (on SQLite, read-only connections that
/// keep prepared statements); what they read must be what the write path wrote, at once.
@Suite("Reads for pages and API answers")
struct DatabaseReadsTests {
    private struct Sample: Equatable {
        let id: Int
        let name: String
        let score: Double
        let flag: Bool
        let when: Date
        let note: String?
        let rank: Int?
        /// Whole seconds and fractions: SQLite keeps a whole one as an integer.
        let ended: Date?
    }

    private static let samples = (1...40).map { number in
        Sample(id: number, name: number == 3 ? "Zoë «ünïcode» \u{1F3DB} ' \" ;" : "name \(number)", score: Double(number) / 7,
               flag: number.isMultiple(of: 2), when: Date(timeIntervalSince1970: 1_700_000_000 + Double(number) * 3_600),
               note: number.isMultiple(of: 3) ? nil : "note \(number)", rank: number.isMultiple(of: 4) ? nil : -number * 1_000_003,
               ended: endTime(number))
    }

    private static func endTime(_ number: Int) -> Date? {
        guard !number.isMultiple(of: 5) else { return nil }
        let minutes: Double = number.isMultiple(of: 2) ? 60 : 60.25
        return Date(timeIntervalSince1970: 1_700_000_000 + Double(number) * minutes)
    }

    private static func decode(_ row: any SQLRow) throws -> Sample {
        Sample(id: try row.decode(column: "id", as: Int.self), name: try row.decode(column: "name", as: String.self),
               score: try row.decode(column: "score", as: Double.self), flag: try row.decode(column: "flag", as: Bool.self),
               when: try row.decode(column: "happened_at", as: Date.self), note: try row.decode(column: "note", as: String?.self),
               rank: try row.decode(column: "rank", as: Int?.self), ended: try row.decode(column: "ended_at", as: Date?.self))
    }

    private static func write(_ services: AppServices) async throws {
        let sql = services.database.sql
        try await sql.create(table: "read_samples")
            .column("id", type: .bigint, .primaryKey(autoIncrement: false))
            .column("name", type: .text, .notNull)
            // As Fluent's `.double` makes a column (an area's latitude and longitude).
            .column("score", type: .custom(SQLRaw("DOUBLE PRECISION")), .notNull)
            .column("flag", type: .custom(SQLRaw("BOOLEAN")), .notNull)
            .column("happened_at", type: .timestamp, .notNull).column("note", type: .text).column("rank", type: .bigint)
            .column("ended_at", type: .timestamp)
            .run()
        _ = try await services.database.transaction { db in
            let tx = db as! any SQLDatabase
            for sample in samples {
                try await tx.insert(into: "read_samples").columns("id", "name", "score", "flag", "happened_at", "note", "rank", "ended_at")
                    .values(SQLBind(sample.id), SQLBind(sample.name), SQLBind(sample.score), SQLBind(sample.flag),
                            SQLBind(sample.when), SQLBind(sample.note), SQLBind(sample.rank), SQLBind(sample.ended)).run()
            }
        }
    }

    @Test("Rows read for pages are the rows written, with every kind of value, as soon as the write commits", arguments: TestDatabase.all)
    func readsWhatWasWritten(database: TestDatabase) async throws {
        try await withApp(database) { _, services in
            try await Self.write(services)
            let reads = services.database.reads
            let all = try await reads.select().column("*").from("read_samples").orderBy("id").all().map(Self.decode)
            #expect(all == Self.samples)
            let throughPool = try await services.database.sql.select().column("*").from("read_samples").orderBy("id").all().map(Self.decode)
            #expect(all == throughPool)

            // One statement, asked again and again with other values, answers for those values.
            for sample in Self.samples.reversed() {
                let found = try await reads.select().column("*").from("read_samples").where("id", .equal, SQLBind(sample.id)).all().map(Self.decode)
                #expect(found == [sample])
            }
            let flagged = try await reads.select().column("id").from("read_samples").where("flag", .equal, SQLBind(true)).all()
                .map { try $0.decode(column: "id", as: Int.self) }
            #expect(flagged == Self.samples.filter(\.flag).map(\.id))

            // A change committed through the write path shows in the next read.
            _ = try await services.database.transaction { db in
                try await (db as! any SQLDatabase).update("read_samples").set("name", to: SQLBind("renamed")).where("id", .equal, SQLBind(7)).run()
            }
            let renamed = try await reads.select().column("name").from("read_samples").where("id", .equal, SQLBind(7)).first()?
                .decode(column: "name", as: String.self)
            #expect(renamed == "renamed")
        }
    }

    @Test("Columns read in any order, twice, or not at all, and a name two columns share, answer as through the pool", arguments: TestDatabase.all)
    func columnsByName(database: TestDatabase) async throws {
        try await withApp(database) { _, services in
            try await Self.write(services)
            let query: SQLQueryString = "SELECT id, name, note, id * 2 AS doubled, name AS id_text, note AS name FROM read_samples ORDER BY id"
            @Sendable func read(_ sql: any SQLDatabase) async throws -> [String] {
                try await sql.raw(query).all().enumerated().map { index, row in
                    // Rows read in the columns' order, backwards, and by turns, so no order is assumed.
                    let order: [String] = switch index % 3 {
                    case 0: ["id", "name", "note", "doubled", "id_text"]
                    case 1: ["id_text", "doubled", "note", "name", "id"]
                    default: ["doubled", "id", "doubled", "note", "note", "id_text"]
                    }
                    let cells = try order.map { column in
                        column == "id" || column == "doubled" ? String(try row.decode(column: column, as: Int.self))
                            : try row.decode(column: column, as: String?.self) ?? "null"
                    }
                    #expect(!row.contains(column: "missing") && row.contains(column: "id_text"))
                    #expect(row.allColumns == ["id", "name", "note", "doubled", "id_text", "name"])
                    return cells.joined(separator: "|")
                }
            }
            let throughReads = try await read(services.database.reads)
            #expect(throughReads == (try await read(services.database.sql)))
            // (Of two columns named alike, SQLite's drivers read the first and PostgreSQL's the last.)
            #expect(throughReads[1].hasPrefix("name 2|4|note 2|") && throughReads[1].hasSuffix("|2"))
            #expect(throughReads.count == Self.samples.count)
        }
    }

    @Test("More distinct statements than a connection keeps still answer right", arguments: TestDatabase.all)
    func manyStatements(database: TestDatabase) async throws {
        try await withApp(database) { _, services in
            try await Self.write(services)
            // Lists of binds of every length make distinct SQL texts, more than one connection keeps prepared.
            for round in 0..<2 {
                for length in 1...600 {
                    let ids = (0..<length).map { ($0 % 40) + 1 }
                    let count = try await services.database.reads.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n")
                        .from("read_samples").where("id", .in, SQLBind.group(ids)).first()?.decode(column: "n", as: Int.self)
                    #expect(count == min(length, 40), "round \(round), \(length) binds")
                }
            }
        }
    }

    @Test("On SQLite the read path cannot write, and a refused write leaves nothing behind")
    func readOnly() async throws {
        try await withApp(.sqlite) { _, services in
            try await Self.write(services)
            await #expect(throws: (any Error).self) {
                try await services.database.reads.raw("DELETE FROM read_samples").run()
            }
            let left = try await services.database.sql.select().column(SQLFunction("count", args: SQLLiteral.all), as: "n")
                .from("read_samples").first()?.decode(column: "n", as: Int.self)
            #expect(left == Self.samples.count)
            let error = await #expect(throws: (any Error).self) {
                try await services.database.reads.raw("SELECT * FROM no_such_table").all()
            }
            #expect(error.map { "\($0)" }?.contains("no such table") == true)
        }
    }

    @Test("A page's reads see one state of the database, even while a write commits; the next page sees the write")
    func oneSnapshotPerPage() async throws {
        try await withApp(.sqlite) { _, services in
            try await Self.write(services)
            let reads = services.database.reads
            @Sendable func count() async throws -> Int {
                try await reads.raw("SELECT COUNT(*) AS n FROM read_samples").first()?.decode(column: "n", as: Int.self) ?? -1
            }
            let (first, second, concurrent) = try await services.database.readingOneSnapshot {
                let first = try await count()
                try await services.database.sql.raw("DELETE FROM read_samples WHERE id > 30").run()
                // Work the page runs beside itself reads through the pool, not the page's connection.
                async let beside = count()
                let second = try await count()
                return (first, second, try await beside)
            }
            #expect(first == Self.samples.count && second == first, "the page read one state throughout")
            #expect(concurrent == 30 || concurrent == Self.samples.count, "a concurrent read answers, from some committed state")
            #expect(try await count() == 30, "the next read sees the delete")
            // A failing statement inside a page does not spoil the connection for later pages.
            await #expect(throws: (any Error).self) {
                try await services.database.readingOneSnapshot { try await reads.raw("SELECT * FROM no_such_table").all() }
            }
            for _ in 0..<20 { #expect(try await services.database.readingOneSnapshot { try await count() } == 30) }
        }
    }
    @Test("Binds of every kind, null and optional among them, answer the same through the read path as through the pool", arguments: TestDatabase.all)
    func bindsOfEveryKind(database: TestDatabase) async throws {
        try await withApp(database) { _, services in
            try await Self.write(services)
            @Sendable func ids(_ sql: any SQLDatabase, _ query: (any SQLDatabase) -> SQLSelectBuilder) async throws -> [Int] {
                try await query(sql).all().map { try $0.decode(column: "id", as: Int.self) }
            }
            let queries: [(String, @Sendable (any SQLDatabase) -> SQLSelectBuilder)] = [
                ("a present optional", { $0.select().column("id").from("read_samples").where("note", .equal, SQLBind(Optional("note 5"))) }),
                ("a null bind", { $0.select().column("id").from("read_samples")
                    .where(SQLFunction("COALESCE", args: SQLBind(String?.none), SQLColumn("note")), .equal, SQLBind("note 7")) }),
                ("a date", { $0.select().column("id").from("read_samples").where("happened_at", .lessThan, SQLBind(Self.samples[4].when)).orderBy("id") }),
                ("a real number", { $0.select().column("id").from("read_samples").where("score", .greaterThanOrEqual, SQLBind(4.5)).orderBy("id") }),
                ("an unusual text", { $0.select().column("id").from("read_samples").where("name", .equal, SQLBind(Self.samples[2].name)) }),
            ]
            for (label, query) in queries {
                let read = try await ids(services.database.reads, query)
                let pooled = try await ids(services.database.sql, query)
                #expect(read == pooled && !read.isEmpty, "\(label): \(read) against \(pooled)")
                // The second run of a statement goes through what the first prepared.
                #expect(try await ids(services.database.reads, query) == read, "\(label), again")
            }
        }
    }

    @Test("A statement that failed answers once its table exists, and one prepared before a table changed reads its new shape", arguments: TestDatabase.all)
    func statementsOutliveSchemaChanges(database: TestDatabase) async throws {
        try await withApp(database) { _, services in
            let reads = services.database.reads
            // Every read connection refuses it first (a page holds one; others are lent meanwhile).
            for _ in 0..<3 {
                await #expect(throws: (any Error).self) { try await reads.raw("SELECT * FROM later_table").all() }
            }
            try await services.database.sql.raw("CREATE TABLE later_table (id BIGINT PRIMARY KEY)").run()
            try await services.database.sql.raw("INSERT INTO later_table (id) VALUES (1)").run()
            #expect(try await reads.raw("SELECT * FROM later_table").all().count == 1)
            // Another process adds a column: the statement prepared for `*` before reads it now.
            try await services.database.sql.raw("ALTER TABLE later_table ADD COLUMN label TEXT").run()
            try await services.database.sql.raw("UPDATE later_table SET label = 'added'").run()
            let row = try #require(try await reads.raw("SELECT * FROM later_table").first())
            #expect(try row.decode(column: "label", as: String?.self) == "added")
        }
    }

    @Test("More pages at once than the read path has connections all get their answers", arguments: TestDatabase.all)
    func moreReadersThanConnections(database: TestDatabase) async throws {
        try await withApp(database) { _, services in
            try await Self.write(services)
            let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<60 {
                    group.addTask {
                        try await services.database.readingOneSnapshot {
                            var total = 0
                            for id in 1...5 {
                                total += try await services.database.reads.select().column("id").from("read_samples")
                                    .where("id", .lessThanOrEqual, SQLBind(id * 8)).all().count
                            }
                            return total
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(counts == Array(repeating: 8 + 16 + 24 + 32 + 40, count: 60))
        }
    }

    @Test("On PostgreSQL page reads run prepared, once per connection; reads planned per run are never prepared")
    func preparedOnPostgres() async throws {
        guard TestDatabase.all.contains(.postgres) else { return }
        try await withApp(.postgres) { _, services in
            try await Self.write(services)
            let prepared = try await services.database.readingOneSnapshot {
                for id in [3, 5, 3] {
                    _ = try await services.database.reads.raw("SELECT name FROM read_samples WHERE id = \(bind: id)").all()
                    _ = try await services.database.readsPlannedPerRun.raw("SELECT score FROM read_samples WHERE id = \(bind: id)").all()
                }
                // The session's own prepared statements, asked on the same connection.
                return try await services.database.readsPlannedPerRun.raw("SELECT statement FROM pg_prepared_statements").all()
                    .map { try $0.decode(column: "statement", as: String.self) }
            }
            #expect(prepared.filter { $0.contains("SELECT name FROM read_samples") }.count == 1, "\(prepared)")
            #expect(!prepared.contains { $0.contains("SELECT score FROM read_samples") }, "\(prepared)")
        }
    }
}
