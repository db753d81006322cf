import CivitasCore
import FluentKit
import Foundation
import SQLKit

/// Creates or updates an event with its parties, topics and sources, in one
/// transaction. Raises the calendar SEQUENCE on every change; when the status changes,
/// everyone registered is told; when places are added, the waiting list moves up.
struct SaveEvent: Sendable {
    /// nil to create.
    let id: String?
    let input: EventInput
    let actor: Actor
    var newID: String? = nil

    enum Outcome: Sendable {
        case saved(EventRecord)
        case invalid(AppError)
        case notFound
    }

    func run(services: AppServices) async throws -> Outcome {
        let now = services.now()
        return try await services.write(queuedOn: "events") { db in
            let outcome = try await run(on: db, services: services, now: now)
            guard case .saved = outcome else { return Written(outcome) }
            // Its registrations too: capacity or status may have moved people off the waiting list.
            return Written(outcome, changed: EventTopics.eventSaved + PublishedChange([.every(EventTopics.registrations)]))
        }
    }

    func run(on db: any Database, services: AppServices, now: Date) async throws -> Outcome {
        let sql = db as! any SQLDatabase
        try await RecordSlug.lockTable("events", on: sql)
        var existing: EventRecord?
        if let id {
            guard let found = try await EventLock.acquire(id, on: db) else { return .notFound }
            existing = found
        }
        let base = existing ?? EventRules.blank(id: newID ?? UUID().uuidString.lowercased(), now: now)
        let (parsed, parseErrors) = EventRules.parse(input, base: base)
        guard var parsed else { return .invalid(Self.invalid(parseErrors)) }
        var errors: [String: String] = [:]
        let records = services.site.records.reading(through: sql)
        if let area = parsed.event.areaId, try await records.existing(kind: "area", ids: [area]).isEmpty { errors["area_id"] = "no area has the id \"\(area)\"" }
        if let parent = parsed.event.parentId {
            if parent == base.id { errors["parent_id"] = "an event cannot be part of itself" }
            else if try await EventStore(sql: sql).find(parent, publishedOnly: false) == nil { errors["parent_id"] = "no event has the id \"\(parent)\"" }
        }
        let topics = try await records.existing(kind: "topic", ids: parsed.topicIDs)
        for topic in parsed.topicIDs where !topics.contains(topic) { errors["topic_ids"] = "no topic has the id \"\(topic)\"" }
        let sources = try await records.existing(kind: "source", ids: parsed.sourceIDs)
        for source in parsed.sourceIDs where !sources.contains(source) { errors["source_ids"] = "no source has the id \"\(source)\"" }
        for kind in PartyReference.kinds {
            let named = parsed.parties.filter { $0.1.kind == kind }
            let found = try await records.existing(kind: kind, ids: named.map(\.1.id))
            for (role, party) in named where !found.contains(party.id) {
                errors["\(role.rawValue)_ids"] = "no \(party.kind) has the id \"\(party.id)\""
            }
        }
        try await assignSlug(&parsed, existing: existing, sql: sql, errors: &errors)
        guard errors.isEmpty else { return .invalid(Self.invalid(errors)) }

        var event = parsed.event
        event.updatedAt = now
        if let existing {
            event.sequence = existing.sequence + 1
            try await sql.update("events").set(model: event, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)
                .where("id", .equal, SQLBind(event.id)).run()
        } else {
            event.createdAt = now
            try await sql.insert(into: "events").model(event, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil).run()
        }
        try await writeLinks(parsed, eventID: event.id, sql: sql, services: services)

        if let existing {
            if existing.status != event.status { try await announceStatus(event, sql: sql, services: services, now: now) }
            if (event.capacity ?? .max) > (existing.capacity ?? .max) || existing.capacity != nil && event.capacity == nil {
                try await Waitlist.promote(event, on: sql, services: services, now: now)
            }
        }
        let changes = Self.changes(from: existing, to: event)
        try await AuditLog.record(existing == nil ? "create" : "update", kind: "event", id: event.id, summary: event.title,
                                  changes: changes, by: actor, on: db, now: now)
        return .saved(event)
    }

