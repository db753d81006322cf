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

    /// A body of a declared type, read in one pass: its field names are gathered as it decodes,
    /// and an unknown field is named before any error in the fields it knows.
    static func decode<Body: APIInput>(_ type: Body.Type, _ request: Request, _ context: AppRequestContext, what: String) async throws -> Body {
        let data = try await bytes(request, context, what: what)
        let read: FieldsAndBody<Body>
        do {
            read = try JSONDecoder().decode(FieldsAndBody<Body>.self, from: data)
        } catch {
            throw AppError.badRequest("The body must be a JSON object of the \(what)'s fields")
        }
        let known = knownFields(of: Body.self)
        let unknown = read.fields.filter { !known.contains($0) }.sorted()
        if !unknown.isEmpty {
            let fields = Dictionary(uniqueKeysWithValues: unknown.map { ($0, "is not a field of the \(what); known fields: \(known.sorted().joined(separator: ", "))") })
            throw AppError(.badRequest, "The \(what) has fields it does not take", fieldErrors: fields)
        }
        do {
            return try read.body.get()
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

    /// A JSON object's field names, and its decoding as `Body` (or why that failed). Decoding
    /// fails only when the text is not a JSON object; the body's own errors wait in `body`, so
    /// that unknown fields are reported first. (The names were read before by decoding the
    /// whole body a second time into a tree of values: half of a registration's JSON time.)
    private struct FieldsAndBody<Body: Decodable>: Decodable {
        let fields: [String]
        let body: Result<Body, any Error>

        init(from decoder: any Decoder) throws {
            fields = try decoder.container(keyedBy: AnyField.self).allKeys.map(\.stringValue)
            do { body = .success(try Body(from: decoder)) } catch { body = .failure(error) }
        }
    }

    private struct AnyField: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
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
