import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import OpenAPIKit
import Synchronization

/// `/api/v1/openapi.json`: OpenAPI 3.1, built with OpenAPIKit from the operations given
/// where the API routes are registered (see `APIOperation`), so the document and the routes
/// come from one declaration.
enum OpenAPIDocument {
    static let securitySchemeName = "bearerToken"

    /// Registers the document's route after every module's. The document is built from the
    /// whole route table on its first request, not at every start (most starts, and every
    /// test's application, never serve it).
    static func register(on routes: SiteRoutes) {
        let document = DocumentHolder()
        routes.group(.everyone) { group in
            group.get(SiteURL.apiOpenAPI, documented: APIOperation(
                id: "openapi", summary: "This document",
                responses: [.json(200, "OpenAPI 3.1", .object(additionalProperties: .a(true)))]
            )) { _, _ in
                Responses.bytes(try document.encoded(), contentType: "application/json; charset=utf-8")
            }
        }
        document.routes = routes.registered
    }

    static func build(routes: [RegisteredRoute]) -> OpenAPI.Document {
        var paths = OrderedDictionary<String, OpenAPI.PathItem>()
        var scopes: [String: String] = [:]
        let records = RecordLinks(routes: routes)
        for route in routes {
            guard let operation = route.operation else { continue }
            var item = paths[route.path] ?? OpenAPI.PathItem()
            let built = build(operation, rule: route.rule, links: records.links(from: route.method, at: route.path))
            switch route.method {
            case .get: item.get = built
            case .post: item.post = built
            case .patch: item.patch = built
            case .put: item.put = built
            case .delete: item.delete = built
            default: continue
            }
            paths[route.path] = item
            if case .apiScope(let scope) = route.rule { scopes[scope.rawValue] = scope.summary }
            if let scope = operation.optionalScope { scopes[scope.rawValue] = scope.summary }
        }
        let scopeList = scopes.sorted(by: { $0.key < $1.key }).map { "`\($0.key)`: \($0.value)" }.joined(separator: "; ")
        var pathMap = OpenAPI.PathItem.Map()
        for (path, item) in paths { pathMap[OpenAPI.Path(rawValue: path)] = .b(item) }
        return OpenAPI.Document(
            openAPIVersion: .v3_1_0,
            info: .init(title: "Civitas API", description: """
                The directory of a network of city leaders (Popolo), its convenings, library and collective actions. \
                Lists answer {"items": [...], "page": {"page", "per", "total"}}; errors answer {"error": {"status", "message", "fields"}}; \
                writes need a bearer token with the right scope.
                """, version: "1.0.0"),
            servers: [.init(urlTemplate: URLTemplate(rawValue: "/")!)],
            paths: pathMap,
            components: .direct(
                schemas: ["Error": APIErrorBody.schema, "Page": PageInfo.schema],
                securitySchemes: [.init(stringLiteral: securitySchemeName): .http(
                    scheme: "bearer", description: "An API token created by an administrator, with scopes: \(scopeList)")]
            )
        )
    }

    /// `links`: where a success answer leads, by status (see `RecordLinks`).
    private static func build(_ operation: APIOperation, rule: AccessRule, links: [Int: OpenAPI.Link.Map]) -> OpenAPI.Operation {
        var responses = OpenAPI.Response.Map()
        var answers = operation.responses
        // Every route refuses an address with control characters (`InputSanityMiddleware`).
        if !answers.contains(where: { $0.status == 400 }) {
            answers.append(.error(400, "The address holds control characters"))
        }
        for response in answers.sorted(by: { $0.status < $1.status }) {
            let schema: JSONSchema = response.schema ?? .reference(.component(named: "Error"))
            responses[.status(code: response.status)] = .response(
                description: response.description,
                content: [.json: .b(OpenAPI.Content(schema: schema))],
                links: links[response.status] ?? [:]
            )
        }
        let parameters: OpenAPI.Parameter.Array = operation.parameters.map { parameter in
            let schema = ParameterText.refusingControlCharacters(parameter.schema)
            switch parameter.location {
            // One value per name (`?year=2018`): not exploded, so no client spreads an object
            // over several names the server would not read as this parameter.
            case .query: return .b(.query(name: parameter.name, schemaOrContent: .a(.init(schema, style: .form, explode: false)),
                                          description: parameter.description))
            case .path: return .b(.path(name: parameter.name, schema: schema, description: parameter.description))
            }
        }
        var security: [OpenAPI.SecurityRequirement]? = nil
        if case .apiScope(let scope) = rule {
            security = [[.component(named: securitySchemeName): [scope.rawValue]]]
        } else if let scope = operation.optionalScope {
            // Anyone may call it; a token with the scope gets the fuller answer.
            security = [[:], [.component(named: securitySchemeName): [scope.rawValue]]]
        }
        return OpenAPI.Operation(
            summary: operation.summary,
            description: operation.description,
            operationId: operation.id,
            parameters: parameters,
            requestBody: operation.requestBody.map { body in
                OpenAPI.Request(description: body.description, content: [.json: .b(OpenAPI.Content(schema: body.schema))], required: true)
            },
            responses: responses,
            security: security
        )
    }

    static func encode(_ document: OpenAPI.Document) throws -> ByteBuffer {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return ByteBuffer(bytes: try encoder.encode(document))
    }
}

/// The route table, set once while routes are registered (before the server answers), and
/// the document encoded from it on first use.
private final class DocumentHolder: Sendable {
    private let state = Mutex<(routes: [RegisteredRoute], bytes: ByteBuffer?)>(([], nil))

    var routes: [RegisteredRoute] {
        get { state.withLock { $0.routes } }
        set { state.withLock { $0 = (newValue, nil) } }
    }

    func encoded() throws -> ByteBuffer {
        try state.withLock { state in
            if let bytes = state.bytes { return bytes }
            let bytes = try OpenAPIDocument.encode(OpenAPIDocument.build(routes: state.routes))
            state.bytes = bytes
            return bytes
        }
    }
}
