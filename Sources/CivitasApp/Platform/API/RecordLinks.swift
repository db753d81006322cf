import HTTPTypes
import OpenAPIKit

/// The OpenAPI links between a collection's operations and its records' (`/api/v1/areas` and
/// `/api/v1/areas/{key}`): the record a `POST` creates can be read and changed, and the record
/// a `PATCH` changed read again, with the `id` of the answer as the key. Every capability's
/// record routes take a record's id as its key (or its slug, which can change), so the links
/// follow from the route table and cannot drift from it. Clients that read links, and
/// schemathesis's stateful tests (`scripts/fuzz-api`), follow them from a write to the record
/// it made instead of guessing keys.
struct RecordLinks {
    /// Each documented operation's id, by path and method.
    private let operations: [String: [HTTPRequest.Method: String]]

    init(routes: [RegisteredRoute]) {
        var operations: [String: [HTTPRequest.Method: String]] = [:]
        for route in routes {
            guard let operation = route.operation else { continue }
            operations[route.path, default: [:]][route.method] = operation.id
        }
        self.operations = operations
    }

    /// The links of an operation's success answer, by its status.
    func links(from method: HTTPRequest.Method, at path: String) -> [Int: OpenAPI.Link.Map] {
        switch method {
        case .post:
            guard let (recordPath, key) = recordPath(under: path), let record = operations[recordPath] else { return [:] }
            var links = OpenAPI.Link.Map()
            if let read = record[.get] { links["read"] = link(read, key: key, "The record created") }
            if let update = record[.patch] { links["update"] = link(update, key: key, "Change the record created") }
            return links.isEmpty ? [:] : [201: links]
        case .patch:
            guard let key = Self.parameter(endingPath: path), let read = operations[path]?[.get] else { return [:] }
            return [200: ["read": link(read, key: key, "The record as changed")]]
        default:
            return [:]
        }
    }

    /// The path of one record of the collection at `path` (`path/{key}`), with its parameter.
    private func recordPath(under path: String) -> (path: String, key: String)? {
        for candidate in operations.keys where candidate.hasPrefix(path + "/") {
            if let key = Self.parameter(endingPath: candidate), candidate == path + "/{\(key)}" { return (candidate, key) }
        }
        return nil
    }

    /// The name of the parameter a path ends with (`key` in `/api/v1/areas/{key}`).
    private static func parameter(endingPath path: String) -> String? {
        guard let last = path.split(separator: "/").last, last.hasPrefix("{"), last.hasSuffix("}") else { return nil }
        return String(last.dropFirst().dropLast())
    }

    private func link(_ operationId: String, key: String, _ description: String) -> Either<OpenAPI.Reference<OpenAPI.Link>, OpenAPI.Link> {
        .b(OpenAPI.Link(operationId: operationId, parameters: [key: .a(Self.createdID)], description: description))
    }

    /// The `id` field of the answer's body.
    private static let createdID = OpenAPI.RuntimeExpression(rawValue: "$response.body#/id")!
}
