import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
@testable import CivitasApp

@Suite("Staff keep the directory through web forms")
struct StaffFormTests {
    @Test("An editor creates a person and a mayoral term; both appear on the public site", arguments: TestDatabase.all)
    func createThroughForms(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            let editor = try await Accounts.signedIn(.editor, client: client, services: services)
            let form = try await editor.get(client, DirectoryURL.staffNew(.person).path)
            #expect(form.text.contains("name=\"csrf_token\""))
            let created = try await editor.post(client, DirectoryURL.staffList(.person).path, [
                ("name", "Amara Okafor"), ("summary", "A test mayor"), ("email", "mayor@tacoma.example"), ("source_ids", "source-mayors-innovation-project-featured-news"),
            ])
            #expect(created.status == .seeOther)
            let person = try await client.execute(uri: "/api/v1/people/amara-okafor", method: .get).json()
            #expect(person["sort_name"] == "Okafor, Amara")
            #expect(person["email"] == nil)
            let personID = try #require(person["id"]?.stringValue)

            let term = try await editor.post(client, DirectoryURL.staffList(.membership).path, [
                ("person_id", personID), ("post_id", "post-mayor-of-tacoma"), ("role", "Mayor"), ("start_date", "2030-01-02"),
            ])
            #expect(term.status == .seeOther)
            let staffList = try await editor.get(client, DirectoryURL.staffList(.membership).with(query: [("q", "Mayor")]).path).text
            #expect(staffList.contains("Amara Okafor — Mayor of Tacoma, City of Tacoma (since 2 January 2030)"))
            let city = try await client.execute(uri: "/areas/tacoma", method: .get).text
            #expect(city.contains("Amara Okafor"))
            #expect(city.contains("since 2 January 2030"))
        }
    }

    @Test("A form with errors is shown again with each message, keeps the input and writes nothing", arguments: TestDatabase.all)
    func validationErrors(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            let editor = try await Accounts.signedIn(.editor, client: client, services: services)
            let response = try await editor.post(client, DirectoryURL.staffList(.organization).path, [
                ("name", "Coalition of Tomorrow"), ("classification", "secret_society"), ("founding_date", "2020-13-01"), ("website", "javascript:alert(1)"),
            ])
            #expect(response.status == .badRequest)
            let html = response.text
            #expect(html.contains("Classification (required): must be one of"))
            #expect(html.contains("Founded: must be a date"))
            #expect(html.contains("Website: must be a web address"))
            #expect(html.contains("value=\"Coalition of Tomorrow\""))
            #expect(try await client.execute(uri: "/api/v1/organizations?q=tomorrow", method: .get).json()["page"]?["total"] == 0)

            let badTerm = try await editor.post(client, DirectoryURL.staffList(.membership).path, [
                ("person_id", "person-eric-garcetti"), ("post_id", "post-mayor-of-los-angeles"), ("start_date", "2020"), ("end_date", "2019"),
            ])
            #expect(badTerm.status == .badRequest)
            #expect(badTerm.text.contains("must not be before start date"))
        }
    }

    @Test("Unpublishing hides a record from the public but not from staff; the slug of a published record is kept", arguments: TestDatabase.all)
    func unpublish(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            let editor = try await Accounts.signedIn(.editor, client: client, services: services)
            let rename = try await editor.post(client, DirectoryURL.staffRecord(.person, "person-tom-tait").path, [("name", "Tom Tait"), ("slug", "thomas-tait")])
            #expect(rename.status == .badRequest)
            #expect(rename.text.contains("keeps its address"))

            let hide = try await editor.post(client, DirectoryURL.staffUnpublish(.person, "person-tom-tait").path, [])
            #expect(hide.status == .seeOther)
            #expect(try await client.execute(uri: "/people/tom-tait", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/api/v1/people/tom-tait", method: .get).status == .notFound)
            #expect(!(try await client.execute(uri: "/areas/anaheim", method: .get).text.contains("Tom Tait")))
            let memberships = try await client.execute(uri: "/api/v1/memberships?per=100", method: .get).text
            #expect(!memberships.contains("person-tom-tait"), "a hidden person's memberships are hidden too")
            #expect(!(try await client.execute(uri: "/api/v1/popolo.json", method: .get).text.contains("person-tom-tait")))
            #expect(try await editor.get(client, DirectoryURL.staffEdit(.person, "person-tom-tait").path).status == .ok)

            let show = try await editor.post(client, DirectoryURL.staffPublish(.person, "person-tom-tait").path, [])
            #expect(show.status == .seeOther)
            #expect(try await client.execute(uri: "/people/tom-tait", method: .get).status == .ok)
            let actions = try await services.database.sql.select().column("action").from("audit_events")
                .where("subject_id", .equal, "person-tom-tait").all().map { try $0.decode(column: "action", as: String.self) }
            #expect(Set(actions) == ["create", "unpublish", "publish"])
        }
    }

    @Test("Cached public pages change as soon as staff change a record", arguments: TestDatabase.all)
    func cacheInvalidation(database: TestDatabase) async throws {
        try await withApp(database, demo: true, cacheSeconds: 300) { client, services in
            #expect(try await client.execute(uri: "/topics", method: .get).text.contains("Broadband"))
            let editor = try await Accounts.signedIn(.editor, client: client, services: services)
            _ = try await editor.post(client, DirectoryURL.staffUnpublish(.topic, "topic-broadband").path, [])
            #expect(!(try await client.execute(uri: "/topics", method: .get).text.contains("Broadband")))
        }
    }
}
