import CivitasCore
import Hummingbird

/// Refuses requests whose path or query carry control characters (such as an encoded NUL)
/// before any handler passes them to the database.
struct InputSanityMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path.removingPercentEncoding ?? request.uri.path
        let query = request.uri.query.map { $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? $0 } ?? ""
        if TextInput.hasControlCharacters(path) || TextInput.hasControlCharacters(query) {
            throw AppError.badRequest("The address contains control characters")
        }
        return try await next(request, context)
    }
}

import Foundation
