import Foundation
import Hummingbird
import NIOCore

extension AppServices {
    /// Serves a public answer from the cache when it is fresh, else renders and keeps it.
    /// Pages for signed-in people are never cached (they show who is signed in).
    func cached(_ request: Request, _ context: AppRequestContext, contentType: String,
                render: () async throws -> ByteBuffer) async throws -> Response {
        let isAPI = request.uri.path.hasPrefix("/api/")
        let cacheable = request.method == .get && (isAPI || context.user == nil)
        let key = request.uri.description
        if cacheable, let entry = cache.lookup(key, now: now()) {
            return Responses.bytes(entry.body, contentType: entry.contentType)
        }
        let body = try await render()
        if cacheable { cache.store(key, body: body, contentType: contentType, now: now()) }
        return Responses.bytes(body, contentType: contentType)
    }

    func cached(_ request: Request, _ context: AppRequestContext, contentType: String,
                json: () async throws -> JSONValue) async throws -> Response {
        try await cached(request, context, contentType: contentType) {
            ByteBuffer(bytes: try Responses.jsonEncoder.encode(try await json()))
        }
    }

    func cachedPage(_ request: Request, _ context: AppRequestContext, html: () async throws -> String) async throws -> Response {
        try await cached(request, context, contentType: "text/html; charset=utf-8") { ByteBuffer(string: try await html()) }
    }
}
