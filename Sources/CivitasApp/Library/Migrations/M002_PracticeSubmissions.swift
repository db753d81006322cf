import FluentKit
import SQLKit

/// Practices members submit: who sent it (their account, name and address, kept as they were
/// when it was sent, for the mails about it), where its review stands, and the editor's note.
/// Practices staff make have no review state.
struct M002_PracticeSubmissions: AsyncMigration {
    static let columns: [(String, DatabaseSchema.DataType)] = [
        ("submitted_by", .string), ("submitter_name", .string), ("submitter_email", .string),
        ("review_state", .string), ("review_note", .string), ("submitted_at", .datetime),
    ]

    func prepare(on database: any Database) async throws {
        // SQLite adds one column per statement.
        for (name, type) in Self.columns {
            try await database.schema("practices").field(.string(name), type).update()
        }
        try await TableIndex.create([
            ("practices_submitted_by", "practices", ["submitted_by"]),
            ("practices_review_state", "practices", ["review_state"]),
        ], on: database)
    }

    func revert(on database: any Database) async throws {
        // An indexed column cannot be dropped.
        for index in ["practices_submitted_by", "practices_review_state"] {
            try await (database as! any SQLDatabase).drop(index: index).run()
        }
        for (name, _) in Self.columns.reversed() {
            try await database.schema("practices").deleteField(.string(name)).update()
        }
    }
}
