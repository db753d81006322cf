import CivitasCore
import FluentKit
import Foundation
import SQLKit

/// A directory record standing in some relation to an event: a host, a speaker, a quoted person.
struct PartyLine: Sendable, Equatable {
    let kind: RecordKind
    let id: String
    let slug: String
    let title: String
    var role: String = ""
}

struct SessionLine: Sendable {
    let session: SessionRecord
    /// Speakers and moderators; empty to the public while the session's speakers are held back.
    let people: [PartyLine]
}

struct QuoteLine: Sendable {
    let id: String
    let text: String
    let person: PartyLine?
    let sessionTitle: String?
}

struct ResourceLine: Sendable {
    let id: String
    let title: String
    let url: String
}

struct ParticipantLine: Sendable {
    let name: String
    let organization: String?
    let role: String
}

/// Everything an event's page and its API answer show.
struct EventDetail: Sendable {
    let event: EventRecord
    let parties: [PartyLine]
    let sessions: [SessionLine]
    let quotes: [QuoteLine]
    let resources: [ResourceLine]
    let topics: [TopicLine]
    let sources: [SourceLine]
    let area: PartyLine?
    let parent: EventRecord?
    let parts: [EventRecord]
    let counts: RegistrationCounts
    /// The confirmed participants who agreed to be listed, when the organiser publishes the list.
    let participants: [ParticipantLine]?

    func parties(_ role: EventPartyRole) -> [PartyLine] { parties.filter { $0.role == role.rawValue } }
}

extension EventStore {
    /// `includeHeldBack` shows speakers of sessions not yet announced (staff views).
    func detail(_ event: EventRecord, publishedOnly: Bool = true, includeHeldBack: Bool = false) async throws -> EventDetail {
        let sessions = try await self.sessions(of: event.id)
        let people = try await sessionPeople(sessions.filter { includeHeldBack || $0.speakersPublished }.map(\.id))
        let lines = sessions.map { SessionLine(session: $0, people: people[$0.id] ?? []) }
        let sessionTitles = Dictionary(uniqueKeysWithValues: sessions.map { ($0.id, $0.title) })
        let counts = try await counts(of: event.id)
        var parts = try await sql.select().column("*").from("events").where("parent_id", .equal, SQLBind(event.id))
            .orderBy("starts_at").all().map { try EventRecord(row: $0) }
        if publishedOnly { parts = parts.filter(\.published) }
        return EventDetail(
            event: event,
            parties: try await parties(of: event.id),
            sessions: lines,
            quotes: try await quotes(of: event.id, sessionTitles: sessionTitles),
            resources: try await sql.raw("SELECT id, title, url FROM event_resources WHERE event_id = \(bind: event.id) ORDER BY position")
                .all().map { ResourceLine(id: try $0.decode(column: "id", as: String.self), title: try $0.decode(column: "title", as: String.self),
                                          url: try $0.decode(column: "url", as: String.self)) },
            topics: try await RecordStore(sql: sql).topics(subjectKind: "event", id: event.id),
            sources: try await RecordStore(sql: sql).sources(subjectKind: "event", ids: [event.id])[event.id] ?? [],
            area: try await event.areaId.asyncFlatMap { try await directoryLine(.area, id: $0) },
            parent: try await event.parentId.asyncFlatMap { try await find($0, publishedOnly: publishedOnly) },
            parts: parts,
            counts: counts,
            participants: event.participantsPublic ? try await listedParticipants(of: event.id) : nil
        )
    }

    /// Hosts, partners, sponsors and funders in the order staff gave them; unpublished records are left out.
    func parties(of eventID: String) async throws -> [PartyLine] {
        let rows = try await sql.raw("""
            SELECT role, party_kind, party_id FROM event_parties WHERE event_id = \(bind: eventID) ORDER BY position
            """).all()
        var lines: [PartyLine] = []
        for row in rows {
            guard let kind = RecordKind(rawValue: try row.decode(column: "party_kind", as: String.self)),
                  var line = try await directoryLine(kind, id: try row.decode(column: "party_id", as: String.self)) else { continue }
            line.role = try row.decode(column: "role", as: String.self)
            lines.append(line)
        }
        return lines
    }

