import CivitasCore
import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
@testable import CivitasApp

/// The clock, new secrets and their hashing are Platform services: tests give a fixed time
/// and predictable secrets, and follow links the way the people who receive them would.
@Suite("Clock and secrets as services")
struct ClockAndSecretsTests {
    @Test("A stored secret is its SHA-256 in lowercase hex (FIPS 180-2's test vectors)")
    func secretHashes() {
        let hasher = SHA256SecretHasher()
        #expect(hasher.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hasher.hash("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hasher.hash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("A personal link works exactly as mailed, and the database keeps only its hash", arguments: TestDatabase.all)
    func personalLink(database: TestDatabase) async throws {
        let secrets = CountingSecrets()
        try await withApp(database, secrets: secrets) { client, services in
            let event = try await makeEvent(services)
            let answer = try await registerByAPI(client, services, slug: event.slug, name: "Ana Ruiz", email: "ana@example.org", anonymous: true)
            #expect(answer.status == .accepted)
            guard let token = secrets.all.last else { throw TestFailure("no secret was made") }

            let mails = try await services.database.sql.select().columns("body").from("mail_outbox").all()
                .map { try $0.decode(column: "body", as: String.self) }
            #expect(mails.contains { $0.contains(services.configuration.publicURL + ConveningsURL.registration(token).path) })
            let page = try await client.execute(uri: ConveningsURL.registration(token).path, method: .get)
            #expect(page.status == .ok)
            #expect(page.text.contains("Ana Ruiz"))

            let stored = try await services.database.sql.select().column("token_hash").from("registrations").all()
                .map { try $0.decode(column: "token_hash", as: String.self) }
            #expect(stored == [SHA256SecretHasher().hash(token)])
            #expect(!stored.contains(token))
            let other = try await client.execute(uri: ConveningsURL.registration("secret-999").path, method: .get)
            #expect(other.status == .notFound)
        }
    }

    @Test("Registration closes when the clock passes its closing time", arguments: TestDatabase.all)
    func registrationWindow(database: TestDatabase) async throws {
        let clock = FixedClock()
        try await withApp(database, clock: clock) { client, services in
            let zone = TimeZone(identifier: "America/Chicago")!
            let closes = ZonedTime.formValue(clock.now().addingTimeInterval(86_400), in: zone)
            let event = try await makeEvent(services, extra: ["registration_closes_at": closes])
            let before = try await registerByAPI(client, services, slug: event.slug, name: "Ana Ruiz", email: "ana@example.org")
            #expect(before.status == .created)
            clock.advance(by: 2 * 86_400)
            let after = try await registerByAPI(client, services, slug: event.slug, name: "Ben Ode", email: "ben@example.org")
            #expect(after.status == .conflict)
            #expect(try await statuses(event.id, services).map(\.email) == ["ana@example.org"])
        }
    }

    @Test("An API token stops working the moment its lifetime ends", arguments: TestDatabase.all)
    func tokenExpiry(database: TestDatabase) async throws {
        let clock = FixedClock()
        try await withApp(database, clock: clock) { client, services in
            let (_, token) = try await TokenLifetimeTests.adminToken(services, expiresInDays: "1")
            let body = #"{"name": "Tacoma", "classification": "city"}"#
            #expect(try await sendJSON(client, .post, "/api/v1/areas", token: token, json: body).status == .created)
            clock.advance(by: 86_400 + 1)
            #expect(try await sendJSON(client, .post, "/api/v1/areas", token: token, json: #"{"name": "Olympia", "classification": "city"}"#).status == .unauthorized)
        }
    }
}
