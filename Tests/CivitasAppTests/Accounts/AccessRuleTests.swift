import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import CivitasApp

/// Every staff route refuses visitors and members with 403; admin-only routes refuse editors too.
@Suite("Who may not use which route")
struct AccessRuleTests {
    /// Every staff page and form action, for every kind of record.
    static func staffRoutes(recordID: String) -> [(HTTPRequest.Method, String)] {
        var routes: [(HTTPRequest.Method, String)] = [(.get, SiteURL.staff.path)]
        for kind in RecordKind.allCases {
            routes += [
                (.get, DirectoryURL.staffList(kind).path), (.get, DirectoryURL.staffNew(kind).path), (.post, DirectoryURL.staffList(kind).path),
                (.get, DirectoryURL.staffEdit(kind, recordID).path), (.post, DirectoryURL.staffRecord(kind, recordID).path),
                (.post, DirectoryURL.staffPublish(kind, recordID).path), (.post, DirectoryURL.staffUnpublish(kind, recordID).path),
            ]
        }
        return routes
    }

    static let adminRoutes: [(HTTPRequest.Method, String)] = [
        (.get, AccountsURL.staffTokens.path), (.post, AccountsURL.staffTokens.path),
        (.post, AccountsURL.staffTokenRevoke("any").path), (.get, AccountsURL.staffAudit.path),
        (.get, AccountsURL.staffUsers.path), (.post, AccountsURL.staffUsers.path), (.post, AccountsURL.staffUser("any").path),
    ]

    private func request(_ browser: Browser, _ client: any TestClientProtocol, _ route: (HTTPRequest.Method, String)) async throws -> TestResponse {
        route.0 == .get ? try await browser.get(client, route.1) : try await browser.post(client, route.1, [("name", "Intruder"), ("classification", "city")])
    }

    @Test("Visitors and members get 403 on every staff route and change nothing", arguments: TestDatabase.all)
    func visitorsAndMembers(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            let member = try await Accounts.signedIn(.member, client: client, services: services)
            for (who, browser) in [("visitor", Browser()), ("member", member)] {
                for route in Self.staffRoutes(recordID: "area-tacoma") + Self.adminRoutes {
                    let response = try await request(browser, client, route)
                    #expect(response.status == .forbidden, "\(who) \(route.0) \(route.1)")
                }
            }
            for route in [(HTTPRequest.Method.get, AccountsURL.account.path), (.post, AccountsURL.accountPassword.path)] {
                #expect(try await request(Browser(), client, route).status == .forbidden, "visitor \(route.1)")
            }
            let tacoma = try await client.execute(uri: "/api/v1/areas/tacoma", method: .get).json()
            #expect(tacoma["name"] == "Tacoma")
            #expect(try await client.execute(uri: "/api/v1/areas?q=intruder", method: .get).json()["page"]?["total"] == 0)
        }
    }

    @Test("Editors and organizers use staff pages but not the admin pages", arguments: TestDatabase.all)
    func staffButNotAdmin(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            for role in [Role.editor, .organizer] {
                let staff = try await Accounts.signedIn(role, client: client, services: services)
                #expect(try await staff.get(client, SiteURL.staff.path).status == .ok)
                #expect(try await staff.get(client, DirectoryURL.staffEdit(.area, "area-tacoma").path).status == .ok)
                for route in Self.adminRoutes {
                    #expect(try await request(staff, client, route).status == .forbidden, "\(role) \(route.1)")
                }
            }
            let admin = try await Accounts.signedIn(.admin, client: client, services: services)
            #expect(try await admin.get(client, AccountsURL.staffAudit.path).status == .ok)
            #expect(try await admin.get(client, AccountsURL.staffTokens.path).status == .ok)
        }
    }

    @Test("A staff form without the CSRF token is refused", arguments: TestDatabase.all)
    func csrf(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let editor = try await Accounts.signedIn(.editor, client: client, services: services)
            let forged = try await editor.post(client, DirectoryURL.staffList(.topic).path, [("name", "Forged")], csrf: "another-token")
            #expect(forged.status == .forbidden)
            #expect(try await client.execute(uri: "/api/v1/topics", method: .get).json()["page"]?["total"] == 0)
        }
    }
}
