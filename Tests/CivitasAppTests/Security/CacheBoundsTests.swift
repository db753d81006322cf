import Foundation
import HummingbirdTesting
import NIOCore
import Testing
@testable import CivitasApp

@Suite("The page cache cannot be used to fill the server's memory")
struct CacheBoundsTests {
    @Test("Made-up query parameters share the entry of the page they do not change", arguments: TestDatabase.all)
    func unreadParametersDoNotMultiplyEntries(database: TestDatabase) async throws {
        try await withApp(database, demo: true, cacheSeconds: 60) { client, services in
            for number in 0..<200 {
                let response = try await client.execute(uri: "/api/v1/popolo.json?x=\(number)", method: .get)
                #expect(response.status == .ok)
            }
            #expect(services.cache.usage.entries == 1)
            // Parameters a route reads still give different answers.
            let first = try await client.execute(uri: "/api/v1/people?per=1&page=1", method: .get).json()
            let second = try await client.execute(uri: "/api/v1/people?per=1&page=2&junk=1", method: .get).json()
            #expect(first["items"] != second["items"])
            #expect(services.cache.usage.entries == 3)
        }
    }

    @Test("The bodies kept never add up to more than the bound; the oldest go first")
    func boundedInBytes() async throws {
        let cache = ResponseCache(lifetime: 60, maximumBytes: 64 * 1024)
        let start = Date(timeIntervalSince1970: 1_000_000)
        for number in 0..<500 {
            _ = try await cache.entry(for: "/people?q=\(number)", now: start.addingTimeInterval(Double(number) / 100), contentType: "text/html", shows: []) {
                ByteBuffer(repeating: 0x61, count: 2_000)
            }
            #expect(cache.usage.bytes <= cache.maximumBytes)
        }
        #expect(cache.usage.entries > 10, "a full cache still keeps recent answers")
        let kept = try await cache.entry(for: "/people?q=499", now: start.addingTimeInterval(5), contentType: "text/html", shows: []) { ByteBuffer() }
        #expect(kept.body.identity.readableBytes == 2_000, "the newest answer was kept")
    }

    @Test("Expired entries are swept out as new ones arrive")
    func expiredEntriesAreEvicted() async throws {
        let cache = ResponseCache(lifetime: 5, maximumBytes: 1_048_576)
        let start = Date(timeIntervalSince1970: 1_000_000)
        for number in 0..<100 {
            _ = try await cache.entry(for: "/a?\(number)", now: start, contentType: "text/html", shows: []) { ByteBuffer(repeating: 0x61, count: 1_000) }
        }
        #expect(cache.usage.entries == 100)
        _ = try await cache.entry(for: "/later", now: start.addingTimeInterval(6), contentType: "text/html", shows: []) { ByteBuffer(string: "x") }
        #expect(cache.usage.entries == 1)
        #expect(cache.usage.bytes < 1_000)
    }
}
