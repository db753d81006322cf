import FluentKit
import Foundation
import Hummingbird
import HummingbirdTesting
import OpenAPIKit
import SQLKit
import Testing
@testable import CivitasApp

/// A capability is one folder and one line: a small "notices" capability declared here, in
/// the tests, is installed next to the real ones without editing any Platform file, and gets
/// its table, its routes with their access rule, its page in the site's layout, its link in
/// the navigation, its section of the home page and its API operation in the OpenAPI document.
@Suite("Adding a capability")
struct AddingACapabilityTests {
    @Test("A capability declared in one manifest is installed whole", arguments: TestDatabase.all)
    func noticesCapability(database: TestDatabase) async throws {
        try await withApp(database, extraModules: [{ NoticesModule(services: $0) }]) { client, services in
            let hostile = #"Boil <b>water</b> & "wait""#
            try await services.database.sql.insert(into: "test_notices").columns("id", "text").values(SQLBind("n1"), SQLBind(hostile)).run()

            let home = try await client.execute(uri: "/", method: .get)
            #expect(home.text.contains(#"<a href="/notices">Notices</a>"#), "its link is in the navigation")
            #expect(home.text.contains("Latest notice"), "its section is on the home page")

            let page = try await client.execute(uri: "/notices", method: .get)
            #expect(page.status == .ok)
            #expect(page.text.contains("Boil &lt;b&gt;water&lt;/b&gt;"), "its page goes through the layout's escaping")
            #expect(page.text.contains(#"<nav aria-label="Main">"#), "its page has the site's layout")

            let checker = ContractChecker(document: try JSONDecoder().decode(
                OpenAPI.Document.self, from: Data(buffer: try await client.execute(uri: "/api/v1/openapi.json", method: .get).body)))
            let answer = try await checker.call(client, .get, "/api/v1/notices", "/api/v1/notices")
            #expect(answer.status == .ok)
            #expect(try answer.json()["items"] == [["id": "n1", "text": .string(hostile)]])
            #expect(checker.problems.isEmpty, "\(checker.problems)")

            let routes = routeTable(services: services).filter { $0.module == "notices" }
            #expect(routes.map(\.description).sorted() == ["GET /api/v1/notices (everyone)", "GET /notices (everyone)"])
        }
    }
}

private enum NoticesURL: SitePath {
    case list, api

    var path: String {
        switch self {
        case .list: "/notices"
        case .api: "/api/v1/notices"
        }
    }
}

private struct NoticeBody: APIBody {
    let id: String
    let text: String

    static var schema: JSONSchema { .record(["id": .string, "text": .string]) }
}

private struct CreateNotices: AsyncMigration {
    var name: String { "notices.CreateNotices" }

    func prepare(on database: any Database) async throws {
        try await database.schema("test_notices").field("id", .string, .identifier(auto: false)).field("text", .string, .required).create()
    }

    func revert(on database: any Database) async throws { try await database.schema("test_notices").delete() }
}

private struct NoticesHomeSection: HomeSectionProvider {
    var shows: [ChangeTopic] { [.every("notice")] }

    func homeSection() async throws -> Node<HTML.BodyContext>? { .section(.h2("Latest notice")) }
}

private struct NoticesModule: CivitasModule {
    let services: AppServices
    let name = "notices"
    var migrations: [any Migration] { [CreateNotices()] }
    var navigationLinks: [NavigationLink] { [NavigationLink(label: "Notices", destination: NoticesURL.list)] }
    var homeSections: [any HomeSectionProvider] { [NoticesHomeSection()] }

    func notices() async throws -> [NoticeBody] {
        try await services.database.sql.select().columns("id", "text").from("test_notices").orderBy("id").all().map {
            NoticeBody(id: try $0.decode(column: "id", as: String.self), text: try $0.decode(column: "text", as: String.self))
        }
    }

    func registerRoutes(on routes: SiteRoutes) {
        let services = services
        routes.group(.everyone) { group in
            group.get(NoticesURL.list) { request, context in
                let notices = try await self.notices()
                let content: Node<HTML.BodyContext> = .group(.h1("Notices"), .ul(.forEach(notices) { .li(.text($0.text)) }))
                return Responses.html(PageLayout(services: services, context: context).render(title: "Notices", content: content))
            }
            group.get(NoticesURL.api, documented: APIOperation(
                id: "list_notices", summary: "Every notice",
                responses: [.json(200, "The notices", APIList<NoticeBody>.schema(items: NoticeBody.schema))]
            )) { _, _ in
                let notices = try await self.notices()
                return try Responses.json(APIList(items: notices, pagination: .init(page: 1, per: 100), total: notices.count))
            }
        }
    }
}
