import CivitasCore
import FluentKit
import Foundation
import SQLKit

/// A record of the directory standing in some relation to an event: a host, a speaker, a
/// quoted person, its place. Read through `RecordLookup`, never from the directory's tables.
struct PartyLine: Sendable, Equatable {
    let kind: String
    let id: String
    let slug: String
    let title: String
    let link: SiteLink
    var role: String = ""

    init(_ reference: RecordReference, role: String = "") {
        kind = reference.kind
        id = reference.id
        slug = reference.slug
        title = reference.title
        link = reference.link
        self.role = role
    }

    var isPerson: Bool { kind == "person" }
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
    let topics: [RecordReference]
    let sources: [RecordReference]
    let area: PartyLine?
    let parent: EventRecord?
    let parts: [EventRecord]
    let counts: RegistrationCounts
    /// The confirmed participants who agreed to be listed, when the organiser publishes the list.
    let participants: [ParticipantLine]?

    func parties(_ role: EventPartyRole) -> [PartyLine] { parties.filter { $0.role == role.rawValue } }
}

extension EventStore {
    /// `includeHeldBack` shows speakers of sessions not yet announced (staff views). The event's
    /// own rows (sessions, parties, speakers, quotes, sub-events, parent, topics, sources) are
    /// read together (`together`: one statement on PostgreSQL); then the directory records they
    /// name (parties, speakers, quoted people, its place) are resolved in one lookup. Reads of
    /// registrations stay apart: one event may hold most of that table's rows, so PostgreSQL
    /// plans them for the event asked about on every run, and a statement holding them would
    /// be planned whole each time (1.1 ms of planning for 0.5 ms of work, measured).
    func detail(_ event: EventRecord, records: RecordLookups, publishedOnly: Bool = true, includeHeldBack: Bool = false) async throws -> EventDetail {
        try await detail(event, records: records, publishedOnly: publishedOnly, includeHeldBack: includeHeldBack, alongside: .known(())).detail
    }

    /// The detail, and what the caller reads alongside it (other capabilities' sections of the
    /// page), sent with the detail's own reads: one statement on PostgreSQL.
    func detail<Extra>(_ event: EventRecord, records: RecordLookups, publishedOnly: Bool = true, includeHeldBack: Bool = false,
                       alongside extra: PendingRead<Extra>) async throws -> (detail: EventDetail, extra: Extra) {
        let (sessions, parties, speakers, quotes, allParts, parent, topics, sources, extraAnswer) = try await sql.together(
            sessionsRead(of: event.id),
            partyRowsRead(of: event.id),
            speakerRowsRead(of: event.id, includeHeldBack: includeHeldBack),
            quoteRowsRead(of: event.id),
            PendingRead("SELECT * FROM events WHERE parent_id = \(bind: event.id) ORDER BY starts_at") { rows in try rows.map { try EventRecord(row: $0) } },
            event.parentId.map { findRead($0, publishedOnly: publishedOnly) } ?? .known(nil),
            records.linkedRead("topic", toSubjects: "event", ids: [event.id]),
            records.linkedRead("source", toSubjects: "event", ids: [event.id]),
            extra
        )
        let sessionTitles = Dictionary(uniqueKeysWithValues: sessions.map { ($0.id, $0.title) })
        var keys = parties.map { RecordKey(kind: $0.kind, id: $0.id) } + speakers.map { RecordKey(kind: "person", id: $0.personID) }
            + quotes.compactMap { $0.personID.map { RecordKey(kind: "person", id: $0) } }
        if let area = event.areaId { keys.append(RecordKey(kind: "area", id: area)) }
        let found = try await records.references(keys)

        var people: [String: [PartyLine]] = [:]
        for row in speakers {
            guard let person = found[RecordKey(kind: "person", id: row.personID)] else { continue }
            people[row.sessionID, default: []].append(PartyLine(person, role: row.role))
        }
        let detail = EventDetail(
            event: event,
            parties: parties.compactMap { row in found[RecordKey(kind: row.kind, id: row.id)].map { PartyLine($0, role: row.role) } },
            sessions: sessions.map { SessionLine(session: $0, people: people[$0.id] ?? []) },
            quotes: quotes.map { row in
                QuoteLine(id: row.id, text: row.text, person: row.personID.flatMap { found[RecordKey(kind: "person", id: $0)] }.map { PartyLine($0) },
                          sessionTitle: row.sessionID.flatMap { sessionTitles[$0] })
            },
            topics: topics[event.id] ?? [],
            sources: sources[event.id] ?? [],
            area: event.areaId.flatMap { found[RecordKey(kind: "area", id: $0)] }.map { PartyLine($0) },
            parent: parent,
            parts: publishedOnly ? allParts.filter(\.published) : allParts,
            counts: try await counts(of: event.id),
            participants: event.participantsPublic ? try await listedParticipants(of: event.id) : nil
        )
        return (detail, extraAnswer)
    }

