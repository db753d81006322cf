import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import SQLKit
import Testing
@testable import CivitasApp

@Suite("API tokens and the audit log")
struct TokenAndAuditTests {
    @Test("An admin creates a token on the staff page; it is shown once, stored hashed, and works", arguments: TestDatabase.all)
    func createTokenOnStaffPage(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let admin = try await Accounts.signedIn(.admin, client: client, services: services)
            let page = try await admin.post(client, AccountsURL.staffTokens.path, [("name", "Importer"), ("scopes", "directory:write")])
            #expect(page.status == .ok)
            let token = try #require(page.text.firstMatch(of: /civ_[A-Za-z0-9_-]{20,}/).map { String($0.0) })
            let stored = try await services.database.sql.select().columns("token_hash", "scopes").from("api_tokens").first()
            #expect(try stored?.decode(column: "token_hash", as: String.self) != token)
            #expect(try stored?.decode(column: "scopes", as: String.self) == "directory:write")
            // The list shows the token's name, never the token again.
            let again = try await admin.get(client, AccountsURL.staffTokens.path).text
            #expect(again.contains("Importer"))
            #expect(!again.contains(token))

            let created = try await client.execute(uri: "/api/v1/topics", method: .post,
                                                   headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                                                   body: ByteBuffer(string: #"{"name": "Broadband"}"#))
            #expect(created.status == .created)
        }
    }

    @Test("A token without scopes or with an unknown scope is not created", arguments: TestDatabase.all)
    func invalidToken(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let admin = try await Accounts.signedIn(.admin, client: client, services: services)
            let none = try await admin.post(client, AccountsURL.staffTokens.path, [("name", "Nothing")])
            #expect(none.status == .badRequest)
            #expect(none.text.contains("at least one scope"))
            let unknown = try await CreateAPIToken(name: "x", scopes: ["everything"], createdBy: nil).run(services: services)
            #expect(unknown == .invalid("Unknown scope \"everything\"; known scopes: directory:write, events:write, library:write"))
            #expect(try await services.database.sql.select().column("id").from("api_tokens").all().isEmpty)
        }
    }

    @Test("Staff changes are listed in the audit log with who, what and the changed fields", arguments: TestDatabase.all)
    func auditLogPage(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let editor = try await Accounts.signedIn(.editor, client: client, services: services)
            _ = try await editor.post(client, DirectoryURL.staffList(.topic).path, [("name", "Census"), ("description", "A fair count")])
            let admin = try await Accounts.signedIn(.admin, client: client, services: services)
            let log = try await admin.get(client, AccountsURL.staffAudit.path).text
            #expect(log.contains("Test editor"))
            #expect(log.contains("create"))
            #expect(log.contains("Census"))
            #expect(log.contains("A fair count"))
        }
    }
}
