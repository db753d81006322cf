import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
@testable import CivitasApp

@Suite("Managing accounts")
struct UserManagementTests {
    private func signIn(_ client: any TestClientProtocol, _ email: String, _ password: String) async throws -> Browser? {
        var browser = Browser()
        let response = try await browser.post(client, AccountsURL.signIn.path, [("email", email), ("password", password)])
        guard let session = response.cookie("civitas_session") else { return nil }
        browser.cookies["civitas_session"] = session
        return browser
    }

    private func userID(_ email: String, _ services: AppServices) async throws -> String {
        try await services.database.sql.select().column("id").from("users").where("email", .equal, email).first()!.decode(column: "id", as: String.self)
    }

    @Test("An admin creates an editor, changes the role, and disables the account", arguments: TestDatabase.all)
    func lifecycle(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let admin = try await Accounts.signedIn(.admin, client: client, services: services)
            let created = try await admin.post(client, AccountsURL.staffUsers.path, [("email", "Editor@City.example"), ("name", "Eddie"), ("role", "editor")])
            #expect(created.status == .ok)
            let password = try #require(created.text.firstMatch(of: /class="token">([A-Za-z0-9_-]{16})</).map { String($0.1) })
            let editor = try #require(try await signIn(client, "editor@city.example", password))
            #expect(try await editor.get(client, SiteURL.staff.path).status == .ok)

            let id = try await userID("editor@city.example", services)
            #expect(try await admin.post(client, AccountsURL.staffUser(id).path, [("role", "member")]).status == .seeOther)
            #expect(try await editor.get(client, SiteURL.staff.path).status == .forbidden, "a member is no longer staff")

            #expect(try await admin.post(client, AccountsURL.staffUser(id).path, [("role", "member"), ("disabled", "true")]).status == .seeOther)
            #expect(try await editor.get(client, AccountsURL.account.path).status == .forbidden, "a disabled account's sessions end")
            #expect(try await signIn(client, "editor@city.example", password) == nil)

            let duplicate = try await admin.post(client, AccountsURL.staffUsers.path, [("email", "editor@city.example"), ("role", "editor")])
            #expect(duplicate.status == .badRequest)
            #expect(duplicate.text.contains("already exists"))
        }
    }

    @Test("An admin cannot remove their own administration", arguments: TestDatabase.all)
    func noSelfDemotion(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let admin = try await Accounts.signedIn(.admin, client: client, services: services)
            let email = try await services.database.sql.select().column("email").from("users").first()!.decode(column: "email", as: String.self)
            let response = try await admin.post(client, AccountsURL.staffUser(try await userID(email, services)).path, [("role", "editor")])
            #expect(response.status == .badRequest)
            #expect(try await admin.get(client, AccountsURL.staffUsers.path).status == .ok, "still an admin")
        }
    }

    @Test("A person changes their password; the old one stops working and other sessions end", arguments: TestDatabase.all)
    func changePassword(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            _ = try await CreateUser(email: "m@example.org", name: "M", role: .member, password: Accounts.password).run(services: services)
            let laptop = try #require(try await signIn(client, "m@example.org", Accounts.password))
            let phone = try #require(try await signIn(client, "m@example.org", Accounts.password))

            let wrong = try await laptop.post(client, AccountsURL.accountPassword.path, [("current_password", "nope"), ("new_password", "a new long password"), ("confirmation", "a new long password")])
            #expect(wrong.status == .badRequest)
            #expect(wrong.text.contains("is not your current password"))
            let short = try await laptop.post(client, AccountsURL.accountPassword.path, [("current_password", Accounts.password), ("new_password", "short"), ("confirmation", "short")])
            #expect(short.status == .badRequest)

            let changed = try await laptop.post(client, AccountsURL.accountPassword.path, [("current_password", Accounts.password), ("new_password", "a new long password"), ("confirmation", "a new long password")])
            #expect(changed.status == .seeOther)
            #expect(try await laptop.get(client, AccountsURL.account.path).status == .ok, "this session stays signed in")
            #expect(try await phone.get(client, AccountsURL.account.path).status == .forbidden, "other sessions end")
            #expect(try await signIn(client, "m@example.org", Accounts.password) == nil)
            #expect(try await signIn(client, "m@example.org", "a new long password") != nil)
        }
    }
}
