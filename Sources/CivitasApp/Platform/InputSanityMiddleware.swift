import CivitasCore
import Hummingbird

/// Refuses requests whose path or query carry control characters (such as an encoded NUL)
/// before any handler passes them to the database.
struct InputSanityMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // Checked on the escaped bytes: decoding into Strings with Foundation cost every request
        // more than the check.
        if TextInput.hasControlCharacters(percentEncoded: request.uri.path)
            || request.uri.query.map({ TextInput.hasControlCharacters(percentEncoded: $0) }) == true {
            throw AppError.badRequest("The address contains control characters")
        }
        return try await next(request, context)
    }
}

