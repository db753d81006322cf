import FluentKit
import Foundation

/// Who changed a record: a staff account from the web, or an API token.
public struct Actor: Sendable, Equatable {
    public let label: String

    public static func user(_ user: SignedInUser) -> Actor { Actor(label: "\(user.name) <\(user.email)>") }
    public static func token(_ token: VerifiedAPIToken) -> Actor { Actor(label: "API token \"\(token.name)\"") }
    public static let demoLoader = Actor(label: "demo loader")
}

/// Writes audit events, inside the transaction of the change they describe.
enum AuditLog {
    static func record(
        _ action: String, kind: String, id: String, summary: String,
        changes: [String: AuditChange], by actor: Actor, on db: any Database, now: Date
    ) async throws {
        let json = String(decoding: try Responses.jsonEncoder.encode(changes), as: UTF8.self)
        try await AuditEvent(actor: actor.label, action: action, subjectKind: kind, subjectID: id,
                             summary: summary, changes: json, now: now).create(on: db)
    }
}

/// A field's value before and after a change.
struct AuditChange: Codable, Sendable, Equatable {
    let before: String?
    let after: String?
}
