import FluentKit
import FluentPostgresDriver
import Foundation
import HTTPTypes
import Hummingbird
import Synchronization
import HummingbirdTesting
import NIOCore
import NIOPosix
import Testing
@testable import CivitasApp

/// A database too busy to take a request is overload, not a broken site: the person (or the
/// client, the monitor, the load balancer) is told to send it again shortly.
@Suite("A busy database")
struct DatabaseBusyTests {
    @Test("When every pooled connection stays taken, a write answers 503 with Retry-After, as a page and as JSON, and works once they are free",
          arguments: TestDatabase.all)
    func busyPoolAnswers503(database: TestDatabase) async throws {
        try await withApp(database, poolTimeout: .seconds(2)) { client, services in
            let event = try await makeEvent(services)
            _ = try await IntegrationTokens.token(for: services)  // made now: making it needs a connection
            let release = await Self.takeEveryWriteConnection(services)

            let signIn = try await Browser().post(client, AccountsURL.signIn.path, [("email", "nobody@example.org"), ("password", "wrong")])
            #expect(signIn.status == .serviceUnavailable)
            #expect(signIn.headers[.retryAfter] == String(DatabaseBusy.retryAfterSeconds))
            #expect(signIn.text.contains("too busy to take this request"))

            let registration = try await registerByAPI(client, services, slug: event.slug, name: "Ada", email: "ada@city.gov")
            #expect(registration.status == .serviceUnavailable)
            #expect(registration.headers[.retryAfter] == String(DatabaseBusy.retryAfterSeconds))
            #expect(try registration.json()["error"]?["message"]?.stringValue?.contains("Wait a few seconds") == true)

            await release()
            let again = try await Browser().post(client, AccountsURL.signIn.path, [("email", "nobody@example.org"), ("password", "wrong")])
            #expect(again.status == .unauthorized)
            #expect(try await registerByAPI(client, services, slug: event.slug, name: "Ada", email: "ada@city.gov").status == .created)
        }
    }

    @Test("A read that comes after the database closed (the server stopping) answers 503 with Retry-After, as a page and as JSON, never 500",
          arguments: TestDatabase.all)
    func closedDatabaseAnswers503(database: TestDatabase) async throws {
        try await withApp(database) { client, services in
            #expect(try await client.execute(uri: DirectoryURL.list(.person).path, method: .get).status == .ok)
            await services.database.shutdown()
            let page = try await client.execute(uri: DirectoryURL.list(.person).path, method: .get)
            let list = try await client.execute(uri: "/api/v1/people", method: .get)
            for (what, response) in [("page", page), ("API list", list)] {
                #expect(response.status == .serviceUnavailable, "\(what): \(response.status) \(response.text.prefix(200))")
                #expect(response.headers[.retryAfter] == String(DatabaseBusy.retryAfterSeconds), "\(what)")
                #expect(response.text.contains("restarting"), "\(what): \(response.text.prefix(200))")
            }
        }
    }

    @Test("When every read connection stays taken on PostgreSQL, a page and an API list answer 503 with Retry-After, and 200 once one is free; on SQLite reads never wait for one another",
          arguments: TestDatabase.all)
    func busyReadsAnswer503(database: TestDatabase) async throws {
        try await withApp(database, poolTimeout: .seconds(2)) { client, services in
            let release = await Self.holdReadConnections(services, count: PostgresReader.connectionLimit)

            // Bounded: a read that waited for ever (as before the reader had a wait limit) fails here.
            let (page, list): (TestResponse, TestResponse)
            do {
                (page, list) = try await within(seconds: 60) {
                    (try await client.execute(uri: DirectoryURL.list(.person).path, method: .get),
                     try await client.execute(uri: "/api/v1/people", method: .get))
                }
            } catch {
                await release()
                throw error
            }
            if services.database.isPostgres {
                #expect(page.status == .serviceUnavailable)
                #expect(page.headers[.retryAfter] == String(DatabaseBusy.retryAfterSeconds))
                #expect(String(buffer: page.body).contains("too busy to take this request"))
                #expect(list.status == .serviceUnavailable)
                #expect(list.headers[.retryAfter] == String(DatabaseBusy.retryAfterSeconds))
                #expect(String(buffer: list.body).contains("Wait a few seconds"))
            } else {
                // Each read opens a connection of its own when none is free.
                #expect(page.status == .ok)
                #expect(list.status == .ok)
            }

            await release()
            #expect(try await client.execute(uri: DirectoryURL.list(.person).path, method: .get).status == .ok)
            #expect(try await client.execute(uri: "/api/v1/people", method: .get).status == .ok)
        }
    }

