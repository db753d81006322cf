import CivitasCore
import SQLKit

/// A record's readable address: the one asked for when it is free and well formed, or one
/// made from its title, unique in its kind's table and kept once the record is published.
enum RecordSlug {
    static func assign<Kind>(_ record: inout RecordRow<Kind>, requested: String?, existing: RecordRow<Kind>?,
                             sql: any SQLDatabase, errors: inout [String: String]) async throws {
        let kind = record.kind
        let requested = requested?.trimmingCharacters(in: .whitespaces).lowercased()
        if let requested, !requested.isEmpty {
            guard Slug.isValid(requested) else {
                errors["slug"] = "must be lowercase letters, digits and single hyphens, e.g. eric-garcetti"
                return
            }
            if let existing, existing.slug != requested, existing.published {
                errors["slug"] = "a published record keeps its address; unpublish it before changing the slug"
                return
            }
            if try await isTaken(requested, by: record.id, table: kind.table, sql: sql) {
                errors["slug"] = "\"\(requested)\" is already used by another \(kind.label.lowercased())"
                return
            }
            record.slug = requested
        } else if existing == nil {
            let made = Slug.make(from: record.title)
            let base = made.isEmpty ? kind.kindName.rawValue : made
            var candidate = base
            var suffix = 2
            while try await isTaken(candidate, by: record.id, table: kind.table, sql: sql) {
                candidate = "\(base)-\(suffix)"
                suffix += 1
            }
            record.slug = candidate
        }
    }

    /// Two saves in one table at once must not both take the same free slug: on PostgreSQL
    /// they queue on an advisory lock, keyed by the table's name, held until commit (SQLite
    /// transactions already take the whole database's write lock).
    static func lockTable(_ table: String, on sql: any SQLDatabase) async throws {
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: lockKey(table)))").run()
    }

    /// FNV-1a of the table name: stable across processes and releases, distinct per table.
    static func lockKey(_ table: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in table.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return Int(bitPattern: UInt(hash))
    }

    static func isTaken(_ slug: String, by id: String, table: String, sql: any SQLDatabase) async throws -> Bool {
        try await sql.select().column("id").from(table)
            .where("slug", .equal, SQLBind(slug)).where("id", .notEqual, SQLBind(id)).first() != nil
    }
}