    private static func invalid(_ errors: [String: String]) -> AppError {
        AppError(.badRequest, "The event was not saved: correct the fields marked", fieldErrors: errors)
    }

    private func assignSlug(_ parsed: inout ParsedEvent, existing: EventRecord?, sql: any SQLDatabase, errors: inout [String: String]) async throws {
        func taken(_ slug: String) async throws -> Bool {
            try await sql.select().column("id").from("events").where("slug", .equal, SQLBind(slug))
                .where("id", .notEqual, SQLBind(parsed.event.id)).first() != nil
        }
        if let requested = parsed.requestedSlug {
            guard Slug.isValid(requested) else { errors["slug"] = "must be lowercase letters, digits and single hyphens, e.g. 2018-winter-meeting"; return }
            if let existing, existing.slug != requested, existing.published {
                errors["slug"] = "a published event keeps its address; unpublish it before changing the slug"
                return
            }
            if try await taken(requested) { errors["slug"] = "\"\(requested)\" is already used by another event"; return }
            parsed.event.slug = requested
        } else if let existing {
            parsed.event.slug = existing.slug
        } else {
            let year = ZonedTime.year(parsed.event.startsAt, in: parsed.event.zone)
            let base = Slug.make(from: "\(year) \(parsed.event.title)")
            var candidate = base, suffix = 2
            while try await taken(candidate) { candidate = "\(base)-\(suffix)"; suffix += 1 }
            parsed.event.slug = candidate
        }
    }

    private func writeLinks(_ parsed: ParsedEvent, eventID: String, sql: any SQLDatabase, services: AppServices) async throws {
        try await sql.delete(from: "event_parties").where("event_id", .equal, SQLBind(eventID)).run()
        var seen = Set<String>()
        for (position, (role, party)) in parsed.parties.enumerated() where seen.insert("\(role.rawValue) \(party.text)").inserted {
            try await sql.insert(into: "event_parties").columns("event_id", "role", "party_kind", "party_id", "position")
                .values(SQLBind(eventID), SQLBind(role.rawValue), SQLBind(party.kind), SQLBind(party.id), SQLBind(position)).run()
        }
        // Topics and sources are the directory's: it keeps the links, in this transaction.
        let records = services.site.records.reading(through: sql)
        try await records.setLinks("topic", ofSubject: "event", id: eventID, to: parsed.topicIDs)
        try await records.setLinks("source", ofSubject: "event", id: eventID, to: parsed.sourceIDs)
    }

    /// Tells everyone holding or awaiting a place that the event was cancelled, postponed or is back on.
    private func announceStatus(_ event: EventRecord, sql: any SQLDatabase, services: AppServices, now: Date) async throws {
        let mails = EventMails(event: event, siteName: services.configuration.siteName, publicURL: services.configuration.publicURL)
        for registration in try await EventStore(sql: sql).registrations(of: event.id) where registration.registrationStatus.isActive {
            try await Outbox.enqueue(mails.statusChanged(registration), on: sql, now: now)
        }
    }

    static func changes(from old: EventRecord?, to new: EventRecord) -> [String: AuditChange] {
        let before = old.map(describe) ?? [:], after = describe(new)
        var changes: [String: AuditChange] = [:]
        for key in Set(before.keys).union(after.keys) where before[key] != after[key] {
            changes[key] = AuditChange(before: before[key], after: after[key])
        }
        return changes
    }

    private static func describe(_ event: EventRecord) -> [String: String] {
        var fields: [String: String] = [
            "title": event.title, "slug": event.slug, "kind": event.kind, "starts_at": Format.timestamp(event.startsAt),
            "ends_at": Format.timestamp(event.endsAt), "time_zone": event.timeZone, "status": event.status,
            "registration_mode": event.registrationMode, "attendance_mode": event.attendanceMode, "published": String(event.published),
            "participants_public": String(event.participantsPublic),
        ]
        fields["capacity"] = event.capacity.map(String.init)
        fields["venue"] = event.venue
        fields["online_url"] = event.onlineUrl.map { _ in "(private)" }
        fields["summary"] = event.summary
        fields["area_id"] = event.areaId
        fields["parent_id"] = event.parentId
        fields["attendance_count"] = event.attendanceCount.map(String.init)
        return fields
    }
}
