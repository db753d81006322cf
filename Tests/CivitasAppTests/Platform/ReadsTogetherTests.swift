import Foundation
import SQLKit
import Testing
@testable import CivitasApp

/// Reads sent together (`together`) answer exactly what each read answers alone, on both
/// databases: on PostgreSQL their rows come back as JSON, so every kind of value a page reads
/// (text, numbers, booleans, nulls, times) must survive the trip unchanged, in the read's order.
@Suite("Reads sent together")
struct ReadsTogetherTests {
    @Test("Events, sessions and counts read together equal the same reads run alone, in order", arguments: TestDatabase.all)
    func sameAsAlone(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { _, services in
            let store = EventStore(sql: services.database.reads)
            let events: SQLQueryString = "SELECT * FROM events ORDER BY starts_at DESC, id"
            let sessions: SQLQueryString = "SELECT * FROM event_sessions ORDER BY title DESC, id"
            let nothing: SQLQueryString = "SELECT * FROM events WHERE id = \(bind: "no-such-event")"
            let read = { (query: SQLQueryString) in PendingRead(query) { rows in try rows.map { try EventRecord(row: $0) } } }
            let (together, sessionsTogether, none, counts) = try await services.database.reads.together(
                read(events),
                PendingRead(sessions) { rows in try rows.map { try SessionRecord(row: $0) } },
                read(nothing),
                store.countsRead(of: "no-such-event")
            )
            let alone = try await services.database.reads.raw(events).all().map { try EventRecord(row: $0) }
            let sessionsAlone = try await services.database.reads.raw(sessions).all().map { try SessionRecord(row: $0) }
            #expect(together.count >= 5)
            #expect(together == alone)
            #expect(sessionsTogether.count >= 4)
            #expect(sessionsTogether == sessionsAlone)
            #expect(none.isEmpty)
            #expect(counts == RegistrationCounts())
        }
    }

    @Test("Times written by PostgreSQL as JSON are read to the microsecond, whatever their offset")
    func times() throws {
        let noon = Date(timeIntervalSince1970: 1_516_795_200) // 2018-01-24 12:00:00 UTC
        #expect(JSONRow.date("2018-01-24T12:00:00+00:00") == noon)
        #expect(JSONRow.date("2018-01-24T07:00:00-05:00") == noon)
        #expect(JSONRow.date("2018-01-24T17:30:00+05:30") == noon)
        #expect(JSONRow.date("2018-01-24T12:00:00Z") == noon)
        #expect(JSONRow.date("2018-01-24T12:00:00.25+00:00") == noon.addingTimeInterval(0.25))
        #expect(JSONRow.date("2018-01-24T12:00:00.000001+00") == noon.addingTimeInterval(0.000001))
        #expect(JSONRow.date("1969-12-31T23:59:59+00:00") == Date(timeIntervalSince1970: -1))
        #expect(JSONRow.date("2024-02-29T00:00:00+00:00") == Date(timeIntervalSince1970: 1_709_164_800))
        #expect(JSONRow.date("24 January 2018") == nil)
    }
}

/// `JSONRow` reads the arrays of objects PostgreSQL writes: every escape, characters beyond the
/// Basic Multilingual Plane, nulls, numbers, nested values and rows with different columns.
@Suite("Rows read from JSON")
struct JSONRowTests {
    @Test("Text with every escape reads as written, and other values by their type")
    func values() throws {
        let text = #"[{"a" : "plain", "b": "quote \" back \\ slash \/ \b\f\n\r\t tab", "c": "caf\u00e9 \ud83c\udf0d", "d": null,"#
            + #" "e": -12, "f": 2.5e3, "g": true, "h": false, "i": ["x", {"y": "]"}], "j": "ünï"},"#
            + "\n" + #" {"other": 1}, {}]"#
        let rows = try JSONRow.rows(fromArray: text)
        #expect(rows.count == 3)
        let row = rows[0]
        #expect(try row.decode(column: "a", as: String.self) == "plain")
        #expect(try row.decode(column: "b", as: String.self) == "quote \" back \\ slash / \u{08}\u{0C}\n\r\t tab")
        #expect(try row.decode(column: "c", as: String.self) == "café 🌍")
        #expect(try row.decode(column: "d", as: String?.self) == nil)
        #expect(try row.decodeNil(column: "d"))
        #expect(try !row.decodeNil(column: "a"))
        #expect(try row.decodeNil(column: "missing"))
        #expect(try row.decode(column: "e", as: Int.self) == -12)
        #expect(try row.decode(column: "e", as: Int?.self) == -12)
        #expect(try row.decode(column: "f", as: Double.self) == 2500)
        #expect(try row.decode(column: "g", as: Bool.self))
        #expect(try row.decode(column: "h", as: Bool?.self) == false)
        #expect(try row.decode(column: "i", as: [JSONValue].self) == ["x", ["y": "]"]])
        #expect(try row.decode(column: "j", as: String.self) == "ünï")
        #expect(throws: JSONRowError.self) { try row.decode(column: "a", as: Int.self) }
        #expect(throws: JSONRowError.self) { try row.decode(column: "d", as: String.self) }
        #expect(try rows[1].decode(column: "other", as: Int.self) == 1)
        #expect(!rows[1].contains(column: "a"))
        #expect(rows[2].allColumns.isEmpty)
        #expect(try JSONRow.rows(fromArray: "[]").isEmpty)
        #expect(throws: JSONRowError.self) { try JSONRow.rows(fromArray: #"[{"a": "unfinished"#) }
        #expect(throws: JSONRowError.self) { try JSONRow.rows(fromArray: #"{"a": 1}"#) }
    }

    @Test("Rows whose keys differ from the row before read by their own keys")
    func keysRowByRow() throws {
        // The same keys, then in another order, fewer, more, one escaped, and the same again.
        let text = #"[{"id": "a", "n": 1}, {"id": "b", "n": 2}, {"n": 3, "id": "c"}, {"n": 4}, {"n": 5, "id": "e", "extra": true},"#
            + #" {"n": 6, "id": "f"}, {"n": 7, "id": "g"}]"#
        let rows = try JSONRow.rows(fromArray: text)
        #expect(rows.map(\.allColumns) == [["id", "n"], ["id", "n"], ["n", "id"], ["n"], ["n", "id", "extra"], ["n", "id"], ["n", "id"]])
        #expect(try rows.map { try $0.decode(column: "n", as: Int.self) } == [1, 2, 3, 4, 5, 6, 7])
        #expect(try rows.map { try $0.decode(column: "id", as: String?.self) } == ["a", "b", "c", nil, "e", "f", "g"])
        #expect(try rows[4].decode(column: "extra", as: Bool.self))
        #expect(!rows[5].contains(column: "extra"))
    }
}
