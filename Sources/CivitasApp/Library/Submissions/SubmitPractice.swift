import FluentKit
import Foundation
import SQLKit

/// A member sends their city's practice, or changes one they sent that an editor has not
/// decided on. It is saved unpublished, whatever the form says, and waits for an editor;
/// nothing of it is public before an editor publishes it.
struct SubmitPractice: Sendable {
    /// nil for a new submission.
    let id: String?
    let input: RecordInput
    let user: SignedInUser

    enum Outcome: Sendable {
        case saved(LibraryRecord)
        case invalid(AppError)
        /// Not a submission of this member's.
        case notFound
        /// An editor has published or declined it.
        case decided(SubmissionState)
    }

    func run(services: AppServices) async throws -> Outcome {
        try await services.write(queuedOn: "practices") { tx in
            let sql = tx as! any SQLDatabase
            if let id {
                guard let submission = try await SubmissionStore(sql: sql).find(id), submission.submittedBy == user.id else { return Written(.notFound) }
                guard submission.state.isEditableBySubmitter else { return Written(.decided(submission.state)) }
            }
            var input = input
            input.published = false
            input.slug = nil
            let saved = try await SaveLibraryRecord(kind: .practice, id: id, input: input, actor: .user(user)).run(on: tx, services: services)
            switch saved {
            case .saved(let practice):
                try await sql.update("practices")
                    .set("submitted_by", to: SQLBind(user.id)).set("submitter_name", to: SQLBind(user.name))
                    .set("submitter_email", to: SQLBind(user.email)).set("review_state", to: SQLBind(SubmissionState.submitted.rawValue))
                    .set("submitted_at", to: SQLBind(services.now()))
                    .where("id", .equal, SQLBind(practice.id)).run()
                return Written(.saved(practice), changed: LibraryTopics.submissions)
            case .invalid(let error): return Written(.invalid(error))
            case .notFound: return Written(.notFound)
            }
        }
    }
}
