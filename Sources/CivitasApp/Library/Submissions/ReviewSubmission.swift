import FluentKit
import Foundation
import SQLKit

/// An editor's decision on a member's practice: ask for changes or decline (each with a note
/// the member reads on their submissions page and in a mail), or publish it. The decision, its
/// mail and its audit event are written together.
struct ReviewSubmission: Sendable {
    enum Decision: String, Sendable {
        case requestChanges = "request_changes"
        case decline
        case publish
    }

    let id: String
    let decision: Decision
    let note: String?
    let actor: Actor

    enum Outcome: Sendable {
        case done(Submission)
        case notFound
        /// Already published or declined.
        case alreadyDecided(SubmissionState)
        case invalid(AppError)
    }

    func run(services: AppServices) async throws -> Outcome {
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        if decision != .publish, note == nil {
            return .invalid(AppError(.badRequest, "Write a note for the member: it is what they read", fieldErrors: ["note": "is required"]))
        }
        if let note, note.count > 5_000 {
            return .invalid(AppError(.badRequest, "The note is too long", fieldErrors: ["note": "must be at most 5000 characters"]))
        }
        let (id, decision, actor) = (self.id, self.decision, self.actor)
        let now = services.now()
        return try await services.write { tx in
            let sql = tx as! any SQLDatabase
            let store = SubmissionStore(sql: sql)
            guard let submission = try await store.find(id) else { return Written(.notFound) }
            guard submission.state.isOpen else { return Written(.alreadyDecided(submission.state)) }
            let state: SubmissionState = switch decision {
            case .requestChanges: .changesRequested
            case .decline: .declined
            case .publish: .published
            }
            try await sql.update("practices").set("review_state", to: SQLBind(state.rawValue)).set("review_note", to: SQLBind(note))
                .set("published", to: SQLBind(state == .published)).set("updated_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(id)).run()
            try await AuditLog.record(decision.rawValue, kind: LibraryKind.practice.rawValue, id: id, summary: submission.practice.title,
                                      changes: ["review_state": AuditChange(before: submission.state.rawValue, after: state.rawValue)],
                                      by: actor, on: tx, now: now)
            guard let decided = try await store.find(id) else { return Written(.notFound) }
            try await Outbox.enqueue(SubmissionMails(publicURL: services.configuration.publicURL, siteName: services.configuration.siteName)
                .decided(decided), on: sql, now: now)
            return Written(.done(decided), changed: LibraryTopics.changed(decided.practice) + LibraryTopics.submissions)
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
