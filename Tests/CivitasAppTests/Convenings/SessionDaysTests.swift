import CivitasCore
import Foundation
import HummingbirdTesting
import Testing
@testable import CivitasApp

/// What the documents do not give is not made up: sessions known only by their day are shown
/// as the day, events known only by their days are whole-day entries, and assumed days say so.
@Suite("Days without times")
struct SessionDaysTests {
    @Test("The demo's sessions with no times in the documents show their day only, in pages, the API and calendars", arguments: TestDatabase.all)
    func demoSessions(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, _ in
            let page = try await client.execute(uri: "/events/2018-winter-meeting", method: .get).text
            #expect(page.contains("<h4>Press conference on immigration enforcement</h4>"))
            #expect(page.contains("Wednesday 24 January 2018"))
            #expect(!page.contains("11:00") && !page.contains("09:00"), "no time of day the documents do not give")
            let api = try await client.execute(uri: "/api/v1/events/2018-winter-meeting", method: .get).json()
            guard case .array(let sessions)? = api["sessions"] else { throw TestFailure("no sessions") }
            #expect(sessions.first?["start"] == "2018-01-24")
            #expect(sessions.first?["end"] == .null)
            #expect(sessions.first?["schedule"] == "day")
            let calendar = try await client.execute(uri: "/events/2018-winter-meeting.ics", method: .get).text
            #expect(calendar.contains("DTSTART;VALUE=DATE:20180124"), "a whole-day entry")

            let summit = try await client.execute(uri: "/events/2017-global-mayors-summit", method: .get).text
            #expect(!summit.contains("09:30") && !summit.contains("17:00"))
            let convening = try await client.execute(uri: "/events/2014-local-progress-national-convening", method: .get).text
            #expect(convening.contains("approximate: the report says only"))
        }
    }

    @Test("Staff add a session known by its day; a day outside the event is refused and nothing is written", arguments: TestDatabase.all)
    func staffDaySession(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let event = try await makeEvent(services, slug: "day-convening")
            let day = ZonedTime.dayKey(event.startsAt, in: event.zone)
            let organizer = try await Accounts.signedIn(.organizer, client: client, services: services)
            let saved = try await organizer.post(client, ConveningsURL.staffEventSessions(event.id).path,
                                                 [("title", "Morning caucus"), ("kind", "breakout"), ("schedule", "day"), ("day", day)])
            #expect(saved.status == .seeOther)
            let outside = try await organizer.post(client, ConveningsURL.staffEventSessions(event.id).path,
                                                   [("title", "Stray session"), ("kind", "breakout"), ("schedule", "day"), ("day", "1999-01-01")])
            #expect(outside.status == .badRequest)
            #expect(outside.text.contains("the session must fall within the event"))
            let api = try await client.execute(uri: "/api/v1/events/day-convening", method: .get).json()
            guard case .array(let sessions)? = api["sessions"] else { throw TestFailure("no sessions") }
            #expect(sessions.count == 1)
            #expect(sessions.first?["start"] == .string(day))
        }
    }
}
