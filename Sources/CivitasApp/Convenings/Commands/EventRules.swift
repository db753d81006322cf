import CivitasCore
import Foundation

/// Checks an event form and turns it into the values to store. Every problem is reported
/// against its field, in words that say what to type instead.
struct ParsedEvent: Sendable {
    var event: EventRecord
    var topicIDs: [String]
    var sourceIDs: [String]
    var parties: [(role: EventPartyRole, party: PartyReference)]
    var requestedSlug: String?
}

enum EventRules {
    static func parse(_ input: EventInput, base: EventRecord) -> (ParsedEvent?, [String: String]) {
        var errors: [String: String] = [:]
        var event = base
        func text(_ name: String, max: Int = 200, required: Bool = false) -> String? {
            let value = input[name]
            if value.isEmpty {
                if required { errors[name] = "is required" }
                return nil
            }
            if value.count > max { errors[name] = "must be at most \(max) characters" }
            return value
        }
        func vocabulary<V: Vocabulary>(_ name: String, _ type: V.Type) -> V? {
            guard let value = V(rawValue: input[name]) else {
                errors[name] = input[name].isEmpty ? "is required" : "must be one of \(V.choicesText)"
                return nil
            }
            return value
        }
        func count(_ name: String) -> Int? {
            guard !input[name].isEmpty else { return nil }
            guard let number = Int(input[name]), number >= 0, number <= 10_000_000 else {
                errors[name] = "must be a whole number, 0 or more"
                return nil
            }
            return number
        }

        event.title = text("title", required: true) ?? ""
        event.kind = vocabulary("kind", EventKind.self)?.rawValue ?? event.kind
        event.summary = text("summary", max: 1000)
        event.description = text("description", max: 20000)
        event.attendanceMode = vocabulary("attendance_mode", AttendanceMode.self)?.rawValue ?? event.attendanceMode
        event.status = vocabulary("status", EventStatus.self)?.rawValue ?? event.status
        event.registrationMode = vocabulary("registration_mode", RegistrationMode.self)?.rawValue ?? event.registrationMode
        event.venue = text("venue", max: 300)
        event.areaId = text("area_id")
        event.series = text("series")
        event.parentId = text("parent_id")
        event.highlights = text("highlights", max: 20000)
        event.datesNote = text("dates_note", max: 500)
        event.capacity = count("capacity")
        event.attendanceCount = count("attendance_count")
        event.participantsPublic = input["participants_public"] == "true"
        event.published = input["published"] == "true"

        event.onlineUrl = text("online_url", max: 1000)
        if let url = event.onlineUrl {
            if let address = WebAddress(url) { event.onlineUrl = address.text } else { errors["online_url"] = WebAddress.requirement }
        }

        let zoneText = input["time_zone"]
        let zone = TimeZone(identifier: zoneText)
        if zoneText.isEmpty { errors["time_zone"] = "is required" }
        else if zone == nil || !zoneText.contains("/") && zoneText != "UTC" {
            errors["time_zone"] = "must be an IANA time zone such as America/New_York or Europe/Paris"
        } else { event.timeZone = zoneText }

        if let zone, errors["time_zone"] == nil {
            func time(_ name: String, required: Bool) -> Date? {
                guard !input[name].isEmpty else {
                    if required { errors[name] = "is required" }
                    return nil
                }
                guard let date = ZonedTime.parse(input[name], in: zone) else {
                    errors[name] = "must be a date and time such as 2026-01-24T09:00"
                    return nil
                }
                return date
            }
            let schedule = input["schedule"].isEmpty ? EventSchedule.times : EventSchedule(rawValue: input["schedule"])
            if schedule == nil { errors["schedule"] = "must be one of \(EventSchedule.choicesText)" }
            event.schedule = (schedule ?? .times).rawValue
            if schedule == .month {
                // A month: any day in it will do, and no end is needed.
                if input["starts_at"].isEmpty { errors["starts_at"] = "is required" }
                else if let first = ZonedTime.parseMonth(input["starts_at"], in: zone) {
                    event.startsAt = first
                    event.endsAt = ZonedTime.startOfMonth(first, adding: 1, in: zone)
                } else { errors["starts_at"] = "must be a month such as 2026-10" }
            } else if schedule == .days {
                // Whole days: the dates count, any time typed with them does not.
                func day(_ name: String) -> Date? {
                    guard !input[name].isEmpty else { errors[name] = "is required"; return nil }
                    guard let date = ZonedTime.parseDay(input[name], in: zone) else {
                        errors[name] = "must be a date such as 2026-01-24"
                        return nil
                    }
                    return date
                }
                let first = day("starts_at"), last = day("ends_at")
                if let first { event.startsAt = first }
                if let last { event.endsAt = ZonedTime.startOfDay(last, adding: 1, in: zone) }
                if let first, let last, last < first { errors["ends_at"] = "must not be before the first day" }
            } else {
                let start = time("starts_at", required: true), end = time("ends_at", required: true)
                if let start { event.startsAt = start }
                if let end { event.endsAt = end }
                if let start, let end, end <= start { errors["ends_at"] = "must be after the start" }
            }
            event.registrationOpensAt = time("registration_opens_at", required: false)
            event.registrationClosesAt = time("registration_closes_at", required: false)
            if let opens = event.registrationOpensAt, let closes = event.registrationClosesAt, closes <= opens {
                errors["registration_closes_at"] = "must be after registration opens"
            }
        }

        var parties: [(EventPartyRole, PartyReference)] = []
        for role in EventPartyRole.allCases {
            for value in input.parties[role] ?? [] {
                guard let party = PartyReference(value) else {
                    errors["\(role.rawValue)_ids"] = "must name organizations, people or areas as kind:id"
                    continue
                }
                parties.append((role, party))
            }
        }

        for (name, value) in input.values where TextInput.hasControlCharacters(value) {
            errors[name] = "must not contain control characters"
        }
        for (name, value) in input.values where !EventInput.multiLineFields.contains(name) && TextInput.hasLineBreaksOrControls(value) {
            errors[name] = "must be one line, without line breaks, tabs or control characters"
        }
        guard errors.isEmpty else { return (nil, errors) }
        let slug = input["slug"].lowercased()
        return (ParsedEvent(event: event, topicIDs: input.topicIDs, sourceIDs: input.sourceIDs, parties: parties,
                            requestedSlug: slug.isEmpty ? nil : slug), [:])
    }

    /// A blank event for the "new event" form and for parsing a new one.
    static func blank(id: String, now: Date) -> EventRecord {
        EventRecord(id: id, slug: "", title: "", kind: EventKind.conference.rawValue, summary: nil, description: nil,
                    startsAt: now, endsAt: now, timeZone: "America/New_York", schedule: EventSchedule.times.rawValue, attendanceMode: AttendanceMode.inPerson.rawValue,
                    venue: nil, areaId: nil, onlineUrl: nil, series: nil, parentId: nil, status: EventStatus.scheduled.rawValue,
                    registrationMode: RegistrationMode.closed.rawValue, capacity: nil, registrationOpensAt: nil,
                    registrationClosesAt: nil, participantsPublic: false, highlights: nil, attendanceCount: nil,
                    datesNote: nil, sequence: 0, published: true, createdAt: now, updatedAt: now)
    }
}
