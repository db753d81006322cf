import Foundation
import Hummingbird
import NIOCore

extension AppServices {
    /// Serves a public answer from the cache when it is fresh, else renders and keeps it.
    /// Pages for signed-in people are never cached (they show who is signed in).
    func cached(_ request: Request, _ context: AppRequestContext, contentType: String,
                render: @escaping @Sendable () async throws -> ByteBuffer) async throws -> Response {
        let isAPI = request.uri.path.hasPrefix("/api/")
        guard cache.isEnabled, request.method == .get, isAPI || context.user == nil else {
            return Responses.bytes(try await render(), contentType: contentType)
        }
        let entry = try await cache.entry(for: request.uri.description, now: now(), contentType: contentType, render: render)
        return Responses.bytes(entry.body, contentType: entry.contentType)
    }

    func cached(_ request: Request, _ context: AppRequestContext, contentType: String,
                json: @escaping @Sendable () async throws -> JSONValue) async throws -> Response {
        try await cached(request, context, contentType: contentType) {
            ByteBuffer(bytes: try Responses.jsonEncoder.encode(try await json()))
        }
    }

    func cachedPage(_ request: Request, _ context: AppRequestContext, html: @escaping @Sendable () async throws -> String) async throws -> Response {
        try await cached(request, context, contentType: "text/html; charset=utf-8") { ByteBuffer(string: try await html()) }
    }
}
