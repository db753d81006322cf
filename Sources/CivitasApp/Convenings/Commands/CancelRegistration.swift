import CivitasCore
import FluentKit
import Foundation
import SQLKit

/// A participant gives up their registration from their personal link (or an organiser
/// cancels it). A confirmed place that frees goes to the first on the waiting list.
struct CancelRegistration: Sendable {
    enum Key: Sendable { case token(String), id(String) }
    let key: Key
    /// When set (an organiser acting through an event's pages), a registration of another
    /// event is not found.
    var eventID: String? = nil

    enum Outcome: Sendable {
        case cancelled(RegistrationRecord, promoted: [RegistrationRecord])
        case alreadyInactive(RegistrationRecord)
        case notFound
    }

    func run(services: AppServices) async throws -> Outcome {
        let store = EventStore(services.database.db)
        let found: RegistrationRecord? = switch key {
        case .token(let token): try await store.registration(tokenHash: services.secretHasher.hash(token))
        case .id(let id): try await store.registration(id: id)
        }
        guard let found, eventID == nil || found.eventId == eventID else { return .notFound }
        let now = services.now()
        return try await services.countingWrite { db -> Written<Outcome> in
            guard let event = try await EventLock.acquire(found.eventId, on: db) else { return Written(.notFound) }
            let sql = db as! any SQLDatabase
            // Re-read under the lock: a concurrent cancel or promotion may have changed it.
            guard var registration = try await EventStore(sql: sql).registration(id: found.id) else { return Written(.notFound) }
            guard registration.registrationStatus.isActive else { return Written(.alreadyInactive(registration)) }
            let wasConfirmed = registration.registrationStatus == .confirmed
            registration.status = RegistrationStatus.cancelled.rawValue
            registration.updatedAt = now
            try await sql.update("registrations").set("status", to: SQLBind(registration.status)).set("updated_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(registration.id)).run()
            let promoted = wasConfirmed ? try await Waitlist.promote(event, on: sql, services: services, now: now) : []
            return Written(.cancelled(registration, promoted: promoted),
                           changed: EventTopics.registrationsChanged(eventID: event.id, slug: event.slug))
        }
    }
}
