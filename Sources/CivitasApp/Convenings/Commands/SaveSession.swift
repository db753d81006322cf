import CivitasCore
import FluentKit
import Foundation
import SQLKit

/// Creates or updates one session of an event's programme with its speakers and moderators.
/// Times are typed in the event's time zone and must fall within the event.
struct SaveSession: Sendable {
    let eventID: String
    /// nil to create.
    let sessionID: String?
    let form: FormData
    let actor: Actor
    var newID: String? = nil

    enum Outcome: Sendable { case saved(SessionRecord), invalid(AppError), notFound }

    func run(services: AppServices) async throws -> Outcome {
        let now = services.now()
        return try await services.write { db in
            let outcome = try await run(on: db, now: now, records: services.site.records.reading(through: db as! any SQLDatabase))
            guard case .saved = outcome else { return Written(outcome) }
            return Written(outcome, changed: EventTopics.eventSaved)
        }
    }

    func run(on db: any Database, now: Date, records: RecordLookups) async throws -> Outcome {
        let sql = db as! any SQLDatabase
        let store = EventStore(sql: sql)
        guard let event = try await EventLock.acquire(eventID, on: db) else { return .notFound }
        var session: SessionRecord
        if let sessionID {
            guard let found = try await store.session(sessionID), found.eventId == event.id else { return .notFound }
            session = found
        } else {
            session = SessionRecord(id: newID ?? UUID().uuidString.lowercased(), eventId: event.id, title: "", kind: SessionKind.plenary.rawValue,
                                    startsAt: event.startsAt, endsAt: event.endsAt, room: nil, description: nil, questions: nil,
                                    speakersPublished: true, schedule: SessionSchedule.times.rawValue, createdAt: now, updatedAt: now)
        }
        var errors: [String: String] = [:]
        func text(_ name: String, max: Int, multiLine: Bool = false) -> String? {
            let value = (form[name] ?? "").trimmingCharacters(in: .whitespaces)
            if value.count > max { errors[name] = "must be at most \(max) characters" }
            if TextInput.hasControlCharacters(value) { errors[name] = "must not contain control characters" }
            if !multiLine, TextInput.hasLineBreaksOrControls(value) { errors[name] = "must be one line, without line breaks, tabs or control characters" }
            return value.isEmpty ? nil : value
        }
        session.title = text("title", max: 300) ?? ""
        if session.title.isEmpty { errors["title"] = "is required" }
        if let kind = SessionKind(rawValue: form["kind"] ?? "") { session.kind = kind.rawValue } else { errors["kind"] = "must be one of \(SessionKind.choicesText)" }
        session.room = text("room", max: 200)
        session.description = text("description", max: 10000, multiLine: true)
        session.questions = text("questions", max: 10000, multiLine: true)
        session.speakersPublished = form["speakers_published"] == "true"
        guard let schedule = SessionSchedule(rawValue: form["schedule"].flatMap { $0.isEmpty ? nil : $0 } ?? SessionSchedule.times.rawValue) else {
            return .invalid(AppError(.badRequest, "The session was not saved: correct the fields marked", fieldErrors: ["schedule": "must be times or day"]))
        }
        session.schedule = schedule.rawValue
        switch schedule {
        case .times:
            for name in ["starts_at", "ends_at"] {
                guard let date = ZonedTime.parse(form[name] ?? "", in: event.zone) else {
                    errors[name] = "must be a date and time such as 2026-01-24T09:00, in \(event.timeZone)"
                    continue
                }
                if name == "starts_at" { session.startsAt = date } else { session.endsAt = date }
            }
            if errors["starts_at"] == nil, errors["ends_at"] == nil {
                if session.endsAt <= session.startsAt { errors["ends_at"] = "must be after the start" }
                else if session.startsAt < event.startsAt || session.endsAt > event.endsAt {
                    errors["starts_at"] = "the session must fall within the event (\(event.when))"
                }
            }
        case .day:
            // A day alone: from its midnight to the next, in the event's zone.
            if let day = ZonedTime.parseDay(form["day"] ?? "", in: event.zone) {
                session.startsAt = day
                session.endsAt = ZonedTime.startOfDay(day, adding: 1, in: event.zone)
                let key = ZonedTime.dayKey(day, in: event.zone)
                if key < ZonedTime.dayKey(event.startsAt, in: event.zone) || key > ZonedTime.dayKey(event.endsAt.addingTimeInterval(-1), in: event.zone) {
                    errors["day"] = "the session must fall within the event (\(event.when))"
                }
            } else {
                errors["day"] = "must be a date such as 2026-01-24"
            }
        }
        var people: [(String, SessionPersonRole)] = []
        let named = SessionPersonRole.allCases.flatMap { role in form.all("\(role.rawValue)_ids").filter { !$0.isEmpty }.map { ($0, role) } }
        let known = try await records.existing(kind: "person", ids: named.map(\.0))
        for (id, role) in named {
            if known.contains(id) { people.append((id, role)) } else { errors["\(role.rawValue)_ids"] = "no person has the id \"\(id)\"" }
        }
        guard errors.isEmpty else { return .invalid(AppError(.badRequest, "The session was not saved: correct the fields marked", fieldErrors: errors)) }

        session.updatedAt = now
        if sessionID == nil {
            session.position = try await sql.raw("SELECT COALESCE(MAX(position), 0) + 1 AS next FROM event_sessions WHERE event_id = \(bind: event.id)")
                .first()?.decode(column: "next", as: Int.self) ?? 1
            try await sql.insert(into: "event_sessions").model(session, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil).run()
        } else {
            try await sql.update("event_sessions").set(model: session, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)
                .where("id", .equal, SQLBind(session.id)).run()
        }
        try await sql.delete(from: "session_people").where("session_id", .equal, SQLBind(session.id)).run()
        var seen = Set<String>()
        for (position, (person, role)) in people.enumerated() where seen.insert("\(person) \(role.rawValue)").inserted {
            try await sql.insert(into: "session_people").columns("session_id", "person_id", "role", "position")
                .values(SQLBind(session.id), SQLBind(person), SQLBind(role.rawValue), SQLBind(position)).run()
        }
        // The programme is part of what calendars hold: a change raises the event's SEQUENCE.
        try await sql.update("events").set("sequence", to: SQLBind(event.sequence + 1)).set("updated_at", to: SQLBind(now))
            .where("id", .equal, SQLBind(event.id)).run()
        try await AuditLog.record(sessionID == nil ? "create" : "update", kind: "session", id: session.id, summary: "\(session.title) (\(event.title))",
                                  changes: ["title": AuditChange(before: nil, after: session.title)], by: actor, on: db, now: now)
        return .saved(session)
    }
}

