import Foundation
import SQLKit
import HummingbirdTesting
import Testing
@testable import CivitasApp

/// When PostgreSQL restarts or ends sessions, the connections pages read through are gone. Pages
/// must answer again at once, through new connections, instead of waiting on the old ones:
/// before this was handled, every page after a restart waited for ever once each of the reader's
/// connections had been tried.
@Suite("Reads after the database ended their connections")
struct LostReadConnectionTests {
    /// Ends every other session of the test's database, as a restart of the server does, and
    /// waits until they are gone.
    private static func endOtherSessions(_ services: AppServices, matching filter: String = "%") async throws {
        let sql = services.database.sql
        try await sql.raw("""
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE \(bind: filter)
            """).run()
    }

    @Test("Pages answer at once after the server ended every connection they read through")
    func pagesAfterSessionsEnded() async throws {
        guard TestDatabase.all.contains(.postgres) else { return }
        try await withApp(.postgres, demo: true) { client, services in
            // Many pages at once, so the reader keeps several connections.
            try await Self.getConcurrently(client, "/people/eric-garcetti", times: 30)
            try await Self.endOtherSessions(services)
            // At once: the kept connections are broken, though the driver may not know it yet (a
            // read whose connection broke used to run again on another kept one, as broken).
            // More pages than the reader keeps connections, one after another and then at once.
            // "At once" against "for ever": the whole suite shares two cores meanwhile, and on a
            // slow machine these 45 pages took more than 30 s.
            try await within(seconds: 120) {
                for _ in 0..<(PostgresReader.connectionLimit + 3) {
                    let response = try await client.execute(uri: "/people/eric-garcetti", method: .get)
                    #expect(response.status == .ok)
                }
                try await Self.getConcurrently(client, "/events/2018-winter-meeting", times: 30)
            }
        }
    }

    @Test("A read whose connection is ended while it runs answers through a new connection")
    func readInFlightWhenSessionEnded() async throws {
        guard TestDatabase.all.contains(.postgres) else { return }
        try await withApp(.postgres) { _, services in
            let reading = Task {
                try await services.database.reads.raw("SELECT 7 AS answer FROM pg_sleep(0.6)").first()?
                    .decode(column: "answer", as: Int.self)
            }
            try await Task.sleep(for: .milliseconds(200))
            try await Self.endOtherSessions(services, matching: "%pg_sleep(0.6)%")
            let answer = try await within(seconds: 20) { try await reading.value }
            #expect(answer == 7)
        }
    }

    private static func getConcurrently(_ client: any TestClientProtocol, _ path: String, times: Int) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<times {
                group.addTask {
                    let response = try await client.execute(uri: path, method: .get)
                    #expect(response.status == .ok, "\(path)")
                }
            }
            try await group.waitForAll()
        }
    }
}
