import CivitasCore
import Foundation
import OpenAPIKit

/// An event as lists show it.
struct EventSummaryBody: APIBody {
    let id: String
    let slug: String
    let title: String
    let kind: String
    @Nullable var summary: String?
    let status: String
    let attendanceMode: String
    let start: String
    let end: String
    let schedule: String
    let timeZone: String
    @Nullable var venue: String?
    @Nullable var areaId: String?
    @Nullable var series: String?
    @Nullable var parentId: String?
    let registrationMode: String
    @Nullable var capacity: Int?
    let url: String
    let calendarURL: String

    init(_ event: EventRecord, publicURL: String) {
        id = event.id
        slug = event.slug
        title = event.title
        kind = event.kind
        summary = event.summary
        status = event.status
        attendanceMode = event.attendanceMode
        start = event.isoStart
        end = event.isoEnd
        schedule = event.schedule
        timeZone = event.timeZone
        venue = event.venue
        areaId = event.areaId
        series = event.series
        parentId = event.parentId
        registrationMode = event.registrationMode
        capacity = event.capacity
        url = publicURL + ConveningsURL.event(event.slug).path
        calendarURL = publicURL + ConveningsURL.eventCalendar(event.slug).path
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, slug, title, kind, summary, status, start, end, schedule, venue, series, capacity, url
        case attendanceMode = "attendance_mode", timeZone = "time_zone", areaId = "area_id", parentId = "parent_id"
        case registrationMode = "registration_mode", calendarURL = "calendar_url"
    }

    static var properties: OrderedDictionary<String, JSONSchema> {
        [
            "id": .string, "slug": .string, "title": .string,
            "kind": .choice(EventKind.allCases.map(\.rawValue)),
            "summary": .text(),
            "status": .choice(EventStatus.allCases.map(\.rawValue)),
            "attendance_mode": .choice(AttendanceMode.allCases.map(\.rawValue)),
            "start": .string(description: "Date-time with the zone's offset; the first date (YYYY-MM-DD) when schedule is days; the month (YYYY-MM) when it is month"),
            "end": .string(description: "Date-time with the zone's offset; the last date (YYYY-MM-DD) when schedule is days; the month (YYYY-MM) when it is month"),
            "schedule": .choice(EventSchedule.allCases.map(\.rawValue), description: "How precisely the dates are known: times, whole days, or the month only"),
            "time_zone": .string(description: "IANA time zone the event is held in"),
            "venue": .text(),
            "area_id": .text("The area (city, country) it is held in"),
            "series": .text("The series it belongs to (e.g. annual meetings)"),
            "parent_id": .text("The event it is part of"),
            "registration_mode": .choice(RegistrationMode.allCases.map(\.rawValue)),
            "capacity": .integer(nullable: true, minimum: (0, exclusive: false)),
            "url": .url, "calendar_url": .url,
        ]
    }

    static var schema: JSONSchema { .record(properties, description: "An event") }
}

/// One event with its programme, parties, quotes and registration counts.
struct EventDetailBody: APIBody {
    let summary: EventSummaryBody
    let description: String?
    let hosts: [PartyBody]
    let partners: [PartyBody]
    let area: PartyBody?
    let topics: [TopicBody]
    let sessions: [SessionBody]
    let parts: [EventSummaryBody]
    let registrations: RegistrationCountsBody
    let participants: [ParticipantBody]?
    let highlights: String?
    let datesNote: String?
    let attendance: Int?
    let quotes: [QuoteBody]

    init(_ detail: EventDetail, publicURL: String) {
        let event = detail.event
        summary = EventSummaryBody(event, publicURL: publicURL)
        description = event.description
        hosts = (detail.parties(.host) + detail.parties(.coHost)).map(PartyBody.init)
        partners = (detail.parties(.partner) + detail.parties(.sponsor) + detail.parties(.funder)).map(PartyBody.init)
        area = detail.area.map(PartyBody.init)
        topics = detail.topics.map { TopicBody(id: $0.id, slug: $0.slug, name: $0.title) }
        sessions = detail.sessions.map { SessionBody($0, zone: event.zone) }
        parts = detail.parts.map { EventSummaryBody($0, publicURL: publicURL) }
        registrations = RegistrationCountsBody(confirmed: detail.counts.confirmed, waitlisted: detail.counts.waitlisted,
                                               remaining: detail.counts.remaining(capacity: event.capacity))
        participants = detail.participants?.map { ParticipantBody(name: $0.name, organization: $0.organization, role: $0.role) }
        highlights = event.highlights
        datesNote = event.datesNote
        attendance = event.attendanceCount
        quotes = detail.quotes.map { QuoteBody(text: $0.text, person: $0.person.map(PartyBody.init), session: $0.sessionTitle) }
    }

    enum CodingKeys: String, CodingKey {
        case description, hosts, partners, area, topics, sessions, parts, registrations, participants, highlights, attendance, quotes
        case datesNote = "dates_note"
    }