/// Adds or removes a quote on an event's page (after-event record).
struct EditQuotes: Sendable {
    let eventID: String
    let actor: Actor

    func add(text: String, personID: String?, sessionID: String?, services: AppServices, newID: String? = nil) async throws -> AppError? {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var textErrors: [String: String] = [:]
        if text.isEmpty { textErrors["text"] = "is required" } else if text.count > 5000 || TextInput.hasControlCharacters(text) { textErrors["text"] = "must be at most 5000 characters of text" }
        let now = services.now()
        let checked = textErrors
        return try await services.write { db -> Written<AppError?> in
            var errors = checked
            let sql = db as! any SQLDatabase
            guard let event = try await EventLock.acquire(eventID, on: db) else { return Written(AppError.notFound("The event")) }
            if let personID, try await services.site.records.reading(through: sql).existing(kind: "person", ids: [personID]).isEmpty { errors["person_id"] = "no person has the id \"\(personID)\"" }
            if let sessionID, try await EventStore(sql: sql).session(sessionID)?.eventId != event.id { errors["session_id"] = "is not a session of this event" }
            guard errors.isEmpty else { return Written(AppError(.badRequest, "The quote was not added: correct the fields marked", fieldErrors: errors)) }
            let position = try await sql.raw("SELECT COALESCE(MAX(position), 0) + 1 AS next FROM event_quotes WHERE event_id = \(bind: event.id)")
                .first()?.decode(column: "next", as: Int.self) ?? 1
            let id = newID ?? UUID().uuidString.lowercased()
            try await sql.insert(into: "event_quotes").columns("id", "event_id", "person_id", "session_id", "text", "position")
                .values(SQLBind(id), SQLBind(event.id), SQLBind(personID), SQLBind(sessionID), SQLBind(text), SQLBind(position)).run()
            try await AuditLog.record("create", kind: "quote", id: id, summary: String(text.prefix(80)),
                                      changes: ["text": AuditChange(before: nil, after: text)], by: actor, on: db, now: now)
            return Written(nil, changed: EventTopics.eventSaved)
        }
    }

    func delete(quoteID: String, services: AppServices) async throws -> Bool {
        let now = services.now()
        return try await services.write { db -> Written<Bool> in
            let sql = db as! any SQLDatabase
            guard try await sql.select().column("id").from("event_quotes").where("id", .equal, SQLBind(quoteID))
                .where("event_id", .equal, SQLBind(eventID)).first() != nil else { return Written(false) }
            try await sql.delete(from: "event_quotes").where("id", .equal, SQLBind(quoteID)).run()
            try await AuditLog.record("delete", kind: "quote", id: quoteID, summary: "quote removed", changes: [:], by: actor, on: db, now: now)
            return Written(true, changed: EventTopics.eventSaved)
        }
    }
}
