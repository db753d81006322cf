import Foundation
import HummingbirdTesting
import Testing
@testable import CivitasApp

@Suite("Hidden records stay hidden wherever they are joined")
struct HiddenRecordsTests {
    @Test("An unpublished, renamed post or area shows nowhere: profiles, the API, membership search", arguments: TestDatabase.all)
    func unpublishedLabelsDoNotLeak(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            let token = try await apiToken(["directory:write"], services: services)
            let post = try await client.execute(uri: "/api/v1/posts/mayor-of-los-angeles", method: .get)
            #expect(post.status == .ok, "the demo has the post")
            let hide = #"{"published": false, "label": "Zqxv renamed office"}"#
            #expect(try await sendJSON(client, .patch, "/api/v1/posts/mayor-of-los-angeles", token: token, json: hide).status == .ok)
            #expect(try await sendJSON(client, .patch, "/api/v1/areas/los-angeles", token: token,
                                       json: #"{"published": false, "name": "Zqxv renamed city"}"#).status == .ok)

            for path in ["/people/eric-garcetti", "/api/v1/people/eric-garcetti", "/organizations/city-of-los-angeles",
                         "/api/v1/memberships?q=Zqxv", "/api/v1/memberships?q=renamed", "/memberships?q=Zqxv",
                         "/api/v1/popolo.json", "/posts", "/api/v1/posts", "/areas", "/organizations/us-conference-of-mayors"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .ok || response.status == .notFound, "\(path): \(response.status)")
                #expect(!response.text.contains("Zqxv renamed"), "\(path) shows a hidden record's name")
            }
            let search = try await client.execute(uri: "/api/v1/memberships?q=Zqxv", method: .get).json()
            #expect(search["page"]?["total"] == 0, "a hidden post's label does not find memberships: \(search)")
            // Staff still find it.
            let staff = try await Accounts.signedIn(.editor, client: client, services: services)
            #expect(try await staff.get(client, "/staff/memberships?q=Zqxv").text.contains("Zqxv renamed office"))
        }
    }
}