    @Test("A search under chosen facets never waits for a second read connection: with all but one held it answers what it answers with them free",
          arguments: TestDatabase.all)
    func facetedSearchNeverWaitsForASecondConnection(database: TestDatabase) async throws {
        try await withApp(database, demo: true, poolTimeout: .seconds(2)) { client, services in
            // A kind and a topic the word is found under, so that each facet's counts come from a
            // sample of their own (read beside the page's reads when a connection is free).
            var pair: (kind: String, topic: String)? = nil
            for kind in SearchTests.counts(try await SearchTests.search(client, "q=water"), "kind").keys.sorted() where pair == nil {
                let topics = SearchTests.counts(try await SearchTests.search(client, "q=water&kind=\(kind)"), "topic")
                if let topic = topics.keys.sorted().first { pair = (kind, topic) }
            }
            let (kind, topic) = try #require(pair, "some kind of record on water has a topic")
            let path = "/api/v1/search?q=water&kind=\(kind)&topic=\(topic)"
            let free = try await client.execute(uri: path, method: .get)
            #expect(free.status == .ok, "\(free.text.prefix(200))")
            #expect(SearchTests.total(try free.json()) > 0, "the search finds something under both")

            // The answer takes the last connection; a wait for another would last the pool's
            // limit (2 s here) and answer 503.
            let release = await Self.holdReadConnections(services, count: PostgresReader.connectionLimit - 1)
            let busy: TestResponse
            do {
                busy = try await within(seconds: 60) { try await client.execute(uri: path, method: .get) }
            } catch {
                await release()
                throw error
            }
            await release()
            #expect(busy.status == .ok, "\(busy.text.prefix(200))")
            #expect(busy.text == free.text, "the facets' own samples read after the page's give the same answer")
        }
    }

    /// Holds `count` connections of the reader, each for one snapshot that lasts until `release`;
    /// returns once all are held.
    static func holdReadConnections(_ services: AppServices, count: Int) async -> @Sendable () async -> Void {
        await holdUntilReleased(Array(repeating: { whileHeld in try await services.database.readingOneSnapshot(whileHeld) }, count: count))
    }

    /// Holds every connection of the write pool, on every event loop, in a transaction that
    /// lasts until `release`; returns once all are held. (Polled, not cancelled: FluentKit runs a
    /// transaction's body in a task of its own, which a cancelled caller does not reach.)
    static func takeEveryWriteConnection(_ services: AppServices) async -> @Sendable () async -> Void {
        let perLoop = AppDatabase.writeConnectionsPerLoop(services.database.location)
        var holds: [Hold] = []
        for loop in MultiThreadedEventLoopGroup.singleton.makeIterator() {
            for _ in 0..<perLoop {
                let db = services.database.databases.database(logger: services.logger, on: loop)!
                holds.append { whileHeld in try await db.transaction { _ in try await whileHeld() } }
            }
        }
        return await holdUntilReleased(holds)
    }

    /// Takes a connection and runs `whileHeld` on it.
    typealias Hold = @Sendable (_ whileHeld: @escaping @Sendable () async throws -> Void) async throws -> Void

    /// Runs each hold at once, its `whileHeld` lasting until `release`; returns once all hold.
    /// A hold that fails (the app's own services had the connection for a moment, and the pool
    /// timed out) is tried again until it holds.
    private static func holdUntilReleased(_ holds: [Hold]) async -> @Sendable () async -> Void {
        let released = ReleaseFlag()
        let (held, holding) = AsyncStream.makeStream(of: Void.self)
        let holders = holds.map { hold in
            Task {
                while !released.isSet {
                    do {
                        try await hold {
                            holding.yield()
                            while !released.isSet { try await Task.sleep(for: .milliseconds(20)) }
                        }
                        return
                    } catch {
                        continue
                    }
                }
            }
        }
        var heldCount = 0
        for await _ in held {
            heldCount += 1
            if heldCount == holders.count { break }
        }
        return {
            released.set()
            for holder in holders { await holder.value }
        }
    }
}

private final class ReleaseFlag: Sendable {
    private let value = Atomic<Bool>(false)
    var isSet: Bool { value.load(ordering: .relaxed) }
    func set() { value.store(true, ordering: .relaxed) }
}
