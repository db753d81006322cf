import OpenAPIKit

/// A JSON body the API sends. The type is what the handler encodes; `schema` is what the
/// OpenAPI document publishes for it. Both sit side by side, and `APIContractTests` checks
/// every real answer against the document, so a field added to one and not the other fails.
protocol APIBody: Encodable, Sendable {
    static var schema: JSONSchema { get }
}

/// A JSON body the API accepts, decoded by `JSONBody.decode`, with the schema the document
/// publishes for it.
protocol APIInput: Decodable, Sendable {
    static var schema: JSONSchema { get }
}

/// JSON Schema helpers the bodies share, so each body's schema reads like its fields.
extension JSONSchema {
    /// An object whose listed properties are all present; `optional` ones may be left out.
    static func record(_ properties: OrderedDictionary<String, JSONSchema>, optional: Set<String> = [],
                       description: String? = nil) -> JSONSchema {
        var marked = OrderedDictionary<String, JSONSchema>()
        for (name, schema) in properties { marked[name] = optional.contains(name) ? schema.optionalSchemaObject() : schema }
        return .object(description: description, properties: marked)
    }

    /// A string or `null`.
    static func text(_ description: String? = nil) -> JSONSchema { .string(nullable: true, description: description) }

    /// One of a fixed list of strings.
    static func choice(_ values: [String], nullable: Bool = false, description: String? = nil) -> JSONSchema {
        .string(nullable: nullable, description: description, allowedValues: values.map { AnyCodable($0) })
    }

    /// An absolute URL.
    static var url: JSONSchema { .string(format: .uri) }
}
