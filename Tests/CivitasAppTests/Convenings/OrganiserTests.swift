import CivitasCore
import Foundation
import HummingbirdTesting
import SQLKit
import Testing
@testable import CivitasApp

@Suite("Organisers run registration and the programme")
struct OrganiserTests {
    private func registration(_ email: String, event: EventRecord, services: AppServices) async throws -> RegistrationRecord {
        guard let found = try await EventStore(services.database.db).registrations(of: event.id).first(where: { $0.email == email }) else {
            throw TestFailure("no registration for \(email)")
        }
        return found
    }

    private func subjects(to email: String, services: AppServices) async throws -> [String] {
        try await services.database.sql.raw("SELECT subject FROM mail_outbox WHERE recipient = \(bind: email) ORDER BY created_at").all()
            .map { try $0.decode(column: "subject", as: String.self) }
    }

    @Test("Organisers approve into the places or the waiting list, reject, mark attendance and export the list as CSV", arguments: TestDatabase.all)
    func approvalAttendanceAndExport(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let event = try await makeEvent(services, capacity: 1, mode: .approval)
            for (name, email) in [("Ana", "ana@city.gov"), ("Bo", "bo@city.gov"), ("Cy", "cy@city.gov")] {
                let answer = try await registerByAPI(client, services, slug: event.slug, name: name, email: email)
                #expect(try answer.json()["status"] == "pending")
            }
            let organizer = try await Accounts.signedIn(.organizer, client: client, services: services)
            func act(_ email: String, _ action: String) async throws -> TestResponse {
                let id = try await registration(email, event: event, services: services).id
                return try await organizer.post(client, "/staff/events/\(event.id)/registrations/\(id)/\(action)", [])
            }
            #expect(try await act("ana@city.gov", "approve").status == .seeOther)
            #expect(try await act("bo@city.gov", "approve").status == .seeOther)
            #expect(try await act("cy@city.gov", "reject").status == .seeOther)
            #expect(try await registration("ana@city.gov", event: event, services: services).status == "confirmed")
            #expect(try await registration("bo@city.gov", event: event, services: services).status == "waitlisted", "the only place was taken")
            #expect(try await registration("cy@city.gov", event: event, services: services).status == "rejected")
            #expect(try await subjects(to: "ana@city.gov", services: services).last == "Approved: your place at Test convening is confirmed")
            #expect(try await subjects(to: "bo@city.gov", services: services).last == "Approved: you are on the waiting list for Test convening")
            #expect(try await subjects(to: "cy@city.gov", services: services).last == "Your registration for Test convening")

            #expect(try await act("ana@city.gov", "attended").status == .seeOther)
            #expect(try await act("ana@city.gov", "explode").status == .badRequest)
            let stranger = try await makeEvent(services, slug: "another-event")
            let anaID = try await registration("ana@city.gov", event: event, services: services).id
            #expect(try await organizer.post(client, "/staff/events/\(stranger.id)/registrations/\(anaID)/cancel", []).status == .notFound,
                    "a registration is acted on only through its own event")

