import Foundation
import SQLKit

/// Reads submissions: a member's own, the ones waiting for editors, and one by id.
struct SubmissionStore {
    let sql: any SQLDatabase

    func mine(_ userID: String) async throws -> [Submission] {
        try await read(sql.select().column("*").from("practices").where("submitted_by", .equal, SQLBind(userID))
            .orderBy("submitted_at", .descending))
    }

    /// Open submissions first (oldest first, as they arrived), then the decided ones, newest first.
    func forReview(limit: Int = 200) async throws -> [Submission] {
        let open = try await read(sql.select().column("*").from("practices")
            .where("review_state", .in, SQLBind.group(SubmissionState.allCases.filter(\.isOpen).map(\.rawValue)))
            .orderBy("submitted_at").limit(limit))
        let decided = try await read(sql.select().column("*").from("practices")
            .where("review_state", .in, SQLBind.group(SubmissionState.allCases.filter { !$0.isOpen }.map(\.rawValue)))
            .orderBy("submitted_at", .descending).limit(limit))
        return open + decided
    }

    func find(_ id: String) async throws -> Submission? {
        try await read(sql.select().column("*").from("practices").where("id", .equal, SQLBind(id)).where("submitted_by", .isNot, SQLLiteral.null)).first
    }

    private func read(_ select: SQLSelectBuilder) async throws -> [Submission] {
        let rows = try await select.all()
        var practices = try rows.map { try LibraryRecord.decode(.practice, $0) }
        try await LibraryStore(sql: sql).attachLinks(&practices, kind: .practice)
        return try zip(rows, practices).map { row, practice in
            Submission(practice: practice,
                       submittedBy: try row.decode(column: "submitted_by", as: String.self),
                       submitterName: try row.decode(column: "submitter_name", as: String.self),
                       submitterEmail: try row.decode(column: "submitter_email", as: String.self),
                       state: SubmissionState(rawValue: try row.decode(column: "review_state", as: String.self)) ?? .submitted,
                       note: try row.decode(column: "review_note", as: String?.self))
        }
    }
}
