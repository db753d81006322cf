import CivitasCore
import FluentKit
import Foundation
import SQLKit

/// Creates or updates one practice, resource or news item in one transaction: checks every
/// field, every record it points at and the library's own rules, keeps its slug unique and
/// stable, writes the row and its links, and records an audit event. Nothing is written
/// when anything is wrong.
struct SaveLibraryRecord: Sendable {
    let kind: LibraryKind
    /// nil to create.
    let id: String?
    let input: RecordInput
    let actor: Actor
    /// A fixed id for a new record (the demo loader); otherwise a new UUID.
    var newID: String? = nil

    enum Outcome: Sendable {
        case saved(LibraryRecord)
        case invalid(AppError)
        case notFound
    }

    func run(services: AppServices) async throws -> Outcome {
        try await services.write(queuedOn: kind.table) { tx in
            let outcome = try await run(on: tx, services: services)
            guard case .saved(let record) = outcome else { return Written(outcome) }
            return Written(outcome, changed: LibraryTopics.changed(record))
        }
    }

    func run(on db: any Database, services: AppServices) async throws -> Outcome {
        let store = LibraryStore(db)
        let now = services.now()
        try await RecordSlug.lockTable(kind.table, on: store.sql)
        let existing: LibraryRecord?
        if let id {
            guard let found = try await store.find(kind, key: id, publishedOnly: false), found.id == id else { return .notFound }
            existing = found
        } else {
            existing = nil
        }
        let (parsed, fieldErrors) = input.parse(kind: kind)
        var errors = fieldErrors
        var record = existing ?? LibraryRecord(kind: kind, id: newID ?? UUID().uuidString.lowercased(), slug: nil, published: true, values: [:])
        for (name, value) in parsed { record.values[name] = value }
        if let published = input.published { record.published = published }
        record.checkRequired(&errors)
        try await LibraryRules.check(record, store: store, records: services.site.records.reading(through: store.sql),
                                     now: now, errors: &errors)
        try await RecordSlug.assign(&record, requested: input.slug, existing: existing, sql: store.sql, errors: &errors)
        guard errors.isEmpty else {
            return .invalid(AppError(.badRequest, "The \(kind.label.lowercased()) was not saved: correct the fields marked", fieldErrors: errors))
        }
        try await record.write(to: store.sql, table: kind.table, now: now, isNew: existing == nil)
        try await store.writeLinks(record)
        try await AuditLog.record(existing == nil ? "create" : "update", kind: kind.rawValue, id: record.id, summary: record.title,
                                  changes: AuditChange.changes(from: existing, to: record), by: actor, on: db, now: now)
        record.updatedAt = now
        return .saved(record)
    }
}
