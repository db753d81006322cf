import Hummingbird
import NIOCore

/// Every successful GET (and HEAD) answer carries an `ETag` and is answered 304 when the
/// client's copy is current; text over 1 KB is gzipped for clients that accept it. Answers
/// from the page cache arrive with their tag and encodings made once (`EncodedBody`); the
/// others (private pages, the Popolo export when the cache is off...) are encoded here.
struct HTTPCachingMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        guard request.method == .get || request.method == .head, response.status == .ok,
              response.headers[.eTag] == nil, response.headers[.contentEncoding] == nil,
              let contentType = response.headers[.contentType]
        else { return response }
        let body = try await Self.collect(response.body)
        var headers = response.headers
        headers[.contentLength] = nil
        return EncodedBody(body, contentType: contentType).response(to: request, contentType: contentType, headers: headers)
    }

    /// The bytes of a response body (answers here are built whole, never streamed).
    static func collect(_ body: ResponseBody) async throws -> ByteBuffer {
        let collector = Collector()
        try await body.write(CollectingWriter(collector: collector))
        return collector.buffer
    }

    private final class Collector: @unchecked Sendable {
        // Written by one writer, in order, then read once it finished.
        var buffer = ByteBuffer()
    }

    private struct CollectingWriter: ResponseBodyWriter {
        let collector: Collector
        mutating func write(_ buffer: ByteBuffer) async throws {
            var buffer = buffer
            collector.buffer.writeBuffer(&buffer)
        }
        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}
