import Hummingbird
import Logging
import NIOCore

/// The one way handlers read a request body: bounded by `AppRequestContext.maxUploadSize`,
/// with a client error a person can act on when it is too large (413) or ends before the
/// length it declared (400), never a 500.
enum BodyReader {
    static func collect(_ request: inout Request, context: AppRequestContext) async throws -> ByteBuffer {
        try await collect(&request, limit: context.maxUploadSize, logger: context.logger)
    }

    static func collect(_ request: inout Request, limit: Int, logger: Logger) async throws -> ByteBuffer {
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw tooLarge(limit)
        }
        do {
            return try await request.collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw tooLarge(limit)
        } catch let error as AppError {
            throw error
        } catch {
            logger.notice("Request body not read whole", metadata: ["error": "\(error)"])
            throw AppError.badRequest("The request body ended before the length it declared (Content-Length); send it again whole")
        }
    }

    private static func tooLarge(_ limit: Int) -> AppError {
        AppError(.contentTooLarge, "The request body is larger than \(limit / 1_048_576) MiB; send less at a time")
    }
}
