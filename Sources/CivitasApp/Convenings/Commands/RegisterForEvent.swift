import CivitasCore
import FluentKit
import Foundation
import SQLKit

/// Registers one person for one event, deciding confirmed / waiting list / pending in one
/// transaction that locks the event, re-counts its confirmed places and writes the
/// registration and its mail together: capacity is never exceeded, whatever the concurrency.
struct RegisterForEvent: Sendable {
    let eventKey: String
    let input: RegistrationInput

    enum Outcome: Sendable {
        /// `token` is the secret of the personal link; `position` the place on the waiting list.
        case registered(RegistrationRecord, token: String, position: Int?)
        case refused(AppError)
        case notFound
    }

    func run(services: AppServices) async throws -> Outcome {
        // Find the event outside the lock: an unknown slug costs no write transaction.
        guard let found = try await EventStore(services.database.db).find(eventKey, publishedOnly: true) else { return .notFound }
        let now = services.now()
        let token = Secrets.randomToken()
        let outcome = try await services.database.countingTransaction { db in
            try await decide(eventID: found.id, token: token, db: db, services: services, now: now)
        }
        if case .registered = outcome { services.cache.invalidateAll() }
        return outcome
    }

    private func decide(eventID: String, token: String, db: any Database, services: AppServices, now: Date) async throws -> Outcome {
        guard let event = try await EventLock.acquire(eventID, on: db), event.published else { return .notFound }
        let sql = db as! any SQLDatabase
        let store = EventStore(sql: sql)

        var invitation: InvitationRecord?
        if let invitationToken = input.invitationToken {
            guard let found = try await store.invitation(tokenHash: Sessions.hash(invitationToken)), found.eventId == event.id else {
                return .refused(AppError(.forbidden, "This invitation link is not valid. Check that you copied the whole link from your invitation."))
            }
            guard found.usedAt == nil else {
                return .refused(AppError(.gone, "This invitation has already been used to register. Use the personal link in your confirmation mail to see your registration."))
            }
            guard found.email == input.email else {
                return .refused(AppError(.forbidden, "This invitation was sent to another e-mail address: register with the address it was sent to."))
            }
            invitation = found
        }
        do {
            try event.rules.admit(now: now, invited: invitation != nil)
        } catch {
            return .refused(AppError(error == .invitationRequired ? .forbidden : .conflict, error.message))
        }
        let duplicate = try await sql.raw("""
            SELECT id FROM registrations WHERE event_id = \(bind: event.id) AND email = \(bind: input.email)
            AND status IN ('pending', 'confirmed', 'waitlisted')
            """).first()
        if duplicate != nil {
            return .refused(AppError(.conflict, "\(input.email) is already registered for this event. The personal link in your confirmation mail shows your registration."))
        }

        let counts = try await store.counts(of: event.id)
        // An invitation is a place the organiser chose to give: it skips approval.
        var status = event.rules.placement(confirmed: counts.confirmed)
        if invitation != nil, status == .pending { status = event.rules.hasRoom(confirmed: counts.confirmed) ? .confirmed : .waitlisted }
        let queueNumber = try await sql.raw("SELECT COALESCE(MAX(queue_number), 0) + 1 AS next FROM registrations WHERE event_id = \(bind: event.id)")
            .first()?.decode(column: "next", as: Int.self) ?? 1
        let registration = RegistrationRecord(
            id: UUID().uuidString.lowercased(), eventId: event.id, name: input.name, email: input.email,
            organization: input.organization, role: (invitation.flatMap { ParticipantRole(rawValue: $0.role) } ?? input.role).rawValue,
            status: status.rawValue, queueNumber: queueNumber, listed: input.listed, attended: false,
            tokenHash: Sessions.hash(token), invitationId: invitation?.id, createdAt: now, updatedAt: now)
        try await sql.insert(into: "registrations").model(registration, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil).run()
        if let invitation {
            try await sql.update("invitations").set("used_at", to: SQLBind(now)).where("id", .equal, SQLBind(invitation.id)).run()
        }
        let position = status == .waitlisted ? counts.waitlisted + 1 : nil
        let mails = EventMails(event: event, siteName: services.configuration.siteName, publicURL: services.configuration.publicURL)
        try await Outbox.enqueue(mails.registered(registration, token: token, position: position), on: sql, now: now)
        return .registered(registration, token: token, position: position)
    }
}
