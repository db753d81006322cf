import CivitasCore
import OpenAPIKit

/// What one API route does, as the OpenAPI document tells it. An operation is given where
/// its route is registered (`RouteGroup.get(_:documented:use:)`), so the document is built
/// from the route table itself: an API route cannot exist undocumented, and the security it
/// documents is the group's access rule.
struct APIOperation: Sendable {
    var id: String
    var summary: String
    var description: String? = nil
    var parameters: [APIParameter] = []
    var requestBody: APIRequestContent? = nil
    var responses: [APIResponse]
    /// A public route that tells more to a caller holding this scope (registration does).
    var optionalScope: APIScope? = nil
}

/// A query or path parameter.
struct APIParameter: Sendable {
    enum Location: Sendable { case query, path }

    let name: String
    let location: Location
    let schema: JSONSchema
    var description: String? = nil

    static func query(_ name: String, _ schema: JSONSchema, _ description: String? = nil) -> APIParameter {
        APIParameter(name: name, location: .query, schema: schema, description: description)
    }

    static func path(_ name: String, _ description: String) -> APIParameter {
        APIParameter(name: name, location: .path, schema: .string, description: description)
    }

    /// `page` and `per`, as every list takes them.
    static var pagination: [APIParameter] {
        [
            .query("page", .integer(maximum: (Pagination.maximumPage, exclusive: false), minimum: (1, exclusive: false), defaultValue: 1),
                   "Which page, from 1"),
            .query("per", .integer(maximum: (Pagination.maximumPer, exclusive: false), minimum: (1, exclusive: false),
                                   defaultValue: AnyCodable(Pagination.defaultPer)), "How many items a page holds"),
        ]
    }

    /// A free-text filter.
    static func textQuery(_ description: String) -> APIParameter {
        .query("q", .string(maxLength: 200), description)
    }
}

/// A JSON request body.
struct APIRequestContent: Sendable {
    let schema: JSONSchema
    var description: String? = nil
}

/// One possible answer: a JSON body with its schema, or an error (`APIErrorBody`).
struct APIResponse: Sendable {
    let status: Int
    let description: String
    /// nil for an error answer.
    let schema: JSONSchema?

    static func json(_ status: Int, _ description: String, _ schema: JSONSchema) -> APIResponse {
        APIResponse(status: status, description: description, schema: schema)
    }

    static func json<Body: APIBody>(_ status: Int, _ description: String, _ body: Body.Type) -> APIResponse {
        APIResponse(status: status, description: description, schema: Body.schema)
    }

    static func error(_ status: Int, _ description: String) -> APIResponse {
        APIResponse(status: status, description: description, schema: nil)
    }

    /// The answers every write with a token can give besides its success.
    static func writeErrors(scope: APIScope, thing: String) -> [APIResponse] {
        [
            .error(400, "A field is invalid; `fields` names each problem"),
            .error(401, "No valid token"),
            .error(403, "The token lacks the \(scope.rawValue) scope"),
            .error(404, "No such \(thing)"),
            .error(413, "The body is larger than the server accepts"),
            .error(415, "The body is not JSON"),
        ]
    }
}
