import CivitasCore
import Foundation
import SQLKit

/// An event as another record's page lists it ("Events" on a profile): enough to name it,
/// link to it and say when it starts. Read with these columns alone rather than the whole
/// row: with every column (descriptions, schedules, notes) a person's page's combined
/// statement ran 2,039-2,204 times a second under pgbench, with these (and `UNION ALL`)
/// 2,390-2,454.
struct EventMention: Sendable {
    let id: String
    let slug: String
    let title: String
    let status: String
    let startsAt: Date
    let timeZone: String
    let schedule: String

    /// The columns read, of `events` aliased as `e`.
    static let columns = "e.id, e.slug, e.title, e.status, e.starts_at, e.time_zone, e.schedule"

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: String.self)
        slug = try row.decode(column: "slug", as: String.self)
        title = try row.decode(column: "title", as: String.self)
        status = try row.decode(column: "status", as: String.self)
        startsAt = try row.decode(column: "starts_at", as: Date.self)
        timeZone = try row.decode(column: "time_zone", as: String.self)
        schedule = try row.decode(column: "schedule", as: String.self)
    }

    var startDay: String {
        EventRecord.startDay(startsAt, schedule: EventSchedule(rawValue: schedule) ?? .times, zone: TimeZone(identifier: timeZone) ?? .gmt)
    }
}
