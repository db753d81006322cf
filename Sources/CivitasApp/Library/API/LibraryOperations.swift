import OpenAPIKit

/// What the OpenAPI document says of each library API route (registered in `LibraryAPI`).
enum LibraryOperations {
    static func keyParameter() -> APIParameter { .path("key", "The id or the slug") }

    /// A slug, or nothing (an empty filter is no filter).
    static let slugOrNothing = "^([a-z0-9]+(-[a-z0-9]+)*)?$"

    /// A value with the spaces or tabs a filter trims around it, or blank.
    static func spaced(_ value: String) -> String { WrittenText.spaced(value, optional: true, trimming: WrittenText.spaceOrTab) }

    static func filters(_ kind: LibraryKind) -> [APIParameter] {
        [
            .textQuery(kind == .news ? "Text in the title, subtitle or text" : "Text in the title or summary"),
            .query("topic", .string(pattern: Self.slugOrNothing), "The slug of a topic (empty: any)"),
            .query("event", .string(pattern: Self.slugOrNothing),
                   kind == .resource ? "The slug of the event it came from" : kind == .practice ? "The slug of an event where it was presented" : "The slug of an event it is about"),
            // Spaces around the kind and the year are trimmed, and a blank one chooses nothing (`LibraryFilter`).
            .query("kind", .any(of: [.string(allowedValues: kind.types.map { AnyCodable($0) }),
                                     .string(pattern: Self.spaced(kind.types.map(WrittenText.literal).joined(separator: "|")))]),
                   kind == .practice ? "A status (blank: any)" : "A kind (blank: any)"),
            .query("year", .any(of: [.integer(maximum: (9999, exclusive: false), minimum: (1800, exclusive: false)), .string(pattern: Self.spaced("[+-]?[0-9]+"))]),
                   kind == .practice ? "The year it started, from 1800 to 9999 (blank: any)" : "The year it was published, from 1800 to 9999 (blank: any)"),
        ] + (kind.placeFields.isEmpty ? [] : [.query("area", .string(pattern: Self.slugOrNothing),
                                                     "The slug of a place; a region includes its cities")])
            + APIParameter.pagination
    }

    static func list(_ kind: LibraryKind) -> APIOperation {
        APIOperation(
            id: "list_\(kind.plural)", summary: "List published \(kind.pluralLabel.lowercased())",
            parameters: filters(kind),
            responses: [
                .json(200, "A page of \(kind.pluralLabel.lowercased())", APIList<LibraryRecordBody>.schema(items: LibraryRecordBody.schema(kind))),
                .error(400, "A parameter is out of range"),
            ]
        )
    }

    static func show(_ kind: LibraryKind) -> APIOperation {
        APIOperation(
            id: "get_\(kind.rawValue)", summary: "One published \(kind.label.lowercased())",
            parameters: [keyParameter()],
            responses: [.json(200, "The \(kind.label.lowercased())", LibraryRecordBody.schema(kind)), .error(404, "No such record")]
        )
    }

    static func create(_ kind: LibraryKind) -> APIOperation {
        APIOperation(
            id: "create_\(kind.rawValue)", summary: "Create a \(kind.label.lowercased())",
            requestBody: APIRequestContent(schema: RecordWriteSchema.body(kind, creating: true)),
            responses: [.json(201, "The saved record", LibraryRecordBody.schema(kind))]
                + APIResponse.writeErrors(scope: .libraryWrite, thing: kind.label.lowercased())
        )
    }

    static func update(_ kind: LibraryKind) -> APIOperation {
        APIOperation(
            id: "update_\(kind.rawValue)", summary: "Change a \(kind.label.lowercased()); fields left out stay as they are",
            parameters: [keyParameter()],
            requestBody: APIRequestContent(schema: RecordWriteSchema.body(kind, creating: false)),
            responses: [.json(200, "The saved record", LibraryRecordBody.schema(kind))]
                + APIResponse.writeErrors(scope: .libraryWrite, thing: kind.label.lowercased())
        )
    }
}
