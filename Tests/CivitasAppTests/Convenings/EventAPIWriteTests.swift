import CivitasCore
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import SQLKit
import Testing
@testable import CivitasApp

@Suite("Events written through the API, and events on profile pages")
struct EventAPIWriteTests {
    private let rush = #"{"title": "Registration rush", "kind": "webinar", "starts_at": "2030-03-02T10:00", "ends_at": "2030-03-02T11:30", "time_zone": "Europe/Berlin", "attendance_mode": "online", "online_url": "https://meet.example.org/rush", "registration_mode": "open", "capacity": 500}"#

    @Test("Creating and changing events needs a token with the events:write scope", arguments: TestDatabase.all)
    func tokenRequired(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            #expect(try await sendJSON(client, .post, "/api/v1/events", token: nil, json: rush).status == .unauthorized)
            let directoryOnly = try await apiToken(["directory:write"], name: "events", services: services)
            #expect(try await sendJSON(client, .post, "/api/v1/events", token: directoryOnly, json: rush).status == .forbidden)
            let event = try await makeEvent(services)
            #expect(try await sendJSON(client, .patch, "/api/v1/events/\(event.slug)", token: directoryOnly, json: #"{"status": "cancelled"}"#).status == .forbidden)
            #expect(try await EventStore(services.database.db).find(event.id, publishedOnly: false)?.status == "scheduled")
            #expect(try await count("events", services) == 1)
        }
    }

    @Test("A token creates an event and cancels it; everyone registered is told and the change is audited", arguments: TestDatabase.all)
    func createAndCancel(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let token = try await apiToken(["events:write"], name: "events", services: services)
            let created = try await sendJSON(client, .post, "/api/v1/events", token: token, json: rush)
            #expect(created.status == .created)
            let event = try created.json()
            guard let slug = event["slug"]?.stringValue else { throw TestFailure("no slug") }
            #expect(slug == "2030-registration-rush", "slugs of new events start with their year")
            #expect(created.headers[.location] == "/api/v1/events/\(slug)")
            #expect(event["capacity"] == 500)
            #expect(event["time_zone"] == "Europe/Berlin")
            #expect(event["start"] == "2030-03-02T10:00:00+01:00", "local time with the offset of the zone in winter")
            #expect(event["online_url"] == nil, "the online link is for confirmed participants only")

            #expect(try await registerByAPI(client, services, slug: slug, name: "Ana", email: "ana@example.org").status == .created)
            let cancelled = try await sendJSON(client, .patch, "/api/v1/events/\(slug)", token: token, json: #"{"status": "cancelled"}"#)
            #expect(cancelled.status == .ok)
            #expect(try cancelled.json()["status"] == "cancelled")
            #expect(try cancelled.json()["capacity"] == 500, "fields left out stay as they were")
            let mails = try await services.database.sql.select().column("subject").from("mail_outbox").all().map { try $0.decode(column: "subject", as: String.self) }
            #expect(mails.contains { $0.localizedCaseInsensitiveContains("cancelled") })
            let audit = try await services.database.sql.select().columns("action", "actor").from("audit_events").where("subject_kind", .equal, "event").all()
            #expect(audit.count == 2)
            #expect(try audit.allSatisfy { try $0.decode(column: "actor", as: String.self) == "API token \"events\"" })
        }
    }

    @Test("Invalid events answer 400 naming each field and write nothing", arguments: TestDatabase.all)
    func invalidInput(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let token = try await apiToken(["events:write"], name: "events", services: services)
            let backwards = try await sendJSON(client, .post, "/api/v1/events", token: token, json: #"{"title": "Backwards", "starts_at": "2030-03-02T10:00", "ends_at": "2030-03-01T10:00", "time_zone": "Mars/Olympus", "capacity": -3, "colour": "red"}"#)
            #expect(backwards.status == .badRequest)
            #expect(try backwards.json()["error"]?["fields"]?["colour"] != nil, "unknown fields are named")
            let wrongFields = try await sendJSON(client, .post, "/api/v1/events", token: token, json: #"{"title": "Backwards", "starts_at": "2030-03-02T10:00", "ends_at": "2030-03-01T10:00", "time_zone": "Mars/Olympus", "capacity": -3}"#)
            #expect(wrongFields.status == .badRequest)
            let fields = try wrongFields.json()["error"]?["fields"]
            #expect(fields?["time_zone"] != nil)
            #expect(fields?["capacity"] != nil)
            #expect(try await sendJSON(client, .post, "/api/v1/events", token: token, json: #"{"title": "Ok", "host_ids": ["organization:nope"], "starts_at": "2030-03-02T10:00", "ends_at": "2030-03-02T11:00", "time_zone": "UTC"}"#).status == .badRequest)
            #expect(try await sendJSON(client, .post, "/api/v1/events", token: token, json: #"["not", "an", "object"]"#).status == .badRequest)
            #expect(try await count("events", services) == 0)
            #expect(try await services.database.sql.select().column("id").from("audit_events").where("subject_kind", .equal, "event").all().isEmpty)

            let event = try await makeEvent(services, capacity: 3)
            let shrunk = try await sendJSON(client, .patch, "/api/v1/events/\(event.slug)", token: token, json: #"{"ends_at": "2000-01-01T00:00"}"#)
            #expect(shrunk.status == .badRequest)
            #expect(try await EventStore(services.database.db).find(event.id, publishedOnly: false)?.endsAt == event.endsAt)
            #expect(try await sendJSON(client, .patch, "/api/v1/events/no-such-event", token: token, json: "{}").status == .notFound)
        }
    }

    @Test("Whole-day and month-only events show what is known of their dates, in pages, the API and calendars", arguments: TestDatabase.all)
    func wholeDays(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            let page = String(buffer: try await client.execute(uri: "/events/2015-summer-meeting", method: .get).body)
            #expect(page.contains("Thursday 13 August 2015 – Saturday 15 August 2015"))
            #expect(!page.contains("09:00"))
            let api = try await client.execute(uri: "/api/v1/events/2015-summer-meeting", method: .get).json()
            #expect(api["schedule"] == "days")
            #expect(api["start"] == "2015-08-13")
            #expect(api["end"] == "2015-08-15")
            let calendar = String(buffer: try await client.execute(uri: "/events/2015-summer-meeting.ics", method: .get).body)
            #expect(calendar.contains("DTSTART;VALUE=DATE:20150813"))
            #expect(calendar.contains("DTEND;VALUE=DATE:20150816"))

            let token = try await apiToken(["events:write"], name: "events", services: services)
            let created = try await sendJSON(client, .post, "/api/v1/events", token: token,
                                         json: #"{"title": "Day of action", "schedule": "days", "starts_at": "2031-04-22", "ends_at": "2031-04-22", "time_zone": "Pacific/Auckland"}"#)
            #expect(created.status == .created)
            #expect(try created.json()["start"] == "2031-04-22")
            let backwards = try await sendJSON(client, .post, "/api/v1/events", token: token,
                                           json: #"{"title": "Backwards days", "schedule": "days", "starts_at": "2031-04-22", "ends_at": "2031-04-21", "time_zone": "UTC"}"#)
            #expect(backwards.status == .badRequest)
            #expect(try backwards.json()["error"]?["fields"]?["ends_at"] != nil)

            // Only the month is known: shown as the month, in calendars as the month, tentative.
            let october = String(buffer: try await client.execute(uri: "/events/2016-fostering-resilience-sustainable-water-solutions", method: .get).body)
            #expect(october.contains("October 2016, days to be announced"))
            let list = String(buffer: try await client.execute(uri: "/events?when=past&topic=water&per=100", method: .get).body)
            #expect(list.contains("Forum · October 2016"), "lists name the month, not an invented first day")
            #expect(!list.contains("Saturday 1 October 2016"))
            let monthAPI = try await client.execute(uri: "/api/v1/events/2016-fostering-resilience-sustainable-water-solutions", method: .get).json()
            #expect(monthAPI["schedule"] == "month")
            #expect(monthAPI["start"] == "2016-10")
            let monthCalendar = String(buffer: try await client.execute(uri: "/events/2016-fostering-resilience-sustainable-water-solutions.ics", method: .get).body)
            #expect(monthCalendar.contains("DTSTART;VALUE=DATE:20161001"))
            #expect(monthCalendar.contains("DTEND;VALUE=DATE:20161101"))
            #expect(monthCalendar.contains("STATUS:TENTATIVE"))
            let noMonth = try await sendJSON(client, .post, "/api/v1/events", token: token,
                                             json: #"{"title": "Autumn summit", "schedule": "month", "starts_at": "autumn", "time_zone": "UTC"}"#)
            #expect(noMonth.status == .badRequest)
            #expect(try noMonth.json()["error"]?["fields"]?["starts_at"] == "must be a month such as 2026-10")
            let unknownSchedule = try await sendJSON(client, .post, "/api/v1/events", token: token,
                                                     json: #"{"title": "Sometime", "schedule": "someday", "starts_at": "2031-04-22", "time_zone": "UTC"}"#)
            #expect(try unknownSchedule.json()["error"]?["fields"]?["schedule"] != nil)
        }
    }

    @Test("Profile pages list the events a record hosted, partnered, funded or spoke at, and a city's events held there", arguments: TestDatabase.all)
    func profileEvents(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, _ in
            let newYork = String(buffer: try await client.execute(uri: "/organizations/city-of-new-york", method: .get).body)
            #expect(newYork.contains("<a href=\"/events/2017-global-mayors-summit\">"))
            #expect(newYork.contains("<td>Host</td>"))
            let garcetti = String(buffer: try await client.execute(uri: "/people/eric-garcetti", method: .get).body)
            #expect(garcetti.contains("<a href=\"/events/2018-winter-meeting\">"))
            #expect(garcetti.contains("<td>Speaker</td>"))
            let conference = String(buffer: try await client.execute(uri: "/organizations/us-conference-of-mayors", method: .get).body)
            #expect(conference.contains("<a href=\"/events/2018-winter-meeting\">"))
        }
    }
}
