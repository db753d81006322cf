import Hummingbird
import NIOCore
import Logging

/// Turns every error into an answer a person can act on: JSON `{"error": {...}}` under
/// `/api`, an HTML page elsewhere. Anything unexpected is logged and answered 500
/// without leaking its details.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let services: AppServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as AppError {
            return try respond(to: error, request: request, context: context)
        } catch is NIOTooManyBytesError {
            return try respond(to: AppError(.contentTooLarge, "The request body is too large; send less at a time"), request: request, context: context)
        } catch let error as any AppErrorConvertible {
            return try respond(to: error.appError, request: request, context: context)
        } catch let error as HTTPError {
            let message = error.body ?? (error.status == .notFound ? "There is nothing at \(request.uri.path)" : error.status.reasonPhrase)
            return try respond(to: AppError(error.status, message), request: request, context: context)
        } catch {
            // Read once: the database too busy, or closed under the request, answers 503.
            if let unavailable = DatabaseBusy.answer(to: error) {
                context.logger.warning("Database busy or closed", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
                return try respond(to: unavailable, request: request, context: context)
            }
            context.logger.error("Unhandled error", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            return try respond(to: AppError(.internalServerError, "Something went wrong on our side; it has been logged."), request: request, context: context)
        }
    }

    private func respond(to error: AppError, request: Request, context: Context) throws -> Response {
        var response = try render(error, request: request, context: context)
        if let seconds = error.retryAfterSeconds { response.headers[.retryAfter] = String(seconds) }
        return response
    }

    private func render(_ error: AppError, request: Request, context: Context) throws -> Response {
        if request.uri.path.hasPrefix("/api/") {
            return try Responses.json(APIErrorBody(error), status: error.status)
        }
        let layout = PageLayout(services: services, context: context)
        let signInLink: Node<HTML.BodyContext> = if let signIn = services.site.identity?.signIn, context.user == nil, error.status == .forbidden {
            .p(.a(.href(to: signIn.with(query: [("next", request.uri.path)])), .text(escaping: "Sign in")))
        } else {
            .empty
        }
        let page = layout.render(title: error.status.reasonPhrase, content: .group(
            .h1(.text(escaping: error.status.reasonPhrase)),
            .p(.class("alert"), .text(escaping: error.message)),
            .ul(.forEach(error.fieldErrors.sorted(by: { $0.key < $1.key })) { .li(.text(escaping: "\($0.key): \($0.value)")) }),
            signInLink
        ))
        return Responses.html(page, status: error.status)
    }
}