    /// Hosts, partners, sponsors and funders in the order staff gave them.
    private func partyRowsRead(of eventID: String) -> PendingRead<[(kind: String, id: String, role: String)]> {
        PendingRead("SELECT role, party_kind, party_id FROM event_parties WHERE event_id = \(bind: eventID) ORDER BY position") { rows in
            try rows.map {
                (try $0.decode(column: "party_kind", as: String.self), try $0.decode(column: "party_id", as: String.self),
                 try $0.decode(column: "role", as: String.self))
            }
        }
    }

    /// Speakers and moderators of the event's sessions (of those whose speakers are announced,
    /// unless `includeHeldBack`), moderators last.
    private func speakerRowsRead(of eventID: String, includeHeldBack: Bool) -> PendingRead<[(sessionID: String, personID: String, role: String)]> {
        var query: ReadSQL = """
            SELECT sp.session_id, sp.person_id, sp.role FROM session_people sp JOIN event_sessions s ON s.id = sp.session_id
            WHERE s.event_id = \(bind: eventID)
            """
        if !includeHeldBack { query += " AND s.speakers_published = \(bind: true)" }
        return PendingRead(query + " ORDER BY sp.role DESC, sp.position") { rows in
            try rows.map {
                (try $0.decode(column: "session_id", as: String.self), try $0.decode(column: "person_id", as: String.self),
                 try $0.decode(column: "role", as: String.self))
            }
        }
    }

    private func quoteRowsRead(of eventID: String) -> PendingRead<[(id: String, text: String, personID: String?, sessionID: String?)]> {
        PendingRead("SELECT id, text, person_id, session_id FROM event_quotes WHERE event_id = \(bind: eventID) ORDER BY position") { rows in
            try rows.map {
                (try $0.decode(column: "id", as: String.self), try $0.decode(column: "text", as: String.self),
                 try $0.decode(column: "person_id", as: String?.self), try $0.decode(column: "session_id", as: String?.self))
            }
        }
    }

    func listedParticipants(of eventID: String) async throws -> [ParticipantLine] {
        try await sql.allRows(of: """
            SELECT name, organization, role FROM registrations WHERE event_id = \(bind: eventID)
            AND status = 'confirmed' AND listed = \(bind: true) ORDER BY name
            """ as ReadSQL).map {
            ParticipantLine(name: try $0.decode(column: "name", as: String.self), organization: try $0.decode(column: "organization", as: String?.self),
                            role: try $0.decode(column: "role", as: String.self))
        }
    }

    /// Events a directory record hosts, partners, funds or speaks at, and for an area the
    /// events held there: for its profile page, newest first, each with its roles (raw values;
    /// "venue" for an event held in the area). `UNION ALL`: the roles of an event met twice
    /// are gathered here, which spares the server deduplicating whole rows.
    func events(involving kind: String, id: String) async throws -> [(event: EventMention, roles: [String])] {
        try await sql.run(eventsRead(involving: kind, id: id))
    }

    func eventsRead(involving kind: String, id: String) -> PendingRead<[(event: EventMention, roles: [String])]> {
        let columns: ReadSQL = "\(unsafeRaw: EventMention.columns)"
        var query: ReadSQL = """
            SELECT \(columns), ep.role AS involvement FROM events e JOIN event_parties ep ON ep.event_id = e.id
            WHERE ep.party_kind = \(bind: kind) AND ep.party_id = \(bind: id) AND e.published = \(bind: true)
            """
        if kind == "person" {
            query += """
                 UNION ALL SELECT \(columns), sp.role AS involvement FROM events e JOIN event_sessions s ON s.event_id = e.id
                JOIN session_people sp ON sp.session_id = s.id
                WHERE sp.person_id = \(bind: id) AND e.published = \(bind: true) AND s.speakers_published = \(bind: true)
                """
        }
        if kind == "area" {
            query += " UNION ALL SELECT \(columns), 'venue' AS involvement FROM events e WHERE e.area_id = \(bind: id) AND e.published = \(bind: true)"
        }
        query += " ORDER BY starts_at DESC, id, involvement"
        return PendingRead(query) { rows in
            var seen: [String: Int] = [:]
            var result: [(event: EventMention, roles: [String])] = []
            for row in rows {
                let role = try row.decode(column: "involvement", as: String.self)
                let eventID = try row.decode(column: "id", as: String.self)
                if let index = seen[eventID] {
                    if !result[index].roles.contains(role) { result[index].roles.append(role) }
                } else {
                    seen[eventID] = result.count
                    result.append((try EventMention(row: row), [role]))
                }
            }
            return result
        }
    }
}

extension Optional {
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
