import Hummingbird
import NIOCore

/// Public answers carry an `ETag` and are answered 304 when the client's copy is current
/// (`AppServices.cached` encodes them, once per cached answer); text over 1 KB is gzipped for
/// clients that accept it, here for answers the page cache does not make (private pages,
/// exports for staff).
struct HTTPCachingMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        // Answers of the page cache come with their tag and encodings; the others are encoded
        // here only when there is something to gain: a client that takes gzip and a body over
        // 1 KB (collecting and hashing every small answer would cost more than it saves).
        guard request.method == .get || request.method == .head, response.status == .ok,
              response.headers[.eTag] == nil, response.headers[.contentEncoding] == nil,
              HTTPValidators.acceptsGzip(request.headers[.acceptEncoding]),
              let contentType = response.headers[.contentType], EncodedBody.isText(contentType),
              (response.headers[.contentLength].flatMap(Int.init) ?? Int.max) > EncodedBody.compressionThreshold
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
