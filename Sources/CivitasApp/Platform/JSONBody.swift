import Foundation
import Hummingbird

/// Reads an API request's JSON object body, refusing other content types and non-objects
/// with a message that says what to send.
enum JSONBody {
    static func object(_ request: Request, _ context: AppRequestContext, what: String) async throws -> [String: JSONValue] {
        guard request.headers[.contentType]?.hasPrefix("application/json") == true else {
            throw AppError(.unsupportedMediaType, "Send the \(what) as JSON with Content-Type: application/json")
        }
        var request = request
        let buffer = try await BodyReader.collect(&request, context: context)
        guard case .object(let object)? = try? JSONDecoder().decode(JSONValue.self, from: Data(buffer: buffer)) else {
            throw AppError.badRequest("The body must be a JSON object of the \(what)'s fields")
        }
        return object
    }
}
