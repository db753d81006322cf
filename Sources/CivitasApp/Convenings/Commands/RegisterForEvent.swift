import CivitasCore
import FluentKit
import Foundation
import SQLKit

/// Registers one person for one event: confirmed, waiting list or pending approval.
///
/// The decision is taken in one transaction that locks the event, re-counts its places and
/// writes the registration and its mail together, so capacity is never exceeded whatever
/// the concurrency. Registrations for the same event that arrive together are decided
/// together, in arrival order, in one such transaction (see `RegistrationDesk` and Platform's `CountedWriteQueue`): a rush
/// of thousands then costs a few dozen transactions rather than thousands.
struct RegisterForEvent: Sendable {
    let eventKey: String
    let input: RegistrationInput

    enum Outcome: Sendable {
        /// `token` is the secret of the personal link; `position` the place on the waiting list.
        case registered(RegistrationRecord, token: String, position: Int?)
        /// The address was registered already: its owner was mailed a fresh personal link
        /// (the old one stops working). Answered to anonymous callers exactly as `registered`,
        /// so registering cannot be used to learn who is registered.
        case alreadyRegistered
        case refused(AppError)
        case notFound
    }

    /// One person's request as the queue carries it, with their personal link's secret.
    struct Request: Sendable {
        let input: RegistrationInput
        let token: String
    }

    func run(services: AppServices, desk: RegistrationDesk) async throws -> Outcome {
        // Find the event outside the lock: an unknown slug costs no write transaction.
        guard let eventID = try await desk.eventID(for: eventKey, now: services.now(), lookUp: {
            try await EventStore(sql: services.database.reads).find(eventKey, publishedOnly: true)?.id
        }) else { return .notFound }
        let request = Request(input: input, token: services.secrets.token())
        return try await desk.queue.submit(request, key: eventID) { batch in
            try await Self.decide(batch, eventID: eventID, services: services)
        }
    }

    /// Decides a batch of requests for one event, in order, in one transaction.
    static func decide(_ requests: [Request], eventID: String, services: AppServices) async throws -> [Outcome] {
        let now = services.now()
        return try await services.countingWrite { db in
            try await decide(requests, eventID: eventID, db: db, services: services, now: now)
        }
    }

    private static func decide(_ requests: [Request], eventID: String, db: any Database, services: AppServices, now: Date) async throws -> Written<[Outcome]> {
        guard let event = try await EventLock.acquire(eventID, on: db), event.published else { return Written(requests.map { _ in .notFound }) }
        let sql = db as! any SQLDatabase
        let store = EventStore(sql: sql)

        var counts = try await store.counts(of: event.id)
        var nextQueueNumber = try await sql.raw("SELECT COALESCE(MAX(queue_number), 0) + 1 AS next FROM registrations WHERE event_id = \(bind: event.id)")
            .first()?.decode(column: "next", as: Int.self) ?? 1
        var registeredEmails = Set(try await sql.raw("""
            SELECT email FROM registrations WHERE event_id = \(bind: event.id) AND email IN (\(binds: Array(Set(requests.map(\.input.email)))))
            AND status IN ('pending', 'confirmed', 'waitlisted')
            """).all().map { try $0.decode(column: "email", as: String.self) })
        var reminded: Set<String> = []
        var usedInvitations: Set<String> = []

        var outcomes: [Outcome] = []
        var registrations: [RegistrationRecord] = []
        var mails: [OutgoingMail] = []
        let texts = EventMails(event: event, siteName: services.configuration.siteName, publicURL: services.configuration.publicURL)
        for request in requests {
            let input = request.input
            var invitation: InvitationRecord?
            if let invitationToken = input.invitationToken {
                switch try await usableInvitation(invitationToken, email: input.email, event: event, store: store, services: services, usedInBatch: usedInvitations) {
                case .success(let found): invitation = found
                case .failure(let error): outcomes.append(.refused(error)); continue
                }
            }
            do {
                try event.rules.admit(now: now, invited: invitation != nil)
            } catch {
                outcomes.append(.refused(AppError(error == .invitationRequired ? .forbidden : .conflict, error.message)))
                continue
            }
            guard !registeredEmails.contains(input.email) else {
                // One reminder per address and batch; a new link, since only its hash is kept.
                if !reminded.contains(input.email), let existing = try await store.activeRegistration(eventID: event.id, email: input.email) {
                    let token = services.secrets.token()
                    try await sql.update("registrations").set("token_hash", to: SQLBind(services.secretHasher.hash(token)))
                        .where("id", .equal, SQLBind(existing.id)).run()
                    mails.append(texts.alreadyRegistered(existing, token: token))
                    reminded.insert(input.email)
                }
                outcomes.append(.alreadyRegistered)
                continue
            }

            // An invitation is a place the organiser chose to give: it skips approval.
            var status = event.rules.placement(confirmed: counts.confirmed)
            if invitation != nil, status == .pending { status = event.rules.hasRoom(confirmed: counts.confirmed) ? .confirmed : .waitlisted }
            let position = status == .waitlisted ? counts.waitlisted + 1 : nil
            switch status {
            case .confirmed: counts.confirmed += 1
            case .waitlisted: counts.waitlisted += 1
            default: counts.pending += 1
            }
            let registration = RegistrationRecord(
                id: UUID().uuidString.lowercased(), eventId: event.id, name: input.name, email: input.email,
                organization: input.organization, role: (invitation.flatMap { ParticipantRole(rawValue: $0.role) } ?? input.role).rawValue,
                status: status.rawValue, queueNumber: nextQueueNumber, listed: input.listed, attended: false,
                tokenHash: services.secretHasher.hash(request.token), invitationId: invitation?.id, createdAt: now, updatedAt: now)
            nextQueueNumber += 1
            registeredEmails.insert(input.email)
            if let invitation { usedInvitations.insert(invitation.id) }
            registrations.append(registration)
            mails.append(texts.registered(registration, token: request.token, position: position))
            outcomes.append(.registered(registration, token: request.token, position: position))
        }

        if !registrations.isEmpty {
            let insert = sql.insert(into: "registrations").columns(RegistrationRecord.columns)
            for registration in registrations { insert.values(registration.values) }
            try await insert.run()
        }
        try await Outbox.enqueue(mails, on: sql, now: now)
        if !usedInvitations.isEmpty {
            try await sql.update("invitations").set("used_at", to: SQLBind(now)).where("id", .in, SQLBind.group(Array(usedInvitations))).run()
        }
        let changed = registrations.isEmpty ? .nothing : EventTopics.registrationsChanged(eventID: event.id, slug: event.slug)
        return Written(outcomes, changed: changed)
    }

    /// The invitation a token stands for, if it may still be used by this address.
    private static func usableInvitation(_ token: String, email: String, event: EventRecord, store: EventStore, services: AppServices,
                                         usedInBatch: Set<String>) async throws -> Result<InvitationRecord, AppError> {
        guard let found = try await store.invitation(tokenHash: services.secretHasher.hash(token)), found.eventId == event.id else {
            return .failure(AppError(.forbidden, "This invitation link is not valid. Check that you copied the whole link from your invitation."))
        }
        guard found.usedAt == nil, !usedInBatch.contains(found.id) else {
            return .failure(AppError(.gone, "This invitation has already been used to register. Use the personal link in your confirmation mail to see your registration."))
        }
        guard found.email == email else {
            return .failure(AppError(.forbidden, "This invitation was sent to another e-mail address: register with the address it was sent to."))
        }
        return .success(found)
    }
}