    func directoryLine(_ kind: RecordKind, id: String) async throws -> PartyLine? {
        guard let row = try await sql.select().column("id").column("slug").column(SQLAlias(SQLColumn(kind.titleColumn), as: SQLIdentifier("title")))
            .from(kind.table).where("id", .equal, SQLBind(id)).where("published", .equal, SQLBind(true)).first() else { return nil }
        return PartyLine(kind: kind, id: id, slug: try row.decode(column: "slug", as: String.self), title: try row.decode(column: "title", as: String.self))
    }

    /// Speakers and moderators by session id.
    func sessionPeople(_ sessionIDs: [String]) async throws -> [String: [PartyLine]] {
        guard !sessionIDs.isEmpty else { return [:] }
        let rows = try await sql.raw("""
            SELECT sp.session_id, sp.role, p.id, p.slug, p.name FROM session_people sp JOIN people p ON p.id = sp.person_id
            WHERE sp.session_id IN \(SQLBind.group(sessionIDs)) AND p.published = \(bind: true)
            ORDER BY sp.role DESC, sp.position
            """).all()
        var result: [String: [PartyLine]] = [:]
        for row in rows {
            result[try row.decode(column: "session_id", as: String.self), default: []].append(
                PartyLine(kind: .person, id: try row.decode(column: "id", as: String.self), slug: try row.decode(column: "slug", as: String.self),
                          title: try row.decode(column: "name", as: String.self), role: try row.decode(column: "role", as: String.self)))
        }
        return result
    }

    func quotes(of eventID: String, sessionTitles: [String: String]) async throws -> [QuoteLine] {
        let rows = try await sql.raw("""
            SELECT q.id, q.text, q.session_id, p.id AS person_id, p.slug, p.name FROM event_quotes q
            LEFT JOIN people p ON p.id = q.person_id AND p.published = \(bind: true)
            WHERE q.event_id = \(bind: eventID) ORDER BY q.position
            """).all()
        return try rows.map { row in
            let person: PartyLine? = try row.decode(column: "person_id", as: String?.self).map {
                PartyLine(kind: .person, id: $0, slug: try row.decode(column: "slug", as: String.self), title: try row.decode(column: "name", as: String.self))
            }
            return QuoteLine(id: try row.decode(column: "id", as: String.self), text: try row.decode(column: "text", as: String.self), person: person,
                             sessionTitle: try row.decode(column: "session_id", as: String?.self).flatMap { sessionTitles[$0] })
        }
    }

    func listedParticipants(of eventID: String) async throws -> [ParticipantLine] {
        try await sql.raw("""
            SELECT name, organization, role FROM registrations WHERE event_id = \(bind: eventID)
            AND status = 'confirmed' AND listed = \(bind: true) ORDER BY name
            """).all().map {
            ParticipantLine(name: try $0.decode(column: "name", as: String.self), organization: try $0.decode(column: "organization", as: String?.self),
                            role: try $0.decode(column: "role", as: String.self))
        }
    }

    /// Events a directory record hosts, partners, funds or speaks at, and for an area the
    /// events held there: for its profile page, newest first, each with its roles (raw values;
    /// "venue" for an event held in the area).
    func events(involving kind: RecordKind, id: String) async throws -> [(event: EventRecord, roles: [String])] {
        var query: SQLQueryString = """
            SELECT e.*, ep.role AS involvement FROM events e JOIN event_parties ep ON ep.event_id = e.id
            WHERE ep.party_kind = \(bind: kind.rawValue) AND ep.party_id = \(bind: id) AND e.published = \(bind: true)
            """
        if kind == .person {
            query += """
                 UNION SELECT e.*, sp.role AS involvement FROM events e JOIN event_sessions s ON s.event_id = e.id
                JOIN session_people sp ON sp.session_id = s.id
                WHERE sp.person_id = \(bind: id) AND e.published = \(bind: true) AND s.speakers_published = \(bind: true)
                """
        }
        if kind == .area {
            query += " UNION SELECT e.*, 'venue' AS involvement FROM events e WHERE e.area_id = \(bind: id) AND e.published = \(bind: true)"
        }
        query += " ORDER BY starts_at DESC"
        var seen: [String: Int] = [:]
        var result: [(event: EventRecord, roles: [String])] = []
        for row in try await sql.raw(query).all() {
            let event = try EventRecord(row: row)
            let role = try row.decode(column: "involvement", as: String.self)
            if let index = seen[event.id] {
                if !result[index].roles.contains(role) { result[index].roles.append(role) }
            } else {
                seen[event.id] = result.count
                result.append((event, [role]))
            }
        }
        return result
    }
}

extension Optional {
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
