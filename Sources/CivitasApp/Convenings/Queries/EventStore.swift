import CivitasCore
import FluentKit
import Foundation
import SQLKit

/// Reads events with SQLKit. Lists return rows only; `detail` gathers what an event's page
/// and its API answer show, in a fixed number of queries.
struct EventStore {
    let sql: any SQLDatabase

    init(_ db: any Database) { self.sql = db as! any SQLDatabase }
    init(sql: any SQLDatabase) { self.sql = sql }

    static let decoding = SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase)

    struct Filter: Sendable {
        enum When: String, Sendable { case upcoming, past, all }
        var when: When = .upcoming
        var kind: EventKind?
        var topicSlug: String?
        var areaSlug: String?
        var year: Int?
        var text: String?
        var offset = 0
        var limit = 25
        var publishedOnly = true
        /// Matches `text` through the search index for public lists.
        var textSearch: (any RecordTextSearch)? = nil
    }

    /// A page of events; a topic or place filter is resolved through `records` (the directory
    /// keeps topics and places) into the ids it stands for.
    func list(_ filter: Filter, now: Date, records: RecordLookups) async throws -> (events: [EventRecord], total: Int) {
        var select = sql.select().column("*").from("events")
        var count = sql.select().column(SQLFunction("count", args: SQLLiteral.all), as: "total").from("events")
        var conditions = conditions(filter, now: now)
        if let text = filter.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            var indexed: SQLQueryString? = nil
            if filter.publishedOnly, let search = filter.textSearch { indexed = try await search.condition(kind: "event", text: text, idColumn: "id") }
            conditions.append(indexed ?? SQLText.contains(column: "title", text: text))
        }
        if let topic = filter.topicSlug {
            conditions.append(Self.among("id", try await records.subjects("event", linkedTo: "topic", key: topic)))
        }
        if let area = filter.areaSlug {
            // An event in a city also counts for the region and country around it (one level up).
            conditions.append(Self.among("area_id", try await records.withParts(kind: "area", key: area)))
        }
        for condition in conditions {
            select = select.where(condition)
            count = count.where(condition)
        }
        // Upcoming: soonest first; past and all: newest first.
        select = select.orderBy("starts_at", filter.when == .upcoming ? .ascending : .descending).orderBy("id")
        let rows = try await select.limit(filter.limit).offset(filter.offset).all()
        let total = try await count.first()?.decode(column: "total", as: Int.self) ?? 0
        return (try rows.map { try EventRecord(row: $0) }, total)
    }

    /// `column IN (ids)`, or a condition no row meets when there are none.
    private static func among(_ column: String, _ ids: [String]) -> SQLQueryString {
        ids.isEmpty ? "1 = 0" : "\(ident: column) IN \(SQLBind.group(Array(Set(ids)).sorted()))"
    }

    private func conditions(_ filter: Filter, now: Date) -> [SQLQueryString] {
        var conditions: [SQLQueryString] = []
        if filter.publishedOnly { conditions.append("published = \(bind: true)") }
        switch filter.when {
        case .upcoming: conditions.append("ends_at > \(bind: now)")
        case .past: conditions.append("ends_at <= \(bind: now)")
        case .all: break
        }
        if let kind = filter.kind { conditions.append("kind = \(bind: kind.rawValue)") }
        if let year = filter.year {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = .gmt
            let start = calendar.date(from: DateComponents(year: year, month: 1, day: 1))!
            let end = calendar.date(from: DateComponents(year: year + 1, month: 1, day: 1))!
            conditions.append("starts_at >= \(bind: start) AND starts_at < \(bind: end)")
        }
        return conditions
    }

    /// By slug or id.
    func find(_ key: String, publishedOnly: Bool) async throws -> EventRecord? {
        try await sql.run(findRead(key, publishedOnly: publishedOnly))
    }

    func findRead(_ key: String, publishedOnly: Bool) -> PendingRead<EventRecord?> {
        // SQL text, not the builder: an uncached event page reads these, and turning a builder's
        // tree into text cost more than running the query.
        var select: ReadSQL = "SELECT * FROM events WHERE (slug = \(bind: key) OR id = \(bind: key))"
        if publishedOnly { select += " AND published = \(bind: true)" }
        return PendingRead(select + " LIMIT 1") { rows in try rows.first.map { try EventRecord(row: $0) } }
    }

    func sessions(of eventID: String) async throws -> [SessionRecord] { try await sql.run(sessionsRead(of: eventID)) }

    func sessionsRead(of eventID: String) -> PendingRead<[SessionRecord]> {
        PendingRead("SELECT * FROM event_sessions WHERE event_id = \(bind: eventID) ORDER BY starts_at, position, title") { rows in
            try rows.map { try SessionRecord(row: $0) }
        }
    }

    func session(_ id: String) async throws -> SessionRecord? {
        try await sql.select().column("*").from("event_sessions").where("id", .equal, SQLBind(id)).first()
            .map { try SessionRecord(row: $0) }
    }

    /// Confirmed, waitlisted and pending registrations of an event.
    func counts(of eventID: String) async throws -> RegistrationCounts { try await sql.run(countsRead(of: eventID)) }

    func countsRead(of eventID: String) -> PendingRead<RegistrationCounts> {
        PendingRead("SELECT status, COUNT(*) AS total FROM registrations WHERE event_id = \(bind: eventID) GROUP BY status") { rows in
            var counts = RegistrationCounts()
            for row in rows {
                let total = try row.decode(column: "total", as: Int.self)
                switch try row.decode(column: "status", as: String.self) {
                case RegistrationStatus.confirmed.rawValue: counts.confirmed = total
                case RegistrationStatus.waitlisted.rawValue: counts.waitlisted = total
                case RegistrationStatus.pending.rawValue: counts.pending = total
                default: break
                }
            }
            return counts
        }
    }

    func registrations(of eventID: String) async throws -> [RegistrationRecord] {
        try await sql.select().column("*").from("registrations").where("event_id", .equal, SQLBind(eventID))
            .orderBy("queue_number").all()
            .map { try $0.decode(model: RegistrationRecord.self, with: Self.decoding) }
    }

    func registration(tokenHash: String) async throws -> RegistrationRecord? {
        try await sql.select().column("*").from("registrations").where("token_hash", .equal, SQLBind(tokenHash)).first()?
            .decode(model: RegistrationRecord.self, with: Self.decoding)
    }

    /// The registration of `email` for the event that still holds or waits for a place.
    func activeRegistration(eventID: String, email: String) async throws -> RegistrationRecord? {
        try await sql.select().column("*").from("registrations").where("event_id", .equal, SQLBind(eventID))
            .where("email", .equal, SQLBind(email)).where("status", .in, SQLBind.group(["pending", "confirmed", "waitlisted"])).first()?
            .decode(model: RegistrationRecord.self, with: Self.decoding)
    }

    func registration(id: String) async throws -> RegistrationRecord? {
        try await sql.select().column("*").from("registrations").where("id", .equal, SQLBind(id)).first()?
            .decode(model: RegistrationRecord.self, with: Self.decoding)
    }

    /// A waiting-list place's position: 1 for the next to be promoted.
    func waitlistPosition(of registration: RegistrationRecord) async throws -> Int {
        let row = try await sql.raw("""
            SELECT COUNT(*) AS ahead FROM registrations WHERE event_id = \(bind: registration.eventId)
            AND status = 'waitlisted' AND queue_number < \(bind: registration.queueNumber)
            """).first()
        return (try row?.decode(column: "ahead", as: Int.self) ?? 0) + 1
    }

    func invitations(of eventID: String) async throws -> [InvitationRecord] {
        try await sql.select().column("*").from("invitations").where("event_id", .equal, SQLBind(eventID))
            .orderBy("created_at", .descending).all()
            .map { try $0.decode(model: InvitationRecord.self, with: Self.decoding) }
    }

    func invitation(tokenHash: String) async throws -> InvitationRecord? {
        try await sql.select().column("*").from("invitations").where("token_hash", .equal, SQLBind(tokenHash)).first()?
            .decode(model: InvitationRecord.self, with: Self.decoding)
    }
}

struct RegistrationCounts: Sendable, Equatable {
    var confirmed = 0
    var waitlisted = 0
    var pending = 0

    func remaining(capacity: Int?) -> Int? { capacity.map { max(0, $0 - confirmed) } }
}
