import OpenAPIKit

/// What the OpenAPI document says of each directory API route (registered in `DirectoryAPI`).
enum DirectoryOperations {
    static func keyParameter(_ kind: RecordKind) -> APIParameter {
        .path("key", kind.hasSlug ? "The id or the slug" : "The id")
    }

    static func list(_ kind: RecordKind) -> APIOperation {
        APIOperation(
            id: "list_\(kind.plural)", summary: "List published \(kind.plural)",
            parameters: [.textQuery("Text filter on the \(kind.titleColumn)")] + APIParameter.pagination,
            responses: [
                .json(200, "A page of \(kind.plural)", APIList<RecordBody>.schema(items: RecordBody.schema(kind))),
                .error(400, "A parameter is out of range"),
            ]
        )
    }

    static func show(_ kind: RecordKind) -> APIOperation {
        APIOperation(
            id: "get_\(kind.rawValue)", summary: "One published \(kind.label.lowercased())",
            parameters: [keyParameter(kind)],
            responses: [.json(200, "The \(kind.label.lowercased())", RecordBody.schema(kind)), .error(404, "No such record")]
        )
    }

    static func create(_ kind: RecordKind) -> APIOperation {
        APIOperation(
            id: "create_\(kind.rawValue)", summary: "Create a \(kind.label.lowercased())",
            requestBody: APIRequestContent(schema: RecordWriteSchema.body(kind, creating: true)),
            responses: [.json(201, "The saved record", RecordBody.schema(kind))]
                + APIResponse.writeErrors(scope: .directoryWrite, thing: "record")
        )
    }

    static func update(_ kind: RecordKind) -> APIOperation {
        APIOperation(
            id: "update_\(kind.rawValue)", summary: "Change a \(kind.label.lowercased()); fields left out stay as they are",
            parameters: [keyParameter(kind)],
            requestBody: APIRequestContent(schema: RecordWriteSchema.body(kind, creating: false)),
            responses: [.json(200, "The saved record", RecordBody.schema(kind))]
                + APIResponse.writeErrors(scope: .directoryWrite, thing: "record")
        )
    }

    static var popolo: APIOperation {
        APIOperation(
            id: "popolo_export", summary: "The whole published directory as Popolo JSON",
            description: "Validates against Popolo's JSON Schemas (https://www.popoloproject.com/specs/).",
            responses: [.json(200, "persons, organizations, memberships, posts and areas", PopoloDocument.schema)]
        )
    }
}
