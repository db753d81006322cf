import CivitasCore
import Foundation
import HummingbirdTesting
import NIOCore
import Testing
@testable import CivitasApp

@Suite("Registration: bad input changes nothing")
struct RegistrationRulesTests {
    @Test("Registering twice with one e-mail, after closing, or for a closed event is refused", arguments: TestDatabase.all)
    func refusals(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let event = try await makeEvent(services, capacity: 10)
            #expect(try await registerByAPI(client, services, slug: event.slug, name: "Ada", email: "ada@city.gov").status == .created)
            let twice = try await registerByAPI(client, services, slug: event.slug, name: "Ada again", email: "ADA@city.gov")
            #expect(twice.status == .conflict)
            #expect(String(buffer: twice.body).contains("already registered"))

            let closed = try await makeEvent(services, slug: "closed-one", extra: ["registration_closes_at": ZonedTime.formValue(services.now().addingTimeInterval(-3600), in: TimeZone(identifier: "America/Chicago")!)])
            let late = try await registerByAPI(client, services, slug: closed.slug, name: "Late", email: "late@city.gov")
            #expect(late.status == .conflict)
            #expect(String(buffer: late.body).contains("has closed"))

            let bad = try await registerByAPI(client, services, slug: event.slug, name: "", email: "not-an-address")
            #expect(bad.status == .badRequest)
            let fields = try bad.json()
            #expect(fields["error"]?["fields"]?["email"] != nil)
            #expect(try await count("registrations", services) == 1)
            #expect(try await count("mail_outbox", services) == 2, "the confirmation, and a new link for the second try")
        }
    }

    @Test("Invitations work once, for the invitee only; forged ones are refused", arguments: TestDatabase.all)
    func invitations(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let event = try await makeEvent(services, capacity: 10, mode: .invitation)
            #expect(try await registerByAPI(client, services, slug: event.slug, name: "Uninvited", email: "u@city.gov").status == .forbidden)
            guard case .invited(let token) = try await InviteToEvent(eventID: event.id, name: "Ina", email: "ina@city.gov", role: .speaker, actor: .demoLoader).run(services: services) else {
                throw TestFailure("no invitation")
            }
            #expect(try await registerByAPI(client, services, slug: event.slug, name: "Ina", email: "ina@city.gov", extra: #", "invitation": "forged-token""#).status == .forbidden)
            #expect(try await registerByAPI(client, services, slug: event.slug, name: "Other", email: "other@city.gov", extra: #", "invitation": "\#(token)""#).status == .forbidden)
            let accepted = try await registerByAPI(client, services, slug: event.slug, name: "Ina", email: "ina@city.gov", extra: #", "invitation": "\#(token)""#)
            #expect(accepted.status == .created)
            #expect(try accepted.json()["status"] == "confirmed")
            let reused = try await registerByAPI(client, services, slug: event.slug, name: "Ina", email: "ina2@city.gov", extra: #", "invitation": "\#(token)""#)
            #expect(reused.status == .gone)
            let rows = try await statuses(event.id, services)
            #expect(rows.map(\.email) == ["ina@city.gov"])
            #expect(try await EventStore(services.database.db).registrations(of: event.id).first?.role == "speaker")
        }
    }

    @Test("The event form refuses an end before the start, an unknown zone and a negative capacity", arguments: TestDatabase.all)
    func eventForm(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let staff = try await Accounts.signedIn(.organizer, client: client, services: services)
            let response = try await staff.post(client, "/staff/events", [
                ("title", "Broken"), ("kind", "summit"), ("time_zone", "Mars/Olympus_Mons"), ("starts_at", "2030-05-02T10:00"),
                ("ends_at", "2030-05-01T10:00"), ("attendance_mode", "in_person"), ("status", "scheduled"),
                ("registration_mode", "open"), ("capacity", "-3"),
            ])
            #expect(response.status == .badRequest)
            let page = String(buffer: response.body)
            #expect(page.contains("must be an IANA time zone"))
            #expect(page.contains("must be a whole number, 0 or more"))
            let again = try await staff.post(client, "/staff/events", [
                ("title", "Broken"), ("kind", "summit"), ("time_zone", "Europe/Paris"), ("starts_at", "2030-05-02T10:00"),
                ("ends_at", "2030-05-01T10:00"), ("attendance_mode", "in_person"), ("status", "scheduled"), ("registration_mode", "open"),
            ])
            #expect(again.status == .badRequest)
            #expect(String(buffer: again.body).contains("must be after the start"))
            #expect(try await count("events", services) == 0)
        }
    }

    @Test("Staff pages of convenings are closed to members and visitors", arguments: TestDatabase.all)
    func accessRules(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let event = try await makeEvent(services)
            let member = try await Accounts.signedIn(.member, client: client, services: services)
            let visitor = Browser()
            for path in ["/staff/events", "/staff/events/new", "/staff/events/\(event.id)/edit", "/staff/events/\(event.id)/sessions",
                         "/staff/events/\(event.id)/participants", "/staff/events/\(event.id)/participants.csv", "/staff/outbox"] {
                #expect(try await member.get(client, path).status == .forbidden, "member GET \(path)")
                #expect(try await visitor.get(client, path).status == .forbidden, "visitor GET \(path)")
            }
            for path in ["/staff/events", "/staff/events/\(event.id)", "/staff/events/\(event.id)/sessions", "/staff/events/\(event.id)/quotes",
                         "/staff/events/\(event.id)/invitations", "/staff/events/\(event.id)/registrations/x/approve"] {
                #expect(try await member.post(client, path, [("title", "x"), ("email", "a@b.cd")]).status == .forbidden, "member POST \(path)")
            }
            #expect(try await count("invitations", services) == 0)
        }
    }
}
