import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import SQLKit
import Testing
@testable import CivitasApp

@Suite("Writing through the API")
struct DirectoryAPIWriteTests {
    @Test("Writes need a token with the directory:write scope", arguments: TestDatabase.all)
    func tokenRequired(database: TestDatabase) async throws {
        try await withApp(database) { client, services async throws in
            let body = #"{"name": "Tacoma", "classification": "city"}"#
            #expect(try await sendJSON(client, .post, "/api/v1/areas", token: nil, json: body).status == .unauthorized)
            #expect(try await sendJSON(client, .post, "/api/v1/areas", token: "civ_forged", json: body).status == .unauthorized)
            #expect(try await count("areas", services) == 0)
        }
    }

    @Test("A token creates and changes a record, and the change is audited", arguments: TestDatabase.all)
    func createAndPatch(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let token = try await apiToken(["directory:write"], name: "test", services: services)
            let created = try await sendJSON(client, .post, "/api/v1/areas", token: token,
                                         json: #"{"name": "Tacoma", "classification": "city", "country_code": "us", "time_zone": "America/Los_Angeles", "population": 219346}"#)
            #expect(created.status == .created)
            let record = try created.json()
            #expect(record["slug"] == "tacoma")
            #expect(record["country_code"] == "US")
            #expect(record["population"] == 219346)
            #expect(created.headers[.location] == "/api/v1/areas/tacoma")

            let patched = try await sendJSON(client, .patch, "/api/v1/areas/tacoma", token: token, json: #"{"summary": "Host of the Summer 2020 meeting"}"#)
            #expect(patched.status == .ok)
            #expect(try patched.json()["summary"] == "Host of the Summer 2020 meeting")
            #expect(try patched.json()["name"] == "Tacoma", "fields left out stay as they were")

            let events = try await services.database.sql.select().columns("action", "actor").from("audit_events")
                .where("subject_kind", .equal, "area").all()
            #expect(events.count == 2)
            #expect(try events.allSatisfy { try $0.decode(column: "actor", as: String.self) == "API token \"test\"" })
        }
    }

    @Test("Invalid input answers 400 naming each field and writes nothing", arguments: TestDatabase.all)
    func invalidInput(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let token = try await apiToken(["directory:write"], name: "test", services: services)
            let response = try await sendJSON(client, .post, "/api/v1/areas", token: token,
                                          json: #"{"name": "Atlantis", "classification": "continent", "time_zone": "Mars/Olympus", "parent_id": "nope"}"#)
            #expect(response.status == .badRequest)
            let fields = try response.json()["error"]?["fields"]
            #expect(fields?["classification"] != nil)
            #expect(fields?["time_zone"]?.stringValue?.contains("IANA") == true)
            #expect(fields?["parent_id"] != nil)
            let unknown = try await sendJSON(client, .post, "/api/v1/areas", token: token, json: #"{"name": "X", "classification": "city", "colour": "red"}"#)
            #expect(unknown.status == .badRequest)
            #expect(try unknown.json()["error"]?["fields"]?["colour"] != nil)
            let nul = try await sendJSON(client, .post, "/api/v1/areas", token: token, json: #"{"name": "Nul\u0000City", "classification": "city"}"#)
            #expect(nul.status == .badRequest)
            #expect(try nul.json()["error"]?["fields"]?["name"] == "contains control characters")
            #expect(try await client.execute(uri: "/api/v1/areas?q=%00", method: .get).status == .badRequest)
            #expect(try await client.execute(uri: "/api/v1/areas/x%00y", method: .get).status == .badRequest)
            let notJSON = try await sendJSON(client, .post, "/api/v1/areas", token: token, json: "name=X")
            #expect(notJSON.status == .badRequest)
            let membership = try await sendJSON(client, .post, "/api/v1/memberships", token: token, json: #"{"role": "member"}"#)
            #expect(membership.status == .badRequest)
            #expect(try await count("areas", services) == 0)
            #expect(try await count("memberships", services) == 0)
            #expect(try await count("audit_events", services) == 1, "only the token's creation")
        }
    }

    @Test("Concurrent writes all succeed, none is lost", arguments: TestDatabase.all)
    func concurrentWrites(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let token = try await apiToken(["directory:write"], name: "test", services: services)
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for number in 0..<40 {
                    group.addTask {
                        try await sendJSON(client, .post, "/api/v1/topics", token: token, json: #"{"name": "Topic \#(number)"}"#).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .created }, "\(statuses)")
            #expect(try await count("topics", services) == 40)
            // The same name at once: each gets its own slug.
            let sameName = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<10 {
                    group.addTask { try await sendJSON(client, .post, "/api/v1/topics", token: token, json: #"{"name": "Heat"}"#).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(sameName.allSatisfy { $0 == .created }, "\(sameName)")
            let slugs = try await services.database.sql.select().column("slug").from("topics").where("name", .equal, "Heat").all()
                .map { try $0.decode(column: "slug", as: String.self) }
            #expect(Set(slugs).count == 10)
        }
    }

    @Test("Saves queued on one table's slug lock leave the connection pool free for every other write")
    func queuedSavesLeaveThePoolFree() async throws {
        guard TestDatabase.all.contains(.postgres) else { return }
        try await withApp(.postgres) { client, services in
            let token = try await apiToken(["directory:write"], name: "test", services: services)
            // Another process holds the topics table's slug lock, so this process's topic saves wait.
            let (locked, lockTaken) = AsyncStream.makeStream(of: Void.self)
            let (release, releaseLock) = AsyncStream.makeStream(of: Void.self)
            let holder = Task {
                try await services.database.db.withConnection { connection in
                    let sql = connection as! any SQLDatabase
                    try await sql.raw("SELECT pg_advisory_lock(\(bind: RecordSlug.lockKey("topics")))").run()
                    lockTaken.yield()
                    for await _ in release { break }
                    try await sql.raw("SELECT pg_advisory_unlock(\(bind: RecordSlug.lockKey("topics")))").run()
                }
            }
            for await _ in locked { break }
            let topics = (0..<20).map { number in
                Task { try await sendJSON(client, .post, "/api/v1/topics", token: token, json: #"{"name": "Topic \#(number)"}"#).status }
            }
            // Until a save waits for the lock, then a while longer for the others to queue.
            while try await waitingForAdvisoryLocks(services) == 0 { try await Task.sleep(for: .milliseconds(50)) }
            try await Task.sleep(for: .seconds(1))
            #expect(try await waitingForAdvisoryLocks(services) == 1, "one save waits on the lock; the others wait in the process, holding no connection")

            let area = try await within(seconds: 60) {
                try await sendJSON(client, .post, "/api/v1/areas", token: token, json: #"{"name": "Tacoma", "classification": "city"}"#).status
            }
            #expect(area == .created)

            releaseLock.yield()
            try await holder.value
            for topic in topics { #expect(try await topic.value == .created) }
            #expect(try await count("topics", services) == 20)
        }
    }

    /// Sessions of the test's database waiting for an advisory lock.
    private func waitingForAdvisoryLocks(_ services: AppServices) async throws -> Int {
        try await services.database.reads.raw("""
            SELECT count(*) AS waiting FROM pg_locks l JOIN pg_database d ON d.oid = l.database
            WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = current_database()
            """).first()!.decode(column: "waiting", as: Int.self)
    }

    @Test("A revoked token no longer writes", arguments: TestDatabase.all)
    func revokedToken(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            let token = try await apiToken(["directory:write"], name: "test", services: services)
            try await services.database.sql.update("api_tokens").set("revoked_at", to: SQLBind(Date())).run()
            let response = try await sendJSON(client, .post, "/api/v1/topics", token: token, json: #"{"name": "Water"}"#)
            #expect(response.status == .unauthorized)
            #expect(try await count("topics", services) == 0)
        }
    }

}
