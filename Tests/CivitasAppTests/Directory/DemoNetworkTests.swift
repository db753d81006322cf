import Foundation
import HummingbirdTesting
import SQLKit
import Testing
@testable import CivitasApp

@Suite("The demo network")
struct DemoNetworkTests {
    @Test("Every document of the corpus is a source, and every record but topics cites one", arguments: TestDatabase.all)
    func everyRecordCitesItsDocument(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { _, services in
            let sql = services.database.sql
            let documents = try await sql.select().column("document").from("sources").where("document", .isNot, SQLLiteral.null).all()
                .map { try $0.decode(column: "document", as: String.self) }
            #expect(Set(documents) == ["000_4d9f15d4c007ea04.txt", "001_5433084f8f83773a.txt", "002_b9095fcb3f56fb04.txt",
                                       "003_2aa96a9d61a8bc92.txt", "004_3931f6baf1c9cbc0.txt"])
            for kind in [RecordKind.area, .organization, .person, .post, .membership] {
                let uncited = try await sql.raw("""
                    SELECT r.id FROM \(unsafeRaw: kind.table) r
                    WHERE NOT EXISTS (SELECT 1 FROM citations c WHERE c.subject_kind = \(bind: kind.rawValue) AND c.subject_id = r.id)
                    """).all().map { try $0.decode(column: "id", as: String.self) }
                // Countries are named by the cities within them rather than by a document.
                #expect(uncited.allSatisfy { $0.hasPrefix("area-") && ["area-united-states", "area-united-kingdom", "area-france"].contains($0) }, "\(kind): \(uncited)")
            }
        }
    }

    @Test("Dates of office the documents do not give cite where they come from, with its address", arguments: TestDatabase.all)
    func termDatesCiteTheirSource(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            let terms = try await services.database.sql.raw("""
                SELECT m.id, m.start_date, m.end_date FROM memberships m JOIN posts p ON p.id = m.post_id
                WHERE m.start_date IS NOT NULL OR m.end_date IS NOT NULL
                """).all()
            #expect(terms.count >= 15)
            for term in terms {
                let id = try term.decode(column: "id", as: String.self)
                let cited = try await services.database.sql.raw("""
                    SELECT s.url, s.document FROM citations c JOIN sources s ON s.id = c.source_id
                    WHERE c.subject_kind = 'membership' AND c.subject_id = \(bind: id)
                    """).all()
                let addresses = try cited.compactMap { try $0.decode(column: "url", as: String?.self) }
                let documents = try cited.compactMap { try $0.decode(column: "document", as: String?.self) }
                #expect(addresses.contains { $0.hasPrefix("https://") }, "\(id) has dates but no source with an address for them")
                #expect(!documents.isEmpty, "\(id) no longer cites the document that names the office")
            }
            let garcetti = try await client.execute(uri: "/api/v1/memberships/membership-eric-garcetti-mayor-of-los-angeles", method: .get).json()
            guard case .array(let sources)? = garcetti["sources"] else { throw TestFailure("no sources") }
            #expect(sources.contains { $0["url"] == "https://en.wikipedia.org/wiki/Eric_Garcetti" })
            #expect(garcetti["start_date"] == "2013-07-01")
        }
    }

    @Test("It holds the facts of the five documents", arguments: TestDatabase.all)
    func factsOfTheDocuments(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, _ in
            func person(_ slug: String) async throws -> JSONValue { try await client.execute(uri: "/api/v1/people/\(slug)", method: .get).json() }
            func posts(_ person: JSONValue) -> [String] {
                guard case .array(let memberships)? = person["memberships"] else { return [] }
                return memberships.compactMap { $0["post_label"]?.stringValue }
            }
            // The 2018 winter meeting: the conference president, the mayors who spoke, San José's innovation officer.
            #expect(posts(try await person("mitch-landrieu")).contains("President of the U.S. Conference of Mayors"))
            for (slug, post) in [("eric-garcetti", "Mayor of Los Angeles"), ("rahm-emanuel", "Mayor of Chicago"), ("tom-tait", "Mayor of Anaheim"),
                                 ("sam-liccardo", "Mayor of San José"), ("tom-barrett", "Mayor of Milwaukee"), ("catherine-pugh", "Mayor of Baltimore"),
                                 ("greg-fischer", "Mayor of Louisville"), ("shireen-santosham", "Chief Innovation Officer of San José")] {
                #expect(posts(try await person(slug)).contains(post), "\(slug)")
            }
            // The news listing: host mayors and the network's cohorts.
            #expect(posts(try await person("victoria-woodards")).contains("Mayor of Tacoma"))
            #expect(posts(try await person("miro-weinberger")).contains("Mayor of Burlington"))
            #expect(try await client.execute(uri: "/api/v1/organizations/new-mayors-cohort-2020", method: .get).json()["parent_id"] == "organization-mayors-innovation-project")
            // The migration strategy: the joint op-ed's mayors.
            #expect(posts(try await person("sadiq-khan")).contains("Mayor of London"))
            #expect(posts(try await person("anne-hidalgo")).contains("Mayor of Paris"))
            // The 2014 convening: keynote speakers and the staffing organization.
            #expect(posts(try await person("melissa-mark-viverito")).contains("Speaker of the New York City Council"))
            let localProgress = try await client.execute(uri: "/organizations/local-progress", method: .get).text
            #expect(localProgress.contains("Center for Popular Democracy"))
            // The 2017 summit: its partners exist as organizations.
            for slug in ["open-society-foundations", "concordia", "columbia-global-policy-initiative", "united-cities-and-local-governments"] {
                #expect(try await client.execute(uri: "/api/v1/organizations/\(slug)", method: .get).status == .ok, "\(slug)")
            }
        }
    }
}
