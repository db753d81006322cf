import Hummingbird

/// `/api/v1/openapi.json`: OpenAPI 3.1, assembled from what each module declares.
enum OpenAPIDocument {
    static func register(on routes: SiteRoutes, modules: [any CivitasModule]) {
        let document = build(modules: modules)
        routes.group(.everyone) { group in
            group.get(SiteURL.apiOpenAPI) { _, _ in try Responses.json(document) }
        }
    }

    static func build(modules: [any CivitasModule]) -> JSONValue {
        var paths: [String: JSONValue] = [:]
        for module in modules { paths.merge(module.openAPIPaths) { $1 } }
        return [
            "openapi": "3.1.0",
            "info": ["title": "Civitas API", "version": "1.0.0",
                     "description": "The directory of a network of city leaders (Popolo), its convenings, library and collective actions. Lists answer {\"items\": [...], \"page\": {\"page\", \"per\", \"total\"}}; writes need a bearer token with the right scope."],
            "servers": [["url": "/"]],
            "paths": .object(paths),
            "components": [
                "securitySchemes": ["bearerToken": ["type": "http", "scheme": "bearer", "description": "An API token created by an administrator"]],
                "schemas": ["Error": errorSchema, "Page": pageSchema],
            ],
        ]
    }

    static let errorSchema: JSONValue = [
        "type": "object",
        "properties": ["error": ["type": "object", "properties": [
            "status": ["type": "integer"], "message": ["type": "string"],
            "fields": ["type": "object", "additionalProperties": ["type": "string"]],
        ], "required": ["status", "message"]]],
    ]

    static let pageSchema: JSONValue = [
        "type": "object",
        "properties": ["page": ["type": "integer", "minimum": 1], "per": ["type": "integer", "minimum": 1, "maximum": 100], "total": ["type": "integer"]],
    ]

    static func errorResponse(_ description: String) -> JSONValue {
        ["description": .string(description), "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]]]
    }

    static func jsonResponse(_ description: String, schema: JSONValue) -> JSONValue {
        ["description": .string(description), "content": ["application/json": ["schema": schema]]]
    }
}
