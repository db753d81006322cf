import OpenAPIKit

/// The schemas of record fields and write bodies, from the same field specs that check a
/// write (`RecordInput`, `FieldParser`) and shape an answer.
extension FieldSpec {
    var schema: JSONSchema {
        switch kind {
        case .integer(let minimum):
            .integer(nullable: true, description: label, minimum: (minimum, exclusive: false))
        case .decimal(let minimum, let maximum):
            .number(nullable: true, description: label, maximum: (maximum, exclusive: false), minimum: (minimum, exclusive: false))
        case .choice(let options):
            .string(nullable: true, description: label, allowedValues: options.map { AnyCodable($0) } + [AnyCodable(String?.none)])
        case .date:
            .string(nullable: true, description: "\(label): YYYY, YYYY-MM or YYYY-MM-DD", pattern: "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")
        case .flag:
            .boolean(description: label)
        case .references(let target):
            .array(description: "\(label): ids of \(target) records", items: .string)
        case .reference(let target):
            .string(nullable: true, description: "\(label): the id of the \(target) record it points at")
        case .text(let maxLength):
            .string(nullable: true, description: label, maxLength: maxLength)
        default:
            .string(nullable: true, description: label)
        }
    }
}

enum RecordWriteSchema {
    /// A new record must name its required fields; a change names only what changes.
    static func body(_ kind: some RecordShape, creating: Bool) -> JSONSchema {
        var properties: OrderedDictionary<String, JSONSchema> = [:]
        if kind.hasSlug { properties["slug"] = .string(description: "Made from the name when left out", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$") }
        for field in kind.fields {
            properties[field.name] = creating && field.required ? field.schema : field.schema.optionalSchemaObject()
        }
        properties["published"] = .boolean(required: false, description: "Whether the public sees it (default true)")
        if kind.hasSlug { properties["slug"] = properties["slug"]?.optionalSchemaObject() }
        return .object(description: creating ? "The new \(kind.label.lowercased())" : "The fields to change; others stay as they are",
                       properties: properties, additionalProperties: .a(false))
    }
}
