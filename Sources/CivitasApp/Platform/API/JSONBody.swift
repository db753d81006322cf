import Foundation
import Hummingbird
import NIOCore
import Synchronization

/// Reads a request's JSON body, answering 415 for another media type and 400 for anything
/// that is not the JSON asked for, naming the field at fault.
enum JSONBody {
    /// A body whose fields are checked one by one against declared field specs (directory
    /// records, events): unknown fields are named rather than ignored.
    static func object(_ request: Request, _ context: AppRequestContext, what: String) async throws -> [String: JSONValue] {
        try object(from: try await bytes(request, context, what: what), what: what)
    }

    /// A body of a declared type.
    static func decode<Body: APIInput>(_ type: Body.Type, _ request: Request, _ context: AppRequestContext, what: String) async throws -> Body {
        let data = try await bytes(request, context, what: what)
        let object = try object(from: data, what: what)
        let known = knownFields(of: Body.self)
        let unknown = object.keys.filter { !known.contains($0) }.sorted()
        if !unknown.isEmpty {
            let fields = Dictionary(uniqueKeysWithValues: unknown.map { ($0, "is not a field of the \(what); known fields: \(known.sorted().joined(separator: ", "))") })
            throw AppError(.badRequest, "The \(what) has fields it does not take", fieldErrors: fields)
        }
        do {
            return try JSONDecoder().decode(Body.self, from: data)
        } catch let DecodingError.typeMismatch(expected, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            let wanted = expected == Bool.self ? "true or false" : (expected == String.self ? "a string" : "a \(expected)")
            throw AppError(.badRequest, "\(field) must be \(wanted)", fieldErrors: [field: "must be \(wanted)"])
        } catch let DecodingError.valueNotFound(_, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw AppError(.badRequest, "\(field) must not be null", fieldErrors: [field: "must not be null"])
        } catch let DecodingError.keyNotFound(key, _) {
            throw AppError(.badRequest, "\(key.stringValue) is required", fieldErrors: [key.stringValue: "is required"])
        } catch {
            throw AppError.badRequest("The body must be a JSON object of the \(what)'s fields")
        }
    }

    /// The fields a body type's schema declares, worked out once per type: building the schema
    /// for every request was a tenth of a registration's time in a rush.
    private static func knownFields<Body: APIInput>(of type: Body.Type) -> Set<String> {
        let key = ObjectIdentifier(type)
        if let known = knownFieldsByType.withLock({ $0[key] }) { return known }
        let known = Set(Body.schema.objectContext?.properties.keys ?? [])
        knownFieldsByType.withLock { $0[key] = known }
        return known
    }

    private static let knownFieldsByType = Mutex<[ObjectIdentifier: Set<String>]>([:])

    private static func object(from data: Data, what: String) throws -> [String: JSONValue] {
        guard case .object(let object)? = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            throw AppError.badRequest("The body must be a JSON object of the \(what)'s fields")
        }
        return object
    }

    private static func bytes(_ request: Request, _ context: AppRequestContext, what: String) async throws -> Data {
        guard request.headers[.contentType]?.hasPrefix("application/json") == true else {
            throw AppError(.unsupportedMediaType, "Send the \(what) as JSON with Content-Type: application/json")
        }
        var request = request
        let buffer = try await BodyReader.collect(&request, context: context)
        return Data(buffer: buffer)
    }
}
