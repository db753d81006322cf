import OpenAPIKit

/// What every API error answers: `{"error": {"status", "message", "fields"?}}`, `fields`
/// naming each invalid field with what is wrong with it.
struct APIErrorBody: APIBody {
    struct Detail: Codable, Sendable {
        let status: Int
        let message: String
        let fields: [String: String]?
    }

    let error: Detail

    init(_ error: AppError) {
        self.error = Detail(status: Int(error.status.code), message: error.message,
                            fields: error.fieldErrors.isEmpty ? nil : error.fieldErrors)
    }

    static var schema: JSONSchema {
        .record(["error": .record([
            "status": .integer, "message": .string,
            "fields": .object(additionalProperties: .b(.string)),
        ], optional: ["fields"])])
    }
}
