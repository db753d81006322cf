import FluentKit
import Foundation
import SQLKit

/// Publishes or unpublishes a record (records are rarely deleted: unpublishing hides them
/// from the public site and API while staff keep them).
struct SetPublished: Sendable {
    let kind: RecordKind
    let id: String
    let published: Bool
    let actor: Actor

    enum Outcome: Sendable { case done(RecordValues), notFound }

    func run(services: AppServices) async throws -> Outcome {
        let now = services.now()
        let kind = self.kind
        return try await services.write { tx -> Written<Outcome> in
            let store = RecordStore(tx)
            guard var record = try await store.find(kind, key: id, publishedOnly: false), record.id == id else { return Written(.notFound) }
            guard record.published != published else { return Written(.done(record)) }
            try await store.sql.update(kind.table).set("published", to: SQLBind(published)).set("updated_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(id)).run()
            try await AuditLog.record(published ? "publish" : "unpublish", kind: kind.rawValue, id: id, summary: record.title,
                                      changes: ["published": AuditChange(before: String(!published), after: String(published))],
                                      by: actor, on: tx, now: now)
            record.published = published
            return Written(.done(record), changed: DirectoryTopics.changed(kind, id: record.id, slug: record.slug))
        }
    }
}
