import CivitasCore
import Foundation
import HummingbirdTesting
import Testing
@testable import CivitasApp

@Suite("Capacity under concurrency")
struct RegistrationConcurrencyTests {
    @Test("Hundreds of concurrent registrations confirm exactly the capacity and waitlist the rest in order", arguments: TestDatabase.all)
    func rush(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let event = try await makeEvent(services, capacity: 7)
            let statusCodes = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<200 {
                    group.addTask { Int(try await registerByAPI(client, services, slug: event.slug, name: "Person \(index)", email: "p\(index)@city.gov").status.code) }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statusCodes.allSatisfy { $0 == 201 })
            let rows = try await statuses(event.id, services)
            #expect(rows.count == 200)
            #expect(rows.filter { $0.status == "confirmed" }.count == 7)
            #expect(rows.filter { $0.status == "waitlisted" }.count == 193)
            // Arrival order: queue numbers are 1...200 without gaps, and the first 7 hold the places.
            #expect(rows.map(\.queue) == Array(1...200))
            #expect(rows.prefix(7).allSatisfy { $0.status == "confirmed" })
            #expect(try await count("mail_outbox", services) == 200)
        }
    }

    @Test("The same e-mail or invitation sent many times at once registers once; the rest are refused", arguments: TestDatabase.all)
    func duplicatesArrivingTogether(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let event = try await makeEvent(services, capacity: 3, mode: .invitation)
            guard case .invited(let token) = try await InviteToEvent(eventID: event.id, name: "Ina", email: "ina@city.gov", role: .speaker, actor: .demoLoader).run(services: services) else {
                throw TestFailure("no invitation")
            }
            let codes = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<30 {
                    group.addTask { Int(try await registerByAPI(client, services, slug: event.slug, name: "Ina", email: "ina@city.gov", extra: #", "invitation": "\#(token)""#).status.code) }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(codes.filter { $0 == 201 }.count == 1)
            #expect(codes.filter { $0 != 201 }.allSatisfy { $0 == 410 || $0 == 409 }, "\(codes): a used invitation answers 410 Gone, a second registration 409")
            let rows = try await statuses(event.id, services)
            #expect(rows.count == 1)
            #expect(try await count("mail_outbox", services) == 2, "the invitation and one confirmation")
        }
    }

    @Test("Concurrent cancellations promote the waiting list in order, never beyond capacity", arguments: TestDatabase.all)
    func cancellationsPromote(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let event = try await makeEvent(services, capacity: 5)
            for index in 0..<15 {
                #expect(try await registerByAPI(client, services, slug: event.slug, name: "Person \(index)", email: "p\(index)@city.gov").status == .created)
            }
            let confirmed = try await EventStore(services.database.db).registrations(of: event.id).filter { $0.status == "confirmed" }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for registration in confirmed {
                    group.addTask { _ = try await CancelRegistration(key: .id(registration.id)).run(services: services) }
                }
                try await group.waitForAll()
            }
            let rows = try await statuses(event.id, services)
            #expect(rows.filter { $0.status == "cancelled" }.map(\.queue) == [1, 2, 3, 4, 5])
            #expect(rows.filter { $0.status == "confirmed" }.map(\.queue) == [6, 7, 8, 9, 10])
            #expect(rows.filter { $0.status == "waitlisted" }.map(\.queue) == [11, 12, 13, 14, 15])
            let promotions = try await services.database.sql.raw("SELECT recipient FROM mail_outbox WHERE subject LIKE 'A place freed up%'").all()
                .map { try $0.decode(column: "recipient", as: String.self) }.sorted()
            #expect(promotions == ["p5@city.gov", "p6@city.gov", "p7@city.gov", "p8@city.gov", "p9@city.gov"])
        }
    }
}
