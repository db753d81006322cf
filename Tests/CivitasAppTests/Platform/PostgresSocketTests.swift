import CivitasCore
import Foundation
import HummingbirdTesting
import SQLKit
import Testing
@testable import CivitasApp

/// A server on the same machine as its database reaches it through PostgreSQL's Unix-domain
/// socket when `DATABASE_URL` names the socket's folder the way libpq does (`?host=/dir`): pages,
/// writes and the change feed all connect through it, none over TCP.
@Suite("PostgreSQL through its Unix-domain socket")
struct PostgresSocketTests {
    /// `scripts/with-postgres` names the socket of the server it started.
    static let socketURL: String? = ProcessInfo.processInfo.environment["CIVITAS_TEST_POSTGRES_SOCKET_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// The test's own database, reached through the socket instead of its TCP address.
    static func throughSocket(_ location: DatabaseLocation) -> DatabaseLocation {
        guard case .postgres(let url) = location, let socketURL, var components = URLComponents(string: socketURL) else { return location }
        components.path = URLComponents(string: url)!.path
        return .postgres(url: components.string!)
    }

    @Test("Pages, a registration and the change feed work through the socket, and no session comes over TCP")
    func everyConnectionThroughTheSocket() async throws {
        guard TestDatabase.all.contains(.postgres) else { return }
        let socketURL = try #require(Self.socketURL, "scripts/with-postgres exports CIVITAS_TEST_POSTGRES_SOCKET_URL")
        #expect(DatabaseLocation.postgresSocket(socketURL) != nil)
        try await withApp(.postgres, demo: true, configure: { $0.database = Self.throughSocket($0.database) }) { client, services in
            guard case .postgres(let url) = services.database.location else { throw TestFailure("not PostgreSQL") }
            #expect(DatabaseLocation.postgresSocket(url) != nil, "the app was given the socket URL")

            let person = try await client.execute(uri: "/people/eric-garcetti", method: .get)
            #expect(person.status == .ok)
            #expect(String(buffer: person.body).contains("Eric Garcetti"))

            _ = try await makeEvent(services, slug: "socket-convening", capacity: 5)
            let registered = try await registerByAPI(client, services, slug: "socket-convening", name: "Ada Lovelace", email: "ada@example.org")
            #expect(registered.status == .created)
            let event = try await client.execute(uri: "/events/socket-convening", method: .get)
            #expect(event.status == .ok)
            #expect(String(buffer: event.body).contains("5 places, 4 left"), "the page counts the registration")

            // Every session of this database (the write pool's, the reader's, the change feed's)
            // came through the socket: PostgreSQL shows no client address for those.
            let sessions = try await services.database.sql.raw("""
                SELECT count(*) AS total, count(client_addr) AS over_tcp FROM pg_stat_activity WHERE datname = current_database()
                """).first()
            let total = try #require(sessions).decode(column: "total", as: Int.self)
            let overTCP = try #require(sessions).decode(column: "over_tcp", as: Int.self)
            #expect(total >= 2)
            #expect(overTCP == 0)
        }
    }
}
