import FluentKit
import Foundation

/// Who changed a record: a staff account from the web, or an API token.
public struct Actor: Sendable, Equatable {
    public let label: String

    public static func user(_ user: SignedInUser) -> Actor { Actor(label: "\(user.name) <\(user.email)>") }
    public static func token(_ token: VerifiedAPIToken) -> Actor { Actor(label: "API token \"\(token.name)\"") }
    public static let demoLoader = Actor(label: "demo loader")
    /// A migration moving records between capabilities.
    public static let migration = Actor(label: "database migration")
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

extension AuditChange {
    /// What the audit log keeps of a save: each field that changed, private values hidden.
    static func changes<Kind>(from old: RecordRow<Kind>?, to new: RecordRow<Kind>) -> [String: AuditChange] {
        var changes: [String: AuditChange] = [:]
        for field in new.kind.fields {
            let before = old?[field.name].display, after = new[field.name].display
            if before != after { changes[field.name] = AuditChange(before: field.isPrivate && before != nil ? "(private)" : before,
                                                                     after: field.isPrivate && after != nil ? "(private)" : after) }
        }
        if old?.slug != new.slug { changes["slug"] = AuditChange(before: old?.slug, after: new.slug) }
        if old?.published != new.published { changes["published"] = AuditChange(before: old.map { String($0.published) }, after: String(new.published)) }
        return changes
    }
}
