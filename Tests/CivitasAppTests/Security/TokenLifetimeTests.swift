import Foundation
import HummingbirdTesting
import SQLKit
import Testing
@testable import CivitasApp

@Suite("API tokens end with their creator's authority, and can expire")
struct TokenLifetimeTests {
    static let body = #"{"name": "Heat", "description": "Extreme heat"}"#

    static func adminToken(_ services: AppServices, expiresInDays: String = "") async throws -> (adminID: String, token: String) {
        guard case .created(let adminID) = try await CreateUser(email: "admin-\(UUID().uuidString.prefix(6))@example.org", name: "Admin",
                                                                role: .admin, password: Accounts.password).run(services: services)
        else { throw TestFailure("no admin") }
        let admin = SignedInUser(id: adminID, email: "admin@example.org", name: "Admin", role: .admin)
        guard case .created(_, let token) = try await CreateAPIToken(name: "importer", scopes: ["directory:write"], createdBy: admin,
                                                                     expiresInDays: expiresInDays).run(services: services)
        else { throw TestFailure("no token") }
        return (adminID, token)
    }

    @Test("A token stops writing when its creator is demoted, and when they are disabled", arguments: TestDatabase.all)
    func creatorLosesTheRole(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let (adminID, token) = try await Self.adminToken(services)
            #expect(try await sendJSON(client, .post, "/api/v1/topics", token: token, json: Self.body).status == .created)
            try await services.database.sql.update("users").set("role", to: "editor").where("id", .equal, adminID).run()
            let demoted = try await sendJSON(client, .post, "/api/v1/topics", token: token, json: #"{"name": "Floods"}"#)
            #expect(demoted.status == .unauthorized)
            #expect(try demoted.json()["error"]?["message"]?.stringValue?.contains("no longer an active administrator") == true)

            let (otherID, other) = try await Self.adminToken(services)
            try await services.database.sql.update("users").set("disabled", to: true).where("id", .equal, otherID).run()
            #expect(try await sendJSON(client, .post, "/api/v1/topics", token: other, json: #"{"name": "Drought"}"#).status == .unauthorized)
            #expect(try await count("topics", services) == 1)
        }
    }

    @Test("A token with a lifetime stops when it expires; the tokens page shows when", arguments: TestDatabase.all)
    func expiry(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let (_, token) = try await Self.adminToken(services, expiresInDays: "30")
            #expect(try await sendJSON(client, .post, "/api/v1/topics", token: token, json: Self.body).status == .created)
            let admin = try await Accounts.signedIn(.admin, client: client, services: services)
            let page = try await admin.get(client, AccountsURL.staffTokens.path).text
            #expect(page.contains("Expires"))
            #expect(page.contains(Format.timestamp(services.now().addingTimeInterval(30 * 86_400)).prefix(10)))

            try await services.database.sql.update("api_tokens").set("expires_at", to: SQLBind(services.now().addingTimeInterval(-60))).run()
            let expired = try await sendJSON(client, .post, "/api/v1/topics", token: token, json: #"{"name": "Floods"}"#)
            #expect(expired.status == .unauthorized)
            #expect(try expired.json()["error"]?["message"]?.stringValue?.contains("expired") == true)
            #expect(try await admin.get(client, AccountsURL.staffTokens.path).text.contains("expired "))

            let refused = try await admin.post(client, AccountsURL.staffTokens.path, [("name", "x"), ("scopes", "directory:write"), ("expires_in_days", "0")])
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("from 1 to 3650"))
        }
    }
}