    /// The summary's fields, then the detail's, in one object.
    func encode(to encoder: any Encoder) throws {
        try summary.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(description, forKey: .description)
        try container.encode(hosts, forKey: .hosts)
        try container.encode(partners, forKey: .partners)
        try container.encode(area, forKey: .area)
        try container.encode(topics, forKey: .topics)
        try container.encode(sessions, forKey: .sessions)
        try container.encode(parts, forKey: .parts)
        try container.encode(registrations, forKey: .registrations)
        try container.encode(participants, forKey: .participants)
        try container.encode(highlights, forKey: .highlights)
        try container.encode(datesNote, forKey: .datesNote)
        try container.encode(attendance, forKey: .attendance)
        try container.encode(quotes, forKey: .quotes)
    }

    static var schema: JSONSchema {
        var properties = EventSummaryBody.properties
        properties["description"] = .text()
        properties["hosts"] = .array(items: PartyBody.schema)
        properties["partners"] = .array(description: "Partners, sponsors and funders", items: PartyBody.schema)
        properties["area"] = PartyBody.schema.nullableSchemaObject()
        properties["topics"] = .array(items: TopicBody.schema)
        properties["sessions"] = .array(description: "The programme, in order", items: SessionBody.schema)
        properties["parts"] = .array(description: "Events that are part of this one", items: EventSummaryBody.schema)
        properties["registrations"] = RegistrationCountsBody.schema
        properties["participants"] = .array(nullable: true, description: "Confirmed participants who agreed to be listed; null unless the organiser publishes the list",
                                            items: ParticipantBody.schema)
        properties["highlights"] = .text("What happened, for past events")
        properties["dates_note"] = .text("Why the dates are approximate, when they are")
        properties["attendance"] = .integer(nullable: true, description: "How many attended, when known", minimum: (0, exclusive: false))
        properties["quotes"] = .array(items: QuoteBody.schema)
        return .record(properties, description: "An event with its programme")
    }
}

/// A directory record taking part in an event (host, partner, speaker, its area).
struct PartyBody: APIBody {
    let kind: String
    let id: String
    let slug: String
    let name: String
    let role: String

    init(_ line: PartyLine) {
        kind = line.kind
        id = line.id
        slug = line.slug
        name = line.title
        role = line.role
    }

    static var schema: JSONSchema {
        .record([
            "kind": .choice(["person", "organization", "area"]), "id": .string, "slug": .string, "name": .string,
            "role": .string(description: "Its part: host, co_host, partner, sponsor, funder, speaker, moderator...; empty for an area"),
        ])
    }
}

struct TopicBody: APIBody {
    let id: String
    let slug: String
    let name: String

    static var schema: JSONSchema { .record(["id": .string, "slug": .string, "name": .string]) }
}

/// A session of the programme; one known by its day alone has a date and no end.
struct SessionBody: APIBody {
    let id: String
    let title: String
    let kind: String
    let start: String
    @Nullable var end: String?
    let schedule: String
    @Nullable var room: String?
    @Nullable var description: String?
    let questions: [String]
    let people: [PartyBody]

    init(_ line: SessionLine, zone: TimeZone) {
        let session = line.session
        id = session.id
        title = session.title
        kind = session.kind
        start = session.isWholeDay ? ZonedTime.dayKey(session.startsAt, in: zone) : ZonedTime.iso8601(session.startsAt, in: zone)
        end = session.isWholeDay ? nil : ZonedTime.iso8601(session.endsAt, in: zone)
        schedule = session.schedule
        room = session.room
        description = session.description
        questions = session.questionList
        people = line.people.map(PartyBody.init)
    }

    static var schema: JSONSchema {
        .record([
            "id": .string, "title": .string, "kind": .choice(SessionKind.allCases.map(\.rawValue)),
            "start": .string(description: "Date-time with the zone's offset, or the date (YYYY-MM-DD) when schedule is day"),
            "end": .text("Date-time with the zone's offset; null when schedule is day"),
            "schedule": .choice(SessionSchedule.allCases.map(\.rawValue), description: "times, or day when only the day is known"),
            "room": .text(), "description": .text(),
            "questions": .array(description: "Questions the session asks", items: .string),
            "people": .array(description: "Speakers and moderators, once the organiser publishes them", items: PartyBody.schema),
        ])
    }
}

struct RegistrationCountsBody: APIBody {
    let confirmed: Int
    let waitlisted: Int
    @Nullable var remaining: Int?

    static var schema: JSONSchema {
        .record([
            "confirmed": .integer(minimum: (0, exclusive: false)), "waitlisted": .integer(minimum: (0, exclusive: false)),
            "remaining": .integer(nullable: true, description: "Places left; null when there is no capacity", minimum: (0, exclusive: false)),
        ])
    }
}

struct ParticipantBody: APIBody {
    let name: String
    @Nullable var organization: String?
    let role: String

    static var schema: JSONSchema {
        .record(["name": .string, "organization": .text(), "role": .choice(ParticipantRole.allCases.map(\.rawValue))])
    }
}

struct QuoteBody: APIBody {
    let text: String
    @Nullable var person: PartyBody?
    @Nullable var session: String?

    static var schema: JSONSchema {
        .record(["text": .string, "person": PartyBody.schema.nullableSchemaObject(), "session": .text("The session's title")])
    }
}
