import Foundation
import OpenAPIKit
@testable import CivitasApp

/// Checks a JSON answer against a schema of the served OpenAPI document, the way a client
/// generated from the document would read it: every value of the type the schema says,
/// every required property present, enumerations, patterns and bounds kept, and no property
/// the schema does not list (an undocumented field is drift, even where JSON Schema would
/// let it pass).
struct SchemaConformance {
    let components: OpenAPI.Components

    /// The problems found, each with the path of the value at fault ("items.3.sessions.0.end").
    func problems(_ value: JSONValue, against schema: JSONSchema, at path: String = "$") -> [String] {
        if case .null = value {
            return schema.nullable || isNullSchema(schema) ? [] : ["\(path): null where the schema does not allow it"]
        }
        var found: [String] = []
        if let allowed = schema.allowedValues, !allowed.isEmpty {
            let values = allowed.compactMap { try? JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode($0)) }
            if !values.contains(value) { found.append("\(path): \(value) is not one of \(values)") }
        }
        switch schema.value {
        case .reference(let reference, _):
            guard let target = components[reference] else { return ["\(path): unresolved reference \(reference)"] }
            return problems(value, against: target, at: path)
        case .one(let schemas, _), .any(let schemas, _):
            return schemas.contains { problems(value, against: $0, at: path).isEmpty } ? found : found + ["\(path): matches none of its alternatives"]
        case .all(let schemas, _):
            return found + schemas.flatMap { problems(value, against: $0, at: path) }
        case .fragment:
            return found
        case .null:
            return found + ["\(path): \(value) where null is expected"]
        case .boolean:
            if case .bool = value { return found }
            return found + ["\(path): \(value) is not a boolean"]
        case .integer(_, let integral):
            guard case .int(let number) = value else { return found + ["\(path): \(value) is not an integer"] }
            if let minimum = integral.minimum, number < minimum.value { found.append("\(path): \(number) is under \(minimum.value)") }
            if let maximum = integral.maximum, number > maximum.value { found.append("\(path): \(number) is over \(maximum.value)") }
            return found
        case .number:
            switch value {
            case .int, .double: return found
            default: return found + ["\(path): \(value) is not a number"]
            }
        case .string(let core, let string):
            guard case .string(let text) = value else { return found + ["\(path): \(value) is not a string"] }
            if let maxLength = string.maxLength, text.count > maxLength { found.append("\(path): longer than \(maxLength)") }
            if let pattern = string.pattern, text.range(of: pattern, options: .regularExpression) == nil {
                found.append("\(path): \"\(text)\" does not match \(pattern)")
            }
            switch core.format {
            case .uri:
                if URL(string: text)?.scheme == nil { found.append("\(path): \"\(text)\" is not an absolute URI") }
            case .dateTime:
                if (try? Date.ISO8601FormatStyle(includingFractionalSeconds: false).parse(text)) == nil
                    && (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)) == nil {
                    found.append("\(path): \"\(text)\" is not an RFC 3339 date-time")
                }
            default: break
            }
            return found
        case .array(_, let array):
            guard case .array(let items) = value else { return found + ["\(path): \(value) is not an array"] }
            guard let itemSchema = array.items else { return found }
            for (index, item) in items.enumerated() { found += problems(item, against: itemSchema, at: "\(path).\(index)") }
            return found
        case .object(_, let object):
            guard case .object(let members) = value else { return found + ["\(path): \(value) is not an object"] }
            for name in object.requiredProperties where members[name] == nil { found.append("\(path): no \(name), which is required") }
            for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                if let propertySchema = object.properties[name] {
                    found += problems(member, against: propertySchema, at: "\(path).\(name)")
                } else if case .b(let additional)? = object.additionalProperties {
                    found += problems(member, against: additional, at: "\(path).\(name)")
                } else if case .a(true)? = object.additionalProperties {
                    continue
                } else {
                    found.append("\(path): \(name) is not in the schema")
                }
            }
            return found
        case .not:
            return found
        }
    }

    private func isNullSchema(_ schema: JSONSchema) -> Bool {
        switch schema.value {
        case .null: true
        case .one(let schemas, _), .any(let schemas, _): schemas.contains(where: isNullSchema)
        case .reference(let reference, _): components[reference].map(isNullSchema) ?? false
        default: false
        }
    }
}
