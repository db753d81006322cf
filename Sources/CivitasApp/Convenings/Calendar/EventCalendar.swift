import CivitasCore
import Foundation

/// Events as iCalendar entries: one per event, with a UID that never changes, the
/// event's SEQUENCE, its status, and a link back to its page.
enum EventCalendar {
    static func entry(_ event: EventRecord, area: String? = nil, publicURL: String) -> CalendarEvent {
        // A month without its days is in calendars as the whole month, marked tentative.
        let status: CalendarEvent.Status = switch event.eventStatus {
        case .scheduled: event.dateSchedule == .month ? .tentative : .confirmed
        case .postponed: .tentative
        case .cancelled: .cancelled
        }
        let location = [event.venue, area].compactMap { $0 }.joined(separator: ", ")
        var summary = event.title
        if event.eventStatus != .scheduled { summary = "\(event.eventStatus.label.uppercased()): \(summary)" }
        return CalendarEvent(
            // The event's id alone: stable when the site moves to another address
            // (CIVITAS_PUBLIC_URL), so calendars keep one entry per event.
            uid: "\(event.id)@civitas", sequence: event.sequence, stamp: event.updatedAt,
            start: event.startsAt, end: event.endsAt, timeZone: event.zone, summary: summary,
            description: event.summary, location: location.isEmpty ? nil : location,
            url: publicURL + ConveningsURL.event(event.slug).path, status: status, categories: [event.eventKind.label],
            allDay: event.allDay)
    }

    static func document(_ events: [EventRecord], name: String?, areas: [String: String] = [:], publicURL: String) -> String {
        ICalendar(name: name, events: events.map { entry($0, area: $0.areaId.flatMap { areas[$0] }, publicURL: publicURL) }).render()
    }
}

/// "Add to calendar" links for an event page.
enum AddToCalendarLinks {
    static func google(_ event: EventRecord, location: String?, publicURL: String) -> WebAddress? {
        let items: [(String, String)] = [
            ("action", "TEMPLATE"), ("text", event.title),
            ("dates", event.allDay
                ? "\(ICalendarFormat.date(event.startsAt, in: event.zone))/\(ICalendarFormat.date(event.endsAt, in: event.zone))"
                : "\(ICalendarFormat.utc(event.startsAt))/\(ICalendarFormat.utc(event.endsAt))"),
            ("ctz", event.timeZone), ("details", (event.summary ?? "") + "\n" + publicURL + ConveningsURL.event(event.slug).path),
            ("location", location ?? ""),
        ]
        return googleCalendar.addingQuery(items.filter { !$0.1.isEmpty })
    }

    static func outlook(_ event: EventRecord, location: String?, publicURL: String) -> WebAddress? {
        let items: [(String, String)] = [
            ("path", "/calendar/action/compose"), ("rru", "addevent"), ("subject", event.title),
            ("startdt", event.allDay ? event.isoStart : ZonedTime.iso8601(event.startsAt, in: .gmt)),
            ("enddt", event.allDay ? ZonedTime.dayKey(event.endsAt, in: event.zone) : ZonedTime.iso8601(event.endsAt, in: .gmt)),
            ("allday", event.allDay ? "true" : ""),
            ("body", (event.summary ?? "") + "\n" + publicURL + ConveningsURL.event(event.slug).path), ("location", location ?? ""),
        ]
        return outlookCalendar.addingQuery(items.filter { !$0.1.isEmpty })
    }

    private static let googleCalendar = WebAddress("https://calendar.google.com/calendar/render")!
    private static let outlookCalendar = WebAddress("https://outlook.live.com/calendar/0/deeplink/compose")!
}
