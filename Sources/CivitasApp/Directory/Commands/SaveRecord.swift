import CivitasCore
import FluentKit
import Foundation
import SQLKit

/// Creates or updates one directory record in one transaction: checks every field and
/// reference, keeps slugs unique and stable, writes the row and its links, and records
/// an audit event. Nothing is written when anything is wrong.
struct SaveRecord: Sendable {
    let kind: RecordKind
    /// nil to create.
    let id: String?
    let input: RecordInput
    let actor: Actor
    /// A fixed id for a new record (the demo loader); otherwise a new UUID.
    var newID: String? = nil

    enum Outcome: Sendable {
        case saved(RecordValues)
        case invalid(AppError)
        case notFound
    }

    func run(services: AppServices) async throws -> Outcome {
        let kind = self.kind
        return try await services.write(queuedOn: kind.table) { tx in
            let outcome = try await run(on: tx, now: services.now())
            guard case .saved(let record) = outcome else { return Written(outcome) }
            return Written(outcome, changed: DirectoryTopics.changed(kind, id: record.id, slug: record.slug))
        }
    }

    func run(on db: any Database, now: Date) async throws -> Outcome {
        let store = RecordStore(db)
        try await RecordSlug.lockTable(kind.table, on: store.sql)
        let existing: RecordValues?
        if let id {
            guard let found = try await store.find(kind, key: id, publishedOnly: false), found.id == id else { return .notFound }
            existing = found
        } else {
            existing = nil
        }
        let (parsed, fieldErrors) = input.parse(kind: kind)
        var errors = fieldErrors
        var record = existing ?? RecordValues(kind: kind, id: newID ?? UUID().uuidString.lowercased(), slug: nil, published: true, values: [:])
        for (name, value) in parsed { record.values[name] = value }
        if let published = input.published { record.published = published }

        record.checkRequired(&errors)
        RecordRules.check(&record, errors: &errors)
        try await checkReferences(record, store: store, errors: &errors)
        if kind == .membership { try await alignWithPost(&record, store: store, errors: &errors) }
        if kind.hasSlug { try await RecordSlug.assign(&record, requested: input.slug, existing: existing, sql: store.sql, errors: &errors) }
        guard errors.isEmpty else {
            return .invalid(AppError(.badRequest, "The \(kind.label.lowercased()) was not saved: correct the fields marked", fieldErrors: errors))
        }

        try await write(record, isNew: existing == nil, sql: store.sql, now: now)
        let changes = AuditChange.changes(from: existing, to: record)
        try await AuditLog.record(existing == nil ? "create" : "update", kind: kind.rawValue, id: record.id, summary: record.title,
                                  changes: changes, by: actor, on: db, now: now)
        record.updatedAt = now
        return .saved(record)
    }

    private func checkReferences(_ record: RecordValues, store: RecordStore, errors: inout [String: String]) async throws {
        for field in kind.fields where errors[field.name] == nil {
            switch (field.kind, record[field.name]) {
            case (.reference(let name), .text(let id)):
                guard let target = RecordKind(name) else { errors[field.name] = Self.notDirectory(name); continue }
                if try await !store.exists(target, id: id) { errors[field.name] = "no \(target.label.lowercased()) has the id \"\(id)\"" }
            case (.references(let name), .ids(let ids)):
                guard let target = RecordKind(name) else { errors[field.name] = Self.notDirectory(name); continue }
                for id in ids where try await !store.exists(target, id: id) {
                    errors[field.name] = "no \(target.label.lowercased()) has the id \"\(id)\""
                }
            default: break
            }
        }
    }

    private static func notDirectory(_ kind: RecordKindName) -> String { "points at \(kind) records, which the directory does not keep" }

    /// A membership of a post belongs to the post's organization.
    private func alignWithPost(_ record: inout RecordValues, store: RecordStore, errors: inout [String: String]) async throws {
        guard errors["post_id"] == nil, case .text(let postID) = record["post_id"],
              let post = try await store.find(.post, key: postID, publishedOnly: false),
              let postOrganization = post.text("organization_id") else { return }
        if record["organization_id"] == .null { record.values["organization_id"] = .text(postOrganization) }
        if record.text("organization_id") != postOrganization {
            errors["organization_id"] = "must be the organization of the post \"\(post.title)\""
        } else {
            errors["organization_id"] = nil
        }
    }

    private func write(_ record: RecordValues, isNew: Bool, sql: any SQLDatabase, now: Date) async throws {
        try await record.write(to: sql, table: kind.table, now: now, isNew: isNew)
        for field in kind.linkFields {
            let link = LinkTable.table(for: field)
            try await sql.delete(from: link.table).where("subject_kind", .equal, SQLBind(kind.rawValue))
                .where("subject_id", .equal, SQLBind(record.id)).run()
            guard case .ids(let ids) = record[field.name], !ids.isEmpty else { continue }
            var insert = sql.insert(into: link.table).columns("subject_kind", "subject_id", link.targetColumn)
            for target in ids { insert = insert.values(SQLBind(kind.rawValue), SQLBind(record.id), SQLBind(target)) }
            try await insert.run()
        }
    }
}
