import Foundation
import SQLKit

/// Rows read by column name: Codable's snake-case key conversion cost more per row than the
/// query that fetched it (profiles, event pages and lists read these on every uncached request).
extension EventRecord {
    init(row: any SQLRow) throws {
        func text(_ column: String) throws -> String? { try row.decode(column: column, as: String?.self) }
        id = try row.decode(column: "id", as: String.self)
        slug = try row.decode(column: "slug", as: String.self)
        title = try row.decode(column: "title", as: String.self)
        kind = try row.decode(column: "kind", as: String.self)
        summary = try text("summary")
        description = try text("description")
        startsAt = try row.decode(column: "starts_at", as: Date.self)
        endsAt = try row.decode(column: "ends_at", as: Date.self)
        timeZone = try row.decode(column: "time_zone", as: String.self)
        schedule = try row.decode(column: "schedule", as: String.self)
        attendanceMode = try row.decode(column: "attendance_mode", as: String.self)
        venue = try text("venue")
        areaId = try text("area_id")
        onlineUrl = try text("online_url")
        series = try text("series")
        parentId = try text("parent_id")
        status = try row.decode(column: "status", as: String.self)
        registrationMode = try row.decode(column: "registration_mode", as: String.self)
        capacity = try row.decode(column: "capacity", as: Int?.self)
        registrationOpensAt = try row.decode(column: "registration_opens_at", as: Date?.self)
        registrationClosesAt = try row.decode(column: "registration_closes_at", as: Date?.self)
        participantsPublic = try row.decode(column: "participants_public", as: Bool.self)
        highlights = try text("highlights")
        attendanceCount = try row.decode(column: "attendance_count", as: Int?.self)
        datesNote = try text("dates_note")
        sequence = try row.decode(column: "sequence", as: Int.self)
        published = try row.decode(column: "published", as: Bool.self)
        createdAt = try row.decode(column: "created_at", as: Date.self)
        updatedAt = try row.decode(column: "updated_at", as: Date.self)
    }
}

extension SessionRecord {
    init(row: any SQLRow) throws {
        func text(_ column: String) throws -> String? { try row.decode(column: column, as: String?.self) }
        id = try row.decode(column: "id", as: String.self)
        eventId = try row.decode(column: "event_id", as: String.self)
        title = try row.decode(column: "title", as: String.self)
        kind = try row.decode(column: "kind", as: String.self)
        startsAt = try row.decode(column: "starts_at", as: Date.self)
        endsAt = try row.decode(column: "ends_at", as: Date.self)
        room = try text("room")
        description = try text("description")
        questions = try text("questions")
        speakersPublished = try row.decode(column: "speakers_published", as: Bool.self)
        schedule = try row.decode(column: "schedule", as: String.self)
        position = try row.decode(column: "position", as: Int.self)
        createdAt = try row.decode(column: "created_at", as: Date.self)
        updatedAt = try row.decode(column: "updated_at", as: Date.self)
    }
}
