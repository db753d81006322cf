import CivitasCore
import FluentKit
import Foundation
import SQLKit

/// Fills free places from the waiting list, first come first served, and tells each
/// promoted person. Runs inside the transaction (and lock) of whatever freed the place.
enum Waitlist {
    @discardableResult
    static func promote(_ event: EventRecord, on sql: any SQLDatabase, services: AppServices, now: Date) async throws -> [RegistrationRecord] {
        guard event.eventStatus != .cancelled else { return [] }
        let store = EventStore(sql: sql)
        var confirmed = try await store.counts(of: event.id).confirmed
        var promoted: [RegistrationRecord] = []
        let mails = EventMails(event: event, siteName: services.configuration.siteName, publicURL: services.configuration.publicURL)
        while event.rules.hasRoom(confirmed: confirmed) {
            guard var next = try await sql.select().column("*").from("registrations")
                .where("event_id", .equal, SQLBind(event.id)).where("status", .equal, SQLBind(RegistrationStatus.waitlisted.rawValue))
                .orderBy("queue_number").limit(1).first()?.decode(model: RegistrationRecord.self, with: EventStore.decoding) else { break }
            next.status = RegistrationStatus.confirmed.rawValue
            next.updatedAt = now
            try await sql.update("registrations").set("status", to: SQLBind(next.status)).set("updated_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(next.id)).run()
            try await Outbox.enqueue(mails.promoted(next), on: sql, now: now)
            promoted.append(next)
            confirmed += 1
        }
        return promoted
    }
}
