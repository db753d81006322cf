import Foundation

/// An iCalendar document (RFC 5545): one event for an event's `.ics`, or many for a
/// subscribable feed. Each time zone used gets one VTIMEZONE covering the events in it.
public struct ICalendar: Sendable {
    public var productID: String
    /// The feed's name, shown by calendar applications that subscribe to it.
    public var name: String?
    public var events: [CalendarEvent]

    public init(productID: String = "-//Civitas//Civitas//EN", name: String? = nil, events: [CalendarEvent]) {
        self.productID = productID
        self.name = name
        self.events = events
    }

    public func render() -> String {
        var lines = ContentLines()
        lines.add("BEGIN", "VCALENDAR")
        lines.add("VERSION", "2.0")
        lines.addText("PRODID", productID)
        lines.add("CALSCALE", "GREGORIAN")
        lines.add("METHOD", "PUBLISH")
        if let name { lines.addText("X-WR-CALNAME", name) }
        for (zone, zoneEvents) in Dictionary(grouping: events.filter { !$0.allDay }, by: \.timeZone.identifier).sorted(by: { $0.key < $1.key }) {
            guard let timeZone = zoneEvents.first?.timeZone, zone != "UTC", zone != "GMT" else { continue }
            // A year either side covers the events' own dates and any recurrence of the rules around them.
            let from = zoneEvents.map(\.start).min()!.addingTimeInterval(-366 * 86_400)
            let to = zoneEvents.map(\.end).max()!.addingTimeInterval(366 * 86_400)
            TimeZoneDefinition(timeZone: timeZone, from: from, to: to).write(into: &lines)
        }
        for event in events { write(event, into: &lines) }
        lines.add("END", "VCALENDAR")
        return lines.text
    }

    private func write(_ event: CalendarEvent, into lines: inout ContentLines) {
        lines.add("BEGIN", "VEVENT")
        lines.addText("UID", event.uid)
        lines.add("DTSTAMP", ICalendarFormat.utc(event.stamp))
        lines.add("LAST-MODIFIED", ICalendarFormat.utc(event.stamp))
        lines.add("SEQUENCE", String(event.sequence))
        let zone = event.timeZone.identifier
        if event.allDay {
            // The days as the event's zone sees them; DTEND is the day after the last.
            lines.add("DTSTART;VALUE=DATE", ICalendarFormat.date(event.start, in: event.timeZone))
            lines.add("DTEND;VALUE=DATE", ICalendarFormat.date(event.end, in: event.timeZone))
        } else if zone == "UTC" || zone == "GMT" {
            lines.add("DTSTART", ICalendarFormat.utc(event.start))
            lines.add("DTEND", ICalendarFormat.utc(event.end))
        } else {
            lines.add("DTSTART;TZID=\(zone)", ICalendarFormat.localDateTime(event.start, offset: event.timeZone.secondsFromGMT(for: event.start)))
            lines.add("DTEND;TZID=\(zone)", ICalendarFormat.localDateTime(event.end, offset: event.timeZone.secondsFromGMT(for: event.end)))
        }
        lines.addText("SUMMARY", event.summary)
        if let description = event.description { lines.addText("DESCRIPTION", description) }
        if let location = event.location { lines.addText("LOCATION", location) }
        if let url = event.url { lines.add("URL", url) }
        lines.add("STATUS", event.status.rawValue)
        if !event.categories.isEmpty { lines.add("CATEGORIES", event.categories.map(ContentLines.escape).joined(separator: ",")) }
        lines.add("END", "VEVENT")
    }
}
