import Foundation
import HummingbirdTesting
import SQLKit
import Testing
@testable import CivitasApp

@Suite("Registering cannot tell who is registered")
struct RegistrationOracleTests {
    @Test("A known and an unknown address get the same answer from the API and the form; the owner is mailed a new link", arguments: TestDatabase.all)
    func sameAnswerEitherWay(database: TestDatabase) async throws {
        try await withApp(database, configure: { $0.deliverMail = false }) { client, services in
            let event = try await makeEvent(services, capacity: 10)
            let first = try await registerByAPI(client, services, slug: event.slug, name: "Ada", email: "ada@city.gov")
            guard case .string(let oldLink)? = try first.json()["personal_url"] else { throw TestFailure("no link") }
            let oldPath = String(oldLink.dropFirst(services.configuration.publicURL.count))

            let known = try await registerByAPI(client, services, slug: event.slug, name: "Someone", email: "ada@city.gov", anonymous: true)
            let unknown = try await registerByAPI(client, services, slug: event.slug, name: "Someone", email: "bea@city.gov", anonymous: true)
            #expect(known.status == .accepted)
            #expect(unknown.status == known.status)
            let knownBody = try known.json(), unknownBody = try unknown.json()
            #expect(knownBody["status"] == unknownBody["status"])
            #expect(Set(knownBody.objectKeys) == Set(unknownBody.objectKeys))
            #expect(!known.text.contains("already"))
            #expect(known.text.replacingOccurrences(of: "ada@city.gov", with: "x") == unknown.text.replacingOccurrences(of: "bea@city.gov", with: "x"))

            // The form: the same page.
            let browser = Browser()
            let formKnown = try await browser.post(client, "/events/\(event.slug)/register", [("name", "Someone"), ("email", "ada@city.gov")])
            let formUnknown = try await browser.post(client, "/events/\(event.slug)/register", [("name", "Someone"), ("email", "cy@city.gov")])
            #expect(formKnown.status == .ok && formUnknown.status == .ok)
            #expect(formKnown.text.replacingOccurrences(of: "ada@city.gov", with: "x") == formUnknown.text.replacingOccurrences(of: "cy@city.gov", with: "x"))
            #expect(formKnown.text.contains("Check your e-mail"))

            // Ada was told, with a new personal link; the old one no longer works.
            let mails = try await services.database.sql.raw("SELECT subject, body FROM mail_outbox WHERE recipient = 'ada@city.gov' ORDER BY created_at").all()
            let subjects = try mails.map { try $0.decode(column: "subject", as: String.self) }
            #expect(subjects.filter { $0.hasPrefix("You are already registered") }.count == 2)
            let reminder = try mails.last!.decode(column: "body", as: String.self)
            let newPath = try #require(reminder.split(whereSeparator: \.isWhitespace).first { $0.contains("/registrations/") })
                .dropFirst(services.configuration.publicURL.count)
            #expect(try await client.execute(uri: String(newPath), method: .get).status == .ok)
            #expect(try await client.execute(uri: oldPath, method: .get).status == .notFound)
            #expect(try await count("registrations", services) == 3, "Ada once, Bea and Cy")
        }
    }
}

extension JSONValue {
    var objectKeys: [String] {
        if case .object(let object) = self { return Array(object.keys) }
        return []
    }
}
