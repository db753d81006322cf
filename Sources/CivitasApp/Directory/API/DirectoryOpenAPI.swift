/// The directory's part of the OpenAPI document, generated from the field specs so it
/// cannot drift from what the API accepts.
enum DirectoryOpenAPI {
    static var paths: [String: JSONValue] {
        var paths: [String: JSONValue] = [:]
        for kind in RecordKind.allCases {
            let schema = recordSchema(kind)
            let listParameters: JSONValue = [
                ["name": "q", "in": "query", "schema": ["type": "string", "maxLength": 200], "description": .string("Text filter on the \(kind.titleColumn)")],
                ["name": "page", "in": "query", "schema": ["type": "integer", "minimum": 1, "default": 1]],
                ["name": "per", "in": "query", "schema": ["type": "integer", "minimum": 1, "maximum": 100, "default": 25]],
            ]
            let keyParameter: JSONValue = [["name": "key", "in": "path", "required": true, "schema": ["type": "string"],
                                            "description": kind.hasSlug ? "The id or the slug" : "The id"]]
            let createBody: JSONValue = ["required": true, "content": ["application/json": ["schema": inputSchema(kind, creating: true)]]]
            let patchBody: JSONValue = ["required": true, "content": ["application/json": ["schema": inputSchema(kind, creating: false)]]]
            paths[DirectoryURL.apiList(kind).path] = [
                "get": ["summary": .string("List \(kind.plural)"), "operationId": .string("list_\(kind.plural)"), "parameters": listParameters,
                        "responses": ["200": OpenAPIDocument.jsonResponse("A page of \(kind.plural)", schema: [
                            "type": "object", "properties": ["items": ["type": "array", "items": schema], "page": ["$ref": "#/components/schemas/Page"]],
                        ]), "400": OpenAPIDocument.errorResponse("A parameter is out of range")]],
                "post": ["summary": .string("Create a \(kind.label.lowercased())"), "operationId": .string("create_\(kind.rawValue)"),
                         "security": [["bearerToken": ["directory:write"]]], "requestBody": createBody,
                         "responses": writeResponses(schema, created: true)],
            ]
            paths[DirectoryURL.apiRecord(kind, "{key}").path] = [
                "get": ["summary": .string("One \(kind.label.lowercased())"), "operationId": .string("get_\(kind.rawValue)"), "parameters": keyParameter,
                        "responses": ["200": OpenAPIDocument.jsonResponse("The \(kind.label.lowercased())", schema: schema),
                                      "404": OpenAPIDocument.errorResponse("No such record")]],
                "patch": ["summary": .string("Change a \(kind.label.lowercased()); fields left out stay as they are"),
                          "operationId": .string("update_\(kind.rawValue)"), "parameters": keyParameter,
                          "security": [["bearerToken": ["directory:write"]]], "requestBody": patchBody,
                          "responses": writeResponses(schema, created: false)],
            ]
        }
        paths[DirectoryURL.apiPopolo.path] = ["get": [
            "summary": "The whole published directory as Popolo JSON", "operationId": "popolo_export",
            "responses": ["200": OpenAPIDocument.jsonResponse("persons, organizations, memberships, posts and areas", schema: ["type": "object"])],
        ]]
        paths[SiteURL.apiOpenAPI.path] = ["get": [
            "summary": "This document", "operationId": "openapi",
            "responses": ["200": OpenAPIDocument.jsonResponse("OpenAPI 3.1", schema: ["type": "object"])],
        ]]
        return paths
    }

    static func writeResponses(_ schema: JSONValue, created: Bool) -> JSONValue {
        [
            created ? "201" : "200": OpenAPIDocument.jsonResponse("The saved record", schema: schema),
            "400": OpenAPIDocument.errorResponse("A field is invalid; `fields` names each problem"),
            "401": OpenAPIDocument.errorResponse("No valid token"),
            "403": OpenAPIDocument.errorResponse("The token lacks the directory:write scope"),
            "404": OpenAPIDocument.errorResponse("No such record"),
        ]
    }

    static func fieldSchema(_ field: FieldSpec) -> JSONValue {
        switch field.kind {
        case .integer(let minimum): ["type": ["integer", "null"], "minimum": .int(minimum)]
        case .decimal(let minimum, let maximum): ["type": ["number", "null"], "minimum": .double(minimum), "maximum": .double(maximum)]
        case .choice(let options): ["type": ["string", "null"], "enum": .array(options.map { .string($0) } + [.null])]
        case .date: ["type": ["string", "null"], "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"]
        case .references: ["type": "array", "items": ["type": "string"]]
        default: ["type": ["string", "null"]]
        }
    }

    static func recordSchema(_ kind: RecordKind) -> JSONValue {
        var properties: [String: JSONValue] = ["id": ["type": "string"], "updated_at": ["type": ["string", "null"], "format": "date-time"]]
        if kind.hasSlug { properties["slug"] = ["type": "string"] }
        for field in kind.publicFields where field.name != "source_ids" && field.name != "other_name" { properties[field.name] = fieldSchema(field) }
        if kind.fields.contains(where: { $0.name == "other_name" }) {
            properties["other_names"] = ["type": "array", "items": ["type": "object", "required": ["name"],
                                                                   "properties": ["name": ["type": "string"], "note": ["type": "string"]]]]
        }
        properties["sources"] = ["type": "array", "items": ["type": "object", "required": ["url"],
                                                           "properties": ["id": ["type": "string"], "url": ["type": "string", "format": "uri"], "note": ["type": "string"]]]]
        if kind == .person {
            properties["memberships"] = ["type": "array", "items": ["type": "object", "properties": [
                "id": ["type": "string"], "organization_id": ["type": "string"], "organization_name": ["type": "string"],
                "post_id": ["type": ["string", "null"]], "post_label": ["type": ["string", "null"]], "role": ["type": ["string", "null"]],
                "start_date": ["type": ["string", "null"]], "end_date": ["type": ["string", "null"]],
            ]]]
        }
        return ["type": "object", "properties": .object(properties)]
    }

    /// A new record must name its required fields; a change names only what changes.
    static func inputSchema(_ kind: RecordKind, creating: Bool) -> JSONValue {
        var properties: [String: JSONValue] = ["published": ["type": "boolean"]]
        if kind.hasSlug { properties["slug"] = ["type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"] }
        for field in kind.fields { properties[field.name] = fieldSchema(field) }
        return ["type": "object", "additionalProperties": false, "properties": .object(properties),
                "required": creating ? .array(kind.fields.filter(\.required).map { .string($0.name) }) : []]
    }
}
