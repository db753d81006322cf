import Foundation
import Hummingbird
import NIOCore

extension AppServices {
    /// Serves a public answer from the cache when it is fresh, else renders and keeps it.
    /// Pages for signed-in people are never cached (they show who is signed in).
    ///
    /// `reads` names the query parameters the route's handler reads: only they are part of
    /// the cache key, so `?x=1`, `?x=2`... share one entry instead of filling memory.
    /// `shows` says what the answer shows, so a published change drops it (see `ChangeTopic`).
    func cached(_ request: Request, _ context: AppRequestContext, contentType: String, reads parameters: [String] = [],
                shows: [ChangeTopic], render renderOnce: @escaping @Sendable () async throws -> ByteBuffer) async throws -> Response {
        // Every answer reads one consistent state of the database.
        let render: @Sendable () async throws -> ByteBuffer = { [database] in try await database.readingOneSnapshot(renderOnce) }
        let isAPI = request.uri.path.hasPrefix("/api/")
        let isPublic = isAPI || context.user == nil
        guard cache.isEnabled, request.method == .get || request.method == .head, isPublic else {
            let body = try await render()
            guard isPublic else { return Responses.bytes(body, contentType: contentType) }
            return EncodedBody(body, contentType: contentType).response(to: request, contentType: contentType,
                                                                        headers: [.cacheControl: Self.publicCacheControl])
        }
        let entry = try await cache.entry(for: Self.cacheKey(request, reads: parameters), now: now(), contentType: contentType,
                                          shows: shows, render: render)
        return entry.body.response(to: request, contentType: entry.contentType, headers: [.cacheControl: Self.publicCacheControl])
    }

    func cached(_ request: Request, _ context: AppRequestContext, contentType: String, reads parameters: [String] = [],
                shows: [ChangeTopic], json: @escaping @Sendable () async throws -> any Encodable) async throws -> Response {
        try await cached(request, context, contentType: contentType, reads: parameters, shows: shows) {
            ByteBuffer(bytes: try Responses.jsonEncoder.encode(try await json()))
        }
    }

    func cachedPage(_ request: Request, _ context: AppRequestContext, reads parameters: [String] = [], shows: [ChangeTopic],
                    html: @escaping @Sendable () async throws -> RenderedPage) async throws -> Response {
        try await cached(request, context, contentType: "text/html; charset=utf-8", reads: parameters, shows: shows) { try await html().buffer }
    }

    /// Browsers and shared caches (a CDN) may keep a public answer for a short while, then ask
    /// again with its ETag and get a 304 when nothing changed.
    static let publicCacheControl = "public, max-age=30"

    /// The path and the values of the parameters the route reads, in a fixed order.
    static func cacheKey(_ request: Request, reads parameters: [String]) -> String {
        let query = request.uri.queryParameters
        let values = parameters.compactMap { name in query[Substring(name)].map { "\(name)=\($0)" } }
        return values.isEmpty ? request.uri.path : request.uri.path + "?" + values.joined(separator: "&")
    }
}

/// The query parameters read by the routes that share them.
enum QueryParameters {
    static let pagination = ["page", "per"]
    static let textList = ["q"] + pagination
}
