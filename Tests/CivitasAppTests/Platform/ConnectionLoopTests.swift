import Dispatch
import FluentKit
import Hummingbird
import HummingbirdTesting
import NIOPosix
import SQLKit
import Synchronization
import Testing
@testable import CivitasApp

/// A request is handled on the event loop of the connection it came on, before and after it
/// reads the database (`LoopBoundHTTP1Channel`): handled on Swift's shared threads, every
/// request woke a second thread to run it and the loop again to send its answer, which cost an
/// uncached page more than reading its rows.
@Suite("Requests stay on their connection's loop")
struct ConnectionLoopTests {
    @Test("A handler runs on an event loop, and is back on the same one after a read", arguments: TestDatabase.all)
    func handlerRunsOnItsLoop(database: TestDatabase) async throws {
        try await withApp(database, live: true, extraModules: [{ LoopReportModule(services: $0) }]) { client, _ in
            for _ in 0..<3 {
                let answer = try await Self.report(client)
                #expect(answer.status == .ok)
                #expect(String(buffer: answer.body) == "before: a loop; after the read: the same loop")
            }
        }
    }

    /// The two ways a long read is sent off the loops: a statement through `readsPlannedPerRun`,
    /// or a whole search's statements through `reads` inside `readingLong`.
    enum LongReadWay: String, CaseIterable, CustomTestStringConvertible {
        case plannedPerRun, readingLong
        var testDescription: String { rawValue }
    }

    @Test("On SQLite a long read (a search) leaves its loop free for the other connections, and comes back to it",
          arguments: LongReadWay.allCases)
    func longReadLeavesTheLoopFree(way: LongReadWay) async throws {
        try await withApp(.sqlite) { _, services in
            // A loop of the test's own, so that no other test's work queues on it.
            let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            let loop = group.next()
            let events = ReadEvents()
            // The read is long because it waits, inside its statement, for work given to its
            // loop meanwhile (another connection's request): run on the loop, it would wait in vain.
            let onRow: @Sendable (any SQLRow) -> Void = { _ in
                let loopWorkDone = DispatchSemaphore(value: 0)
                loop.execute {
                    events.append("the loop's other work")
                    loopWorkDone.signal()
                }
                let done = loopWorkDone.wait(timeout: .now() + 20) == .success
                events.append(done ? "the read's row, after the loop's work" : "the read's row, the loop's work still waiting")
            }
            let backOnItsLoop = try await Task {
                try await withTaskExecutorPreference(EventLoopTaskExecutor.of(loop)) {
                    let database = services.database
                    switch way {
                    case .plannedPerRun: try await database.readsPlannedPerRun.execute(sql: SQLRaw("SELECT 1 AS one"), onRow)
                    case .readingLong: try await database.readingLong { try await database.reads.execute(sql: SQLRaw("SELECT 1 AS one"), onRow) }
                    }
                    return MultiThreadedEventLoopGroup.currentEventLoop.map { ObjectIdentifier($0) } == ObjectIdentifier(loop)
                }
            }.value
            #expect(events.all == ["the loop's other work", "the read's row, after the loop's work"], "the loop waited for the read to end")
            #expect(backOnItsLoop)
            try await group.shutdownGracefully()
        }
    }

    private final class ReadEvents: Sendable {
        private let events = Mutex<[String]>([])
        func append(_ event: String) { events.withLock { $0.append(event) } }
        var all: [String] { events.withLock { $0 } }
    }

    /// The live client gives up after a fixed 20 s, and when the whole suite starts at once on
    /// two slow cores its loops can be busy that long: asked up to three times, so only a page
    /// that never answers fails the test, not a late one.
    private static func report(_ client: some TestClientProtocol, attempt: Int = 1) async throws -> TestResponse {
        do {
            return try await client.execute(uri: LoopReportModule.Path.report.path, method: .get)
        } catch TestClient.Error.readTimeout where attempt < 3 {
            return try await report(client, attempt: attempt + 1)
        }
    }
}

/// A capability of the test's own with one page that says where its handler ran.
private struct LoopReportModule: CivitasModule {
    enum Path: SitePath {
        case report
        var path: String { "/test-loop-report" }
    }

    let services: AppServices
    let name = "loop-report"
    var migrations: [any Migration] { [] }

    func registerRoutes(on routes: SiteRoutes) {
        let services = services
        routes.group(.everyone) { group in
            group.get(Path.report) { _, _ in
                let before = MultiThreadedEventLoopGroup.currentEventLoop
                _ = try await services.database.reads.raw("SELECT 1 AS ok").all()
                let after = MultiThreadedEventLoopGroup.currentEventLoop
                let start = before == nil ? "before: no loop" : "before: a loop"
                let same = before != nil && after.map { ObjectIdentifier($0) } == before.map { ObjectIdentifier($0) }
                return Responses.text(start + "; after the read: " + (same ? "the same loop" : "another thread"))
            }
        }
    }
}
