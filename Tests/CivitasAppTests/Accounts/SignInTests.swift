import Foundation
import HummingbirdTesting
import SQLKit
import Testing
@testable import CivitasApp

@Suite("Signing in and out")
struct SignInTests {
    @Test("Sign-in stores the session in the database; sign-out ends it", arguments: TestDatabase.all)
    func sessionLifecycle(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            var browser = try await Accounts.signedIn(.editor, client: client, services: services)
            let secret = try #require(browser.cookies["civitas_session"])
            let sessions = try await services.database.sql.select().column("id").from("sessions").all()
            #expect(sessions.count == 1)
            #expect(try sessions[0].decode(column: "id", as: String.self) != secret, "only the secret's hash is stored")
            #expect(try await browser.get(client, "/staff").status == .ok)

            let signOut = try await browser.post(client, AccountsURL.signOut.path, [])
            #expect(signOut.status == .seeOther)
            #expect(try await services.database.sql.select().column("id").from("sessions").all().isEmpty)
            // The old cookie no longer signs anyone in.
            #expect(try await browser.get(client, "/staff").status == .forbidden)
            browser.cookies["civitas_session"] = nil
        }
    }

    @Test("A wrong password is refused, and repeated failures are rate-limited", arguments: TestDatabase.all)
    func wrongPasswordAndRateLimit(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            _ = try await CreateUser(email: "mayor@example.org", name: "Mayor", role: .member, password: Accounts.password).run(services: services)
            let browser = Browser()
            for _ in 0..<SignInThrottle.pairLimit {
                let response = try await browser.post(client, AccountsURL.signIn.path, [("email", "mayor@example.org"), ("password", "wrong password")])
                #expect(response.status == .unauthorized)
                #expect(response.text.contains("do not match"))
                #expect(response.cookie("civitas_session") == nil)
            }
            let blocked = try await browser.post(client, AccountsURL.signIn.path, [("email", "mayor@example.org"), ("password", Accounts.password)])
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.cookie("civitas_session") == nil)
        }
    }

    @Test("Sign-in only redirects to this site")
    func openRedirect() async throws {
        try await withApp(.sqlite) { client, services in
            _ = try await CreateUser(email: "a@example.org", name: "A", role: .member, password: Accounts.password).run(services: services)
            let response = try await Browser().post(client, AccountsURL.signIn.path,
                                                    [("email", "a@example.org"), ("password", Accounts.password), ("next", "//evil.example/")])
            #expect(response.headers[.location] == "/")
        }
    }
}

import Hummingbird
