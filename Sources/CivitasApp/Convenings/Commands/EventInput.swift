import CivitasCore
import Foundation
import SQLKit

/// A party of an event as staff pick it: `organization:<id>`, `person:<id>` or `area:<id>`.
struct PartyReference: Sendable, Equatable, Hashable {
    /// A kind of directory record, in the directory's words (`RecordLookup`).
    let kind: String
    let id: String

    static let kinds = ["organization", "person", "area"]

    init(kind: String, id: String) {
        self.kind = kind
        self.id = id
    }

    init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, Self.kinds.contains(String(parts[0])) else { return nil }
        self.init(kind: String(parts[0]), id: String(parts[1]))
    }

    var text: String { "\(kind):\(id)" }
}

/// The event form (and its values when shown again): raw text as typed, so a form with
/// errors comes back exactly as sent.
struct EventInput: Sendable {
    var values: [String: String] = [:]
    var topicIDs: [String] = []
    var sourceIDs: [String] = []
    var parties: [EventPartyRole: [String]] = [:]

    static let textFields = ["title", "slug", "kind", "summary", "description", "starts_at", "ends_at", "schedule", "dates_note", "time_zone",
                             "attendance_mode", "venue", "area_id", "online_url", "series", "parent_id", "status",
                             "registration_mode", "capacity", "registration_opens_at", "registration_closes_at",
                             "participants_public", "highlights", "attendance_count", "published"]

    /// Fields that may hold several lines; every other one is a single line.
    static let multiLineFields: Set<String> = ["summary", "description", "highlights"]

    init() {}

    init(form: FormData) {
        for field in Self.textFields { values[field] = form[field]?.trimmingCharacters(in: .whitespaces) ?? "" }
        topicIDs = form.all("topic_ids").filter { !$0.isEmpty }
        sourceIDs = form.all("source_ids").filter { !$0.isEmpty }
        for role in EventPartyRole.allCases { parties[role] = form.all("\(role.rawValue)_ids").filter { !$0.isEmpty } }
    }

    subscript(_ name: String) -> String { values[name] ?? "" }

    /// The form's values for an existing event (times in its own zone).
    init(_ detail: EventDetail, topicIDs: [String], sourceIDs: [String]) {
        let event = detail.event, zone = event.zone
        values = [
            "title": event.title, "slug": event.slug, "kind": event.kind, "summary": event.summary ?? "",
            "description": event.description ?? "", "starts_at": ZonedTime.formValue(event.startsAt, in: zone),
            "ends_at": ZonedTime.formValue(event.allDay ? event.lastDay : event.endsAt, in: zone), "time_zone": event.timeZone,
            "schedule": event.schedule, "dates_note": event.datesNote ?? "",
            "attendance_mode": event.attendanceMode, "venue": event.venue ?? "", "area_id": event.areaId ?? "",
            "online_url": event.onlineUrl ?? "", "series": event.series ?? "", "parent_id": event.parentId ?? "",
            "status": event.status, "registration_mode": event.registrationMode, "capacity": event.capacity.map(String.init) ?? "",
            "registration_opens_at": event.registrationOpensAt.map { ZonedTime.formValue($0, in: zone) } ?? "",
            "registration_closes_at": event.registrationClosesAt.map { ZonedTime.formValue($0, in: zone) } ?? "",
            "participants_public": event.participantsPublic ? "true" : "", "highlights": event.highlights ?? "",
            "attendance_count": event.attendanceCount.map(String.init) ?? "",
            "published": event.published ? "true" : "",
        ]
        self.topicIDs = topicIDs
        self.sourceIDs = sourceIDs
        for role in EventPartyRole.allCases {
            parties[role] = detail.parties.filter { $0.role == role.rawValue }.map { PartyReference(kind: $0.kind, id: $0.id).text }
        }
    }

    /// The values of a stored event, as the edit form and API updates start from.
    static func load(_ event: EventRecord, store: EventStore, records: RecordLookups) async throws -> EventInput {
        let detail = try await store.detail(event, records: records, publishedOnly: false, includeHeldBack: true)
        return EventInput(detail,
                          topicIDs: try await records.linkedIDs("topic", ofSubject: "event", id: event.id),
                          sourceIDs: try await records.linkedIDs("source", ofSubject: "event", id: event.id))
    }
}
