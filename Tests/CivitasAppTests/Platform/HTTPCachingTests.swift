import CompressNIO
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
@testable import CivitasApp

/// HTTP as caches, crawlers and monitors expect it: validators, conditional requests,
/// compression, public cache lifetimes, and no cookie on pages without a form.
@Suite("HTTP caching and compression")
struct HTTPCachingTests {
    @Test("Public pages and API answers carry an ETag; a current copy gets 304, a changed record a new tag", arguments: TestDatabase.all)
    func conditionalRequests(database: TestDatabase) async throws {
        try await withApp(database, demo: true, cacheSeconds: 300) { client, services in
            for path in ["/people/eric-garcetti", "/api/v1/people/eric-garcetti", "/events", "/api/v1/popolo.json"] {
                let first = try await client.execute(uri: path, method: .get)
                #expect(first.status == .ok)
                let tag = try #require(first.headers[.eTag], "\(path) has no ETag")
                #expect(first.headers[.cacheControl] == "public, max-age=30", "\(path)")
                let again = try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: tag])
                #expect(again.status == .notModified, "\(path)")
                #expect(again.body.readableBytes == 0)
                #expect(again.headers[.eTag] == tag)
                let other = try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: "\"something-else\""])
                #expect(other.status == .ok)
            }
            let before = try #require(try await client.execute(uri: "/api/v1/people/eric-garcetti", method: .get).headers[.eTag])
            let token = try await apiToken(["directory:write"], services: services)
            #expect(try await sendJSON(client, .patch, "/api/v1/people/eric-garcetti", token: token, json: #"{"summary": "New."}"#).status == .ok)
            let after = try await client.execute(uri: "/api/v1/people/eric-garcetti", method: .get, headers: [.ifNoneMatch: before])
            #expect(after.status == .ok, "the old tag no longer matches")
            #expect(after.headers[.eTag] != before)
        }
    }

    @Test("Text over 1 KB is gzipped for clients that accept it, and only for them", arguments: [0, 300])
    func compression(cacheSeconds: Int) async throws {
        try await withApp(.sqlite, demo: true, cacheSeconds: cacheSeconds) { client, _ in
            let plain = try await client.execute(uri: "/api/v1/popolo.json", method: .get)
            #expect(plain.headers[.contentEncoding] == nil)
            #expect(plain.body.readableBytes > 50_000)
            let gzipped = try await client.execute(uri: "/api/v1/popolo.json", method: .get, headers: [.acceptEncoding: "gzip, deflate, br"])
            #expect(gzipped.headers[.contentEncoding] == "gzip")
            #expect(gzipped.headers[.vary] == "Accept-Encoding")
            #expect(gzipped.body.readableBytes < plain.body.readableBytes / 3)
            #expect(gzipped.headers[.contentLength] == String(gzipped.body.readableBytes))
            var compressed = gzipped.body
            #expect(try compressed.decompress(with: .gzip()) == plain.body, "the same document once unzipped")
            let refused = try await client.execute(uri: "/api/v1/popolo.json", method: .get, headers: [.acceptEncoding: "gzip;q=0, identity"])
            #expect(refused.headers[.contentEncoding] == nil)
            // Two representations, two strong tags: a cache revalidating one with the other's
            // tag is sent the body again, never a 304 that would pass gzip to a client without it.
            let plainTag = try #require(plain.headers[.eTag]), gzipTag = try #require(gzipped.headers[.eTag])
            #expect(plainTag != gzipTag)
            #expect(refused.headers[.eTag] == plainTag)
            for (tag, encoding, current) in [(plainTag, nil, true), (gzipTag, "gzip", true), (gzipTag, nil, false), (plainTag, "gzip", false)] {
                var headers: HTTPFields = [.ifNoneMatch: tag]
                if let encoding { headers[.acceptEncoding] = encoding }
                let revalidated = try await client.execute(uri: "/api/v1/popolo.json", method: .get, headers: headers)
                #expect(revalidated.status == (current ? .notModified : .ok), "\(tag) with \(encoding ?? "no encoding")")
                #expect(revalidated.headers[.eTag] == (encoding == nil ? plainTag : gzipTag))
                if !current { #expect(revalidated.headers[.contentEncoding] == encoding) }
            }
            // Small answers go as they are.
            let small = try await client.execute(uri: "/healthz", method: .get, headers: [.acceptEncoding: "gzip"])
            #expect(small.headers[.contentEncoding] == nil)
            // Pages too, signed in or not.
            let page = try await client.execute(uri: "/people", method: .get, headers: [.acceptEncoding: "gzip"])
            #expect(page.headers[.contentEncoding] == "gzip")
        }
    }

    @Test("Only answers that carry a form set the CSRF cookie", arguments: TestDatabase.all)
    func csrfCookieOnlyWithForms(database: TestDatabase) async throws {
        try await withApp(database, demo: true) { client, services in
            for path in ["/", "/people", "/people/eric-garcetti", "/events", "/api/v1/people", "/nothing-here"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.headers[.setCookie] == nil, "\(path) set a cookie")
            }
            let event = try await makeEvent(services, slug: "form-convening")
            for path in ["/sign-in", "/events/\(event.slug)/register"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.cookie(CSRFMiddleware.cookieName) != nil, "\(path) carries a form but set no CSRF cookie")
            }
        }
    }
}
