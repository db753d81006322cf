import Foundation
import Synchronization
import HummingbirdTesting
import Testing
@testable import CivitasApp

/// Calendar programs match entries by UID and order versions by SEQUENCE: both must hold
/// when the site moves and must start where a new event starts.
@Suite("Calendars stable across addresses")
struct CalendarIdentityTests {
    private func calendar(_ publicURL: String, database: TestDatabase) async throws -> String {
        let text = Mutex("")
        try await withApp(database, demo: true, configure: { $0.publicURL = publicURL }) { client, _ in
            let body = try await client.execute(uri: "/events/2018-winter-meeting.ics", method: .get).text
            text.withLock { $0 = body }
        }
        return text.withLock { $0 }
    }

    @Test("An event's UID does not change with the site's address, and the demo's events start at SEQUENCE 0", arguments: TestDatabase.all)
    func uidAndSequence(database: TestDatabase) async throws {
        let first = try await calendar("https://network.example.org", database: database)
        let moved = try await calendar("https://civitas.other.example", database: database)
        let uid = { (text: String) in text.split(separator: "\r\n").first { $0.hasPrefix("UID:") }.map(String.init) }
        #expect(uid(first) == "UID:event-2018-winter-meeting@civitas")
        #expect(uid(first) == uid(moved))
        #expect(!first.contains("event-event-"))
        #expect(first.contains("SEQUENCE:0\r\n"), "a demo event is in its first version on a fresh database")
    }
}
