import Foundation
import HummingbirdTesting
import Testing
@testable import CivitasApp

/// The library part of the demo says only what its documents say, dates included.
@Suite("The library's demo records")
struct LibraryDemoTests {
    @Test("Announcements whose subject the listing leaves undated say so beside their posting date", arguments: TestDatabase.all)
    func undatedAnnouncements(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, _ in
            for (slug, posted) in [("imagine-a-day-without-water", "2019-10-23"), ("defense-against-the-dark-arts", "2019-01-22")] {
                let item = try await client.execute(uri: "/api/v1/news/\(slug)", method: .get).json()
                #expect(item["published_on"] == .string(posted), "\(slug) keeps the listing's posting date")
                let note = try #require(item["date_note"]?.stringValue, "\(slug) has a note on its date")
                #expect(note.contains("gives no date") || note.contains("without giving a date"))
                let page = try await client.execute(uri: "/news/\(slug)", method: .get).text
                #expect(page.contains(note), "\(slug)'s page shows the note")
            }
            // Every other news item is dated by the listing without qualification.
            let all = try await client.execute(uri: "/api/v1/news?per_page=100", method: .get).json()
            guard case .array(let items)? = all["items"] else { throw TestFailure("no items") }
            let noted = items.filter { $0["date_note"]?.stringValue != nil }.compactMap { $0["slug"]?.stringValue }
            #expect(Set(noted) == ["imagine-a-day-without-water", "defense-against-the-dark-arts"])
        }
    }

    @Test("The 2014 winter meeting names its speakers without an invented session or time", arguments: TestDatabase.all)
    func noInventedSession(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, _ in
            let event = try await client.execute(uri: "/api/v1/events/2014-winter-meeting", method: .get).json()
            #expect(event["sessions"] == .array([]))
            let highlights = try #require(event["highlights"]?.stringValue)
            #expect(highlights.contains("Vincent Gray") && highlights.contains("Victor Mendez"))
        }
    }
}
