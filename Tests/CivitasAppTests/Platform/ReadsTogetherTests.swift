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
