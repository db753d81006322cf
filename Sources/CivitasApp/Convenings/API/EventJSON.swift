import CivitasCore
import Foundation

/// The wire format of events: the JSON API and the schema.org description share the
/// facts but not the vocabulary, so each has its own builder.
enum EventJSON {
    static func summary(_ event: EventRecord, publicURL: String) -> JSONValue {
        [
            "id": .string(event.id), "slug": .string(event.slug), "title": .string(event.title), "kind": .string(event.kind),
            "summary": .optional(event.summary), "status": .string(event.status), "attendance_mode": .string(event.attendanceMode),
            "start": .string(event.isoStart), "end": .string(event.isoEnd), "schedule": .string(event.schedule),
            "time_zone": .string(event.timeZone), "venue": .optional(event.venue), "area_id": .optional(event.areaId),
            "series": .optional(event.series), "parent_id": .optional(event.parentId), "registration_mode": .string(event.registrationMode),
            "capacity": event.capacity.map { .int($0) } ?? .null,
            "url": .string(publicURL + ConveningsURL.event(event.slug).path),
            "calendar_url": .string(publicURL + ConveningsURL.eventCalendar(event.slug).path),
        ]
    }

    static func detail(_ detail: EventDetail, publicURL: String) -> JSONValue {
        guard case .object(var object) = summary(detail.event, publicURL: publicURL) else { return .null }
        let event = detail.event, zone = event.zone
        func party(_ line: PartyLine) -> JSONValue {
            ["kind": .string(line.kind.rawValue), "id": .string(line.id), "slug": .string(line.slug), "name": .string(line.title), "role": .string(line.role)]
        }
        object["description"] = .optional(event.description)
        object["hosts"] = .array((detail.parties(.host) + detail.parties(.coHost)).map(party))
        object["partners"] = .array((detail.parties(.partner) + detail.parties(.sponsor) + detail.parties(.funder)).map(party))
        object["area"] = detail.area.map(party) ?? .null
        object["topics"] = .array(detail.topics.map { ["id": .string($0.id), "slug": .string($0.slug), "name": .string($0.name)] })
        object["sessions"] = .array(detail.sessions.map { line in
            let session = line.session
            return [
                "id": .string(session.id), "title": .string(session.title), "kind": .string(session.kind),
                // A session known by its day alone gives its date, with no time.
                "start": .string(session.isWholeDay ? ZonedTime.dayKey(session.startsAt, in: zone) : ZonedTime.iso8601(session.startsAt, in: zone)),
                "end": session.isWholeDay ? .null : .string(ZonedTime.iso8601(session.endsAt, in: zone)),
                "schedule": .string(session.schedule),
                "room": .optional(session.room), "description": .optional(session.description),
                "questions": .array(session.questionList.map { .string($0) }),
                "people": .array(line.people.map(party)),
            ]
        })
        object["parts"] = .array(detail.parts.map { summary($0, publicURL: publicURL) })
        object["registrations"] = [
            "confirmed": .int(detail.counts.confirmed), "waitlisted": .int(detail.counts.waitlisted),
            "remaining": detail.counts.remaining(capacity: event.capacity).map { .int($0) } ?? .null,
        ]
        object["participants"] = detail.participants.map { list in
            .array(list.map { ["name": .string($0.name), "organization": .optional($0.organization), "role": .string($0.role)] })
        } ?? .null
        object["highlights"] = .optional(event.highlights)
        object["dates_note"] = .optional(event.datesNote)
        object["attendance"] = event.attendanceCount.map { .int($0) } ?? .null
        object["quotes"] = .array(detail.quotes.map { quote in
            ["text": .string(quote.text), "person": quote.person.map(party) ?? .null, "session": .optional(quote.sessionTitle)]
        })
        object["resources"] = .array(detail.resources.map { ["title": .string($0.title), "url": .string($0.url)] })
        return .object(object)
    }

    /// schema.org Event, with organizer, sponsor, funder, capacity and sub-events.
    static func schemaOrg(_ detail: EventDetail, publicURL: String) -> JSONValue {
        let event = detail.event, zone = event.zone
        let url = publicURL + ConveningsURL.event(event.slug).path
        func thing(_ line: PartyLine) -> JSONValue {
            let type = line.kind == .person ? "Person" : (line.kind == .area ? "Place" : "Organization")
            return ["@type": .string(type), "name": .string(line.title), "url": .string(publicURL + DirectoryURL.record(line.kind, line.slug).path)]
        }
        var object: [String: JSONValue] = [
            "@context": "https://schema.org", "@type": "Event", "@id": .string(url), "url": .string(url), "name": .string(event.title),
            "startDate": .string(event.isoStart), "endDate": .string(event.isoEnd),
            "eventAttendanceMode": .string(event.mode.schemaOrg), "eventStatus": .string(event.eventStatus.schemaOrg),
            "organizer": .array((detail.parties(.host) + detail.parties(.coHost)).map(thing)),
            "sponsor": .array((detail.parties(.partner) + detail.parties(.sponsor)).map(thing)),
            "funder": .array(detail.parties(.funder).map(thing)),
        ]
        if let summary = event.summary { object["description"] = .string(summary) }
        var place: [String: JSONValue] = ["@type": "Place"]
        if let venue = event.venue { place["name"] = .string(venue) }
        if let area = detail.area { place["address"] = .string(area.title) }
        switch event.mode {
        case .inPerson: object["location"] = .object(place)
        case .online: object["location"] = ["@type": "VirtualLocation", "url": .string(url)]
        case .hybrid: object["location"] = [.object(place), ["@type": "VirtualLocation", "url": .string(url)]]
        }
        if let capacity = event.capacity {
            object["maximumAttendeeCapacity"] = .int(capacity)
            object["remainingAttendeeCapacity"] = .int(detail.counts.remaining(capacity: capacity) ?? 0)
        }
        let subEvents: [JSONValue] = detail.sessions.map { line in
            ["@type": "Event", "name": .string(line.session.title),
             "startDate": .string(line.session.isWholeDay ? ZonedTime.dayKey(line.session.startsAt, in: zone) : ZonedTime.iso8601(line.session.startsAt, in: zone)),
             "endDate": .string(line.session.isWholeDay ? ZonedTime.dayKey(line.session.startsAt, in: zone) : ZonedTime.iso8601(line.session.endsAt, in: zone)),
             "performer": .array(line.people.map(thing))]
        } + detail.parts.map { part in
            ["@type": "Event", "name": .string(part.title), "url": .string(publicURL + ConveningsURL.event(part.slug).path),
             "startDate": .string(part.isoStart)]
        }
        if !subEvents.isEmpty { object["subEvent"] = .array(subEvents) }
        if let parent = detail.parent { object["superEvent"] = ["@type": "Event", "name": .string(parent.title), "url": .string(publicURL + ConveningsURL.event(parent.slug).path)] }
        return .object(object)
    }
}
