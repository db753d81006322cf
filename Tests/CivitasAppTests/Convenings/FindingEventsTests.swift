import Foundation
import HummingbirdTesting
import Testing
@testable import CivitasApp

/// A visitor finds the events: from the navigation and the home page, and on the events page
/// even when nothing is coming up; a search finds past events too.
@Suite("A visitor finds the events")
struct FindingEventsTests {
    @Test("With nothing upcoming, the events page and the home page show the latest events", arguments: TestDatabase.all)
    func nothingUpcoming(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, _ in
            let home = try await client.execute(uri: "/", method: .get).text
            #expect(home.contains(#"<a href="/events">Events</a>"#), "the navigation leads to the events")
            #expect(home.contains("Recent events"))
            #expect(home.contains(#"href="/events/2020-public-water-utility-workshop-on-affordability""#), "the home page links the latest event")

            let page = try await client.execute(uri: "/events", method: .get).text
            #expect(page.contains("Recent events") && page.contains("No event is coming up"))
            #expect(!page.contains(">0 events<"))
            #expect(page.contains("/events/2020-public-water-utility-workshop-on-affordability"), "the latest event is listed")

            let asked = try await client.execute(uri: "/events?when=upcoming", method: .get).text
            #expect(asked.contains("Upcoming events") && asked.contains("0 events"), "asking for upcoming events gets exactly that")
        }
    }

    @Test("A text search finds past events unless when narrows it, on the page and in the API", arguments: TestDatabase.all)
    func searchFindsPastEvents(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            _ = try await makeEvent(services, slug: "winter-futures", extra: ["title": "Winter futures forum"])
            let answer = try await client.execute(uri: "/api/v1/events?q=winter", method: .get).json()
            guard case .array(let items)? = answer["items"] else { throw TestFailure("no items") }
            let slugs = items.compactMap { $0["slug"]?.stringValue }
            #expect(slugs.contains("2018-winter-meeting") && slugs.contains("winter-futures"))
            let upcomingOnly = try await client.execute(uri: "/api/v1/events?q=winter&when=upcoming", method: .get).json()
            guard case .array(let upcoming)? = upcomingOnly["items"] else { throw TestFailure("no items") }
            #expect(upcoming.compactMap { $0["slug"]?.stringValue } == ["winter-futures"])
            let page = try await client.execute(uri: "/events?q=winter", method: .get).text
            #expect(page.contains("/events/2018-winter-meeting"))
        }
    }
}

@Suite("Plain words for visitors")
struct PlainWordsTests {
    @Test("Visitors read Offices where Popolo says posts; addresses stay as they are")
    func offices() async throws {
        try await withApp(.sqlite, demo: true) { client, _ in
            let home = try await client.execute(uri: "/", method: .get).text
            #expect(home.contains(#"<a href="/posts">Offices</a>"#))
            #expect(!home.contains(">Posts<"))
            let list = try await client.execute(uri: "/posts", method: .get).text
            #expect(list.contains("<h1>Offices</h1>") || list.contains(">Offices<"))
        }
    }
}
