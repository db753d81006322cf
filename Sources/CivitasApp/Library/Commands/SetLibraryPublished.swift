import FluentKit
import Foundation
import SQLKit

/// Publishes or unpublishes a library record; unpublished records leave every public page,
/// list, feed and API answer while staff keep them.
struct SetLibraryPublished: Sendable {
    let kind: LibraryKind
    let id: String
    let published: Bool
    let actor: Actor

    enum Outcome: Sendable { case done(LibraryRecord), notFound }

    func run(services: AppServices) async throws -> Outcome {
        let now = services.now()
        let (kind, id, published, actor) = (self.kind, self.id, self.published, self.actor)
        return try await services.write { tx -> Written<Outcome> in
            let store = LibraryStore(tx)
            guard var record = try await store.find(kind, key: id, publishedOnly: false), record.id == id else { return Written(.notFound) }
            guard record.published != published else { return Written(.done(record)) }
            try await store.sql.update(kind.table).set("published", to: SQLBind(published)).set("updated_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(id)).run()
            try await AuditLog.record(published ? "publish" : "unpublish", kind: kind.rawValue, id: id, summary: record.title,
                                      changes: ["published": AuditChange(before: String(!published), after: String(published))],
                                      by: actor, on: tx, now: now)
            record.published = published
            return Written(.done(record), changed: LibraryTopics.changed(record))
        }
    }
}
