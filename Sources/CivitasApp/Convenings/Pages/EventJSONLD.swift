import CivitasCore
import Foundation

/// An event as schema.org describes it, for the JSON-LD of its page (the API has its own
/// shape, `EventDetailBody`).
enum EventJSONLD {
    /// schema.org Event, with organizer, sponsor, funder, capacity and sub-events.
    static func schemaOrg(_ detail: EventDetail, publicURL: String) -> JSONValue {
        let event = detail.event, zone = event.zone
        let url = publicURL + ConveningsURL.event(event.slug).path
        func thing(_ line: PartyLine) -> JSONValue {
            let type = line.isPerson ? "Person" : (line.kind == "area" ? "Place" : "Organization")
            return ["@type": .string(type), "name": .string(line.title), "url": .string(publicURL + line.link.path)]
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
        return SchemaOrgList.graph(.object(object), breadcrumb: [("Events", ConveningsURL.events.path), (event.title, ConveningsURL.event(event.slug).path)],
                                   baseURL: publicURL)
    }
}
