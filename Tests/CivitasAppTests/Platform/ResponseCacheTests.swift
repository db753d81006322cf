import Foundation
import NIOCore
import Synchronization
import Testing
@testable import CivitasApp

/// How the page cache answers around a change: the next request renders afresh; requests
/// arriving while that rendering runs get the previous answer instead of queueing.
@Suite("The page cache around a change")
struct ResponseCacheTests {
    let now = Date(timeIntervalSince1970: 1_000_000)
    let shows: [ChangeTopic] = [.record("event.registrations", "rush")]

    @Test("After a change, the first request waits for the new answer; others meanwhile get the previous one")
    func staleWhileRendering() async throws {
        let cache = ResponseCache(lifetime: 300)
        let old = try await cache.entry(for: "/events/rush", now: now, contentType: "text/html", shows: shows) { ByteBuffer(string: "1 confirmed") }
        #expect(String(buffer: old.body.identity) == "1 confirmed")

        cache.drop(PublishedChange([.record("event.registrations", "rush")]))
        let started = AsyncStream<Void>.makeStream()
        let release = AsyncStream<Void>.makeStream()
        let renderer = Task {
            try await cache.entry(for: "/events/rush", now: now, contentType: "text/html", shows: shows) {
                started.continuation.yield()
                for await _ in release.stream { break }
                return ByteBuffer(string: "2 confirmed")
            }
        }
        // Once the new rendering is under way, another request gets the previous answer at once.
        for await _ in started.stream { break }
        let meanwhile = try await cache.entry(for: "/events/rush", now: now, contentType: "text/html", shows: shows) { ByteBuffer(string: "never") }
        #expect(String(buffer: meanwhile.body.identity) == "1 confirmed")
        release.continuation.yield()
        let fresh = try await renderer.value
        #expect(String(buffer: fresh.body.identity) == "2 confirmed", "the request that began the rendering gets the new answer")
        let after = try await cache.entry(for: "/events/rush", now: now, contentType: "text/html", shows: shows) { ByteBuffer(string: "never") }
        #expect(String(buffer: after.body.identity) == "2 confirmed")
    }

    @Test("A change that touches nothing an answer shows leaves it as it is")
    func unrelatedChange() async throws {
        let cache = ResponseCache(lifetime: 300)
        _ = try await cache.entry(for: "/people", now: now, contentType: "text/html", shows: [.every("person")]) { ByteBuffer(string: "list") }
        cache.drop(PublishedChange([.record("event.registrations", "rush")]))
        let again = try await cache.entry(for: "/people", now: now, contentType: "text/html", shows: [.every("person")]) { ByteBuffer(string: "rendered again") }
        #expect(String(buffer: again.body.identity) == "list")
        cache.drop(PublishedChange([.record("person", "eric-garcetti")]))
        let changed = try await cache.entry(for: "/people", now: now, contentType: "text/html", shows: [.every("person")]) { ByteBuffer(string: "rendered again") }
        #expect(String(buffer: changed.body.identity) == "rendered again")
    }

    @Test("An answer rendered while a change's subscribers still bring derived data up to date is not kept")
    func subscribersBeforeTheDrop() async throws {
        let cache = ResponseCache(lifetime: 300)
        let publisher = ChangePublisher(cache: cache)
        let key = "/search?q=lanterns"
        let found: [ChangeTopic] = [.every("practice")]
        _ = try await cache.entry(for: key, now: now, contentType: "text/html", shows: found) { ByteBuffer(string: "no lanterns") }
        // A subscriber that brings a search index up to date; a visitor's search arrives while it
        // works, and reads the index as it still is.
        let during = Mutex<String?>(nil)
        publisher.subscribe { _ in
            let answer = try? await cache.entry(for: key, now: self.now, contentType: "text/html", shows: found) { ByteBuffer(string: "rendered from the index before its update") }
            during.withLock { $0 = answer.map { String(buffer: $0.body.identity) } }
        }
        await publisher.apply(PublishedChange([.record("practice", "lanterns")]))
        #expect(during.withLock { $0 } == "no lanterns", "while subscribers work, the answer kept before the change is served")
        let after = try await cache.entry(for: key, now: now, contentType: "text/html", shows: found) { ByteBuffer(string: "lanterns found") }
        #expect(String(buffer: after.body.identity) == "lanterns found", "the first request after the change renders from the updated index")
    }
}