            let csv = try await organizer.get(client, "/staff/events/\(event.id)/participants.csv")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentDisposition] == "attachment; filename=\"\(event.slug)-participants.csv\"")
            let lines = csv.text.split(separator: "\r\n").map(String.init)
            #expect(lines.first == "number,name,email,organization,role,status,attended,listed,registered_at")
            #expect(lines.count == 4, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("1,Ana,ana@city.gov,City of Testing,attendee,confirmed,yes,yes,") })
            #expect(lines.contains { $0.hasPrefix("2,Bo,bo@city.gov,City of Testing,attendee,waitlisted,no,yes,") })
        }
    }

    @Test("The public sees only the count until the list is published, and never those who opted out", arguments: TestDatabase.all)
    func participantList(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let event = try await makeEvent(services, capacity: 10)
            #expect(try await registerByAPI(client, services, slug: event.slug, name: "Listed Person", email: "listed@city.gov").status == .created)
            #expect(try await registerByAPI(client, services, slug: event.slug, name: "Private Person", email: "private@city.gov", extra: #", "listed": false"#).status == .created)

            var page = String(buffer: try await client.execute(uri: "/events/\(event.slug)", method: .get).body)
            #expect(!page.contains("Listed Person"))
            #expect(try await client.execute(uri: "/api/v1/events/\(event.slug)", method: .get).json()["registrations"]?["confirmed"] == 2)
            #expect(try await client.execute(uri: "/api/v1/events/\(event.slug)", method: .get).json()["participants"] == .null)

            var input = try await EventInput.load(event, store: EventStore(services.database.db), records: services.site.records)
            input.values["participants_public"] = "true"
            guard case .saved = try await SaveEvent(id: event.id, input: input, actor: .demoLoader).run(services: services) else { throw TestFailure("not saved") }
            page = String(buffer: try await client.execute(uri: "/events/\(event.slug)", method: .get).body)
            #expect(page.contains("Listed Person"))
            #expect(!page.contains("Private Person"))
            let listed = try await client.execute(uri: "/api/v1/events/\(event.slug)", method: .get).json()["participants"]
            #expect(listed == [["name": "Listed Person", "organization": "City of Testing", "role": "attendee"]])
        }
    }

    @Test("Speakers held back stay off the public page and profiles until the session's speakers are published", arguments: TestDatabase.all)
    func heldBackSpeakers(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            let event = try await makeEvent(services)
            let organizer = try await Accounts.signedIn(.organizer, client: client, services: services)
            let start = ZonedTime.formValue(event.startsAt.addingTimeInterval(3600), in: event.zone)
            let end = ZonedTime.formValue(event.startsAt.addingTimeInterval(7200), in: event.zone)
            let fields = [("title", "Broadband for every block"), ("kind", "panel"), ("starts_at", start), ("ends_at", end),
                          ("room", "Hall B"), ("speaker_ids", "person-eric-garcetti")]
            #expect(try await organizer.post(client, "/staff/events/\(event.id)/sessions", fields).status == .seeOther)
            var page = String(buffer: try await client.execute(uri: "/events/\(event.slug)", method: .get).body)
            #expect(page.contains("Broadband for every block"))
            #expect(!page.contains("Eric Garcetti"))
            #expect(!String(buffer: try await client.execute(uri: "/people/eric-garcetti", method: .get).body).contains("/events/\(event.slug)"))

            let session = try #require(try await EventStore(services.database.db).detail(event, records: services.site.records, publishedOnly: false, includeHeldBack: true).sessions.first)
            #expect(try await organizer.post(client, "/staff/events/\(event.id)/sessions/\(session.session.id)",
                                             fields + [("speakers_published", "true")]).status == .seeOther)
            page = String(buffer: try await client.execute(uri: "/events/\(event.slug)", method: .get).body)
            #expect(page.contains("Eric Garcetti"))
            #expect(String(buffer: try await client.execute(uri: "/people/eric-garcetti", method: .get).body).contains("/events/\(event.slug)"))
        }
    }
    @Test("A person on several sessions of one event finds it once on their profile, with each role once", arguments: TestDatabase.all)
    func severalSessionsOneEvent(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            let event = try await makeEvent(services)
            let organizer = try await Accounts.signedIn(.organizer, client: client, services: services)
            for (hour, title, role) in [(1.0, "Broadband for every block", "speaker_ids"), (3.0, "Digital inclusion", "speaker_ids"),
                                        (5.0, "Closing plenary", "moderator_ids")] {
                let start = ZonedTime.formValue(event.startsAt.addingTimeInterval(hour * 3600), in: event.zone)
                let end = ZonedTime.formValue(event.startsAt.addingTimeInterval((hour + 1) * 3600), in: event.zone)
                let fields = [("title", title), ("kind", "panel"), ("starts_at", start), ("ends_at", end),
                              (role, "person-eric-garcetti"), ("speakers_published", "true")]
                #expect(try await organizer.post(client, "/staff/events/\(event.id)/sessions", fields).status == .seeOther)
            }
            let profile = String(buffer: try await client.execute(uri: "/people/eric-garcetti", method: .get).body)
            #expect(profile.components(separatedBy: "<a href=\"/events/\(event.slug)\">").count == 2, "the event is listed once")
            #expect(profile.contains("<td>Moderator, Speaker</td>"), "roles in a stable order")
        }
    }
}
