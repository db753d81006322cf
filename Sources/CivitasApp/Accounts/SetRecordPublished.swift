import FluentKit
import Foundation
import SQLKit

/// Publishes or unpublishes a record of any capability's kind, with an audit event, in one
/// transaction. Records are rarely deleted: unpublishing hides them from every public page,
/// list, feed and API answer while staff keep them. Each capability says what the change
/// touches (`changed`), so the right cached answers are refreshed.
struct SetRecordPublished<Kind: RecordShape>: Sendable {
    let kind: Kind
    let id: String
    let published: Bool
    let actor: Actor
    let changed: @Sendable (RecordRow<Kind>) -> PublishedChange

    enum Outcome: Sendable { case done(RecordRow<Kind>), notFound }

    func run(services: AppServices) async throws -> Outcome {
        let now = services.now()
        let (kind, id, published, actor, changed) = (self.kind, self.id, self.published, self.actor, self.changed)
        return try await services.write { tx -> Written<Outcome> in
            let sql = tx as! any SQLDatabase
            guard let row = try await sql.select().column("*").from(kind.table).where("id", .equal, SQLBind(id)).first() else {
                return Written(.notFound)
            }
            var record = try RecordRow.decode(kind, row)
            guard record.published != published else { return Written(.done(record)) }
            try await sql.update(kind.table).set("published", to: SQLBind(published)).set("updated_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(id)).run()
            try await AuditLog.record(published ? "publish" : "unpublish", kind: kind.kindName.rawValue, id: id, summary: record.title,
                                      changes: ["published": AuditChange(before: String(!published), after: String(published))],
                                      by: actor, on: tx, now: now)
            record.published = published
            return Written(.done(record), changed: changed(record))
        }
    }
}
