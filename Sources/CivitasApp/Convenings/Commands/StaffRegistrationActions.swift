import CivitasCore
import FluentKit
import Foundation
import SQLKit

/// What organisers do to one registration: approve, reject, cancel, or mark attendance.
/// Each runs under the event's lock, so approvals respect capacity like registrations do.
struct ReviewRegistration: Sendable {
    enum Action: String, Sendable, CaseIterable { case approve, reject, cancel, attended, absent }
    let eventID: String
    let registrationID: String
    let action: Action
    let actor: Actor

    enum Outcome: Sendable { case done(RegistrationRecord), refused(AppError), notFound }

    func run(services: AppServices) async throws -> Outcome {
        if action == .cancel {
            switch try await CancelRegistration(key: .id(registrationID), eventID: eventID).run(services: services) {
            case .cancelled(let registration, _): return try await audited(registration, services: services)
            case .alreadyInactive: return .refused(AppError(.conflict, "This registration is already cancelled or rejected"))
            case .notFound: return .notFound
            }
        }
        let now = services.now()
        return try await services.countingWrite { db -> Written<Outcome> in
            guard let event = try await EventLock.acquire(eventID, on: db) else { return Written(.notFound) }
            let changed = EventTopics.registrationsChanged(eventID: event.id, slug: event.slug)
            let sql = db as! any SQLDatabase
            let store = EventStore(sql: sql)
            guard var registration = try await store.registration(id: registrationID), registration.eventId == event.id else { return Written(.notFound) }
            let mails = EventMails(event: event, siteName: services.configuration.siteName, publicURL: services.configuration.publicURL)
            switch action {
            case .approve, .reject:
                guard registration.registrationStatus == .pending else {
                    return Written(.refused(AppError(.conflict, "Only registrations waiting for approval can be approved or rejected; this one is \(registration.registrationStatus.label.lowercased())")))
                }
                if action == .reject {
                    registration.status = RegistrationStatus.rejected.rawValue
                    try await Outbox.enqueue(mails.rejected(registration), on: sql, now: now)
                } else {
                    let confirmed = try await store.counts(of: event.id).confirmed
                    registration.status = (event.rules.hasRoom(confirmed: confirmed) ? RegistrationStatus.confirmed : .waitlisted).rawValue
                    let position = registration.registrationStatus == .waitlisted ? try await store.waitlistPosition(of: registration) : nil
                    try await Outbox.enqueue(mails.approved(registration, position: position), on: sql, now: now)
                }
                try await sql.update("registrations").set("status", to: SQLBind(registration.status)).set("updated_at", to: SQLBind(now))
                    .where("id", .equal, SQLBind(registration.id)).run()
            case .attended, .absent:
                guard registration.registrationStatus == .confirmed else {
                    return Written(.refused(AppError(.conflict, "Attendance is marked for confirmed participants only")))
                }
                registration.attended = action == .attended
                try await sql.update("registrations").set("attended", to: SQLBind(registration.attended)).set("updated_at", to: SQLBind(now))
                    .where("id", .equal, SQLBind(registration.id)).run()
            case .cancel:
                break
            }
            try await AuditLog.record(action.rawValue, kind: "registration", id: registration.id, summary: "\(registration.name) for \(event.title)",
                                      changes: ["status": AuditChange(before: nil, after: registration.status)], by: actor, on: db, now: now)
            return Written(.done(registration), changed: changed)
        }
    }

    private func audited(_ registration: RegistrationRecord, services: AppServices) async throws -> Outcome {
        let actor = self.actor
        try await services.write { db in
            try await AuditLog.record("cancel", kind: "registration", id: registration.id, summary: registration.name,
                                      changes: ["status": AuditChange(before: nil, after: registration.status)], by: actor,
                                      on: db, now: services.now())
            return Written(())
        }
        return .done(registration)
    }
}

/// Invites one person by e-mail: a personal link with a random secret (stored only as its
/// hash) that registers that person once, even when registration is by invitation only.
struct InviteToEvent: Sendable {
    let eventID: String
    let name: String?
    let email: String
    let role: ParticipantRole
    let actor: Actor

    enum Outcome: Sendable { case invited(token: String), invalid(AppError), notFound }

    func run(services: AppServices) async throws -> Outcome {
        let email = TextInput.normalizedEmail(email)
        guard TextInput.isEmailAddress(email) else {
            return .invalid(AppError(.badRequest, "The invitation was not sent: correct the fields marked", fieldErrors: ["email": "must be an e-mail address, e.g. name@city.gov"]))
        }
        if let name, name.count > 200 || TextInput.hasControlCharacters(name) {
            return .invalid(AppError(.badRequest, "The invitation was not sent: correct the fields marked", fieldErrors: ["name": "must be at most 200 characters of text"]))
        }
        let token = services.secrets.token()
        let now = services.now()
        return try await services.database.countingTransaction { db -> Outcome in
            guard let event = try await EventLock.acquire(eventID, on: db) else { return .notFound }
            let sql = db as! any SQLDatabase
            let id = UUID().uuidString.lowercased()
            let invitation = InvitationRecord(id: id, eventId: event.id, email: email, name: name, role: role.rawValue,
                                              tokenHash: services.secretHasher.hash(token), usedAt: nil, createdBy: actor.label, createdAt: now)
            try await sql.insert(into: "invitations").model(invitation, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil).run()
            let mails = EventMails(event: event, siteName: services.configuration.siteName, publicURL: services.configuration.publicURL)
            try await Outbox.enqueue(mails.invitation(name: name, email: email, token: token), on: sql, now: now)
            try await AuditLog.record("invite", kind: "event", id: event.id, summary: "\(email) to \(event.title)",
                                      changes: ["invitation": AuditChange(before: nil, after: email)], by: actor, on: db, now: now)
            return .invited(token: token)
        }
    }
}
