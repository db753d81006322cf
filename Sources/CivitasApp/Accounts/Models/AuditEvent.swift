import FluentKit
import Foundation

/// One staff change: who, when, what, and the fields before and after (JSON).
final class AuditEvent: Model, @unchecked Sendable {
    static let schema = "audit_events"

    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "actor") var actor: String
    @Field(key: "action") var action: String
    @Field(key: "subject_kind") var subjectKind: String
    @Field(key: "subject_id") var subjectID: String
    @Field(key: "summary") var summary: String
    @Field(key: "changes") var changes: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(actor: String, action: String, subjectKind: String, subjectID: String, summary: String, changes: String, now: Date) {
        self.id = UUID().uuidString.lowercased()
        self.actor = actor
        self.action = action
        self.subjectKind = subjectKind
        self.subjectID = subjectID
        self.summary = summary
        self.changes = changes
        self.createdAt = now
    }
}
