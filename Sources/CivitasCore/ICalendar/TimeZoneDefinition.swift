import Foundation
import Synchronization

/// The VTIMEZONE of an IANA zone over a span of time, made from the zone's own offset
/// transitions (Foundation's copy of the tz database), so calendars that do not know the
/// zone still place the event at the right instant.
struct TimeZoneDefinition {
    let timeZone: TimeZone
    let from: Date
    let to: Date

    func write(into lines: inout ContentLines) {
        // Finding a zone's transitions is slow next to the rest of a calendar, and every
        // registration mail carries one: the same zone over the same span is made once.
        let key = "\(timeZone.identifier)|\(from.timeIntervalSince1970)|\(to.timeIntervalSince1970)"
        if let cached = Self.cache.withLock({ $0[key] }) {
            lines.append(cached)
            return
        }
        var definition = ContentLines()
        writeFresh(into: &definition)
        Self.cache.withLock { cache in
            if cache.count > 256 { cache.removeAll() }
            cache[key] = definition
        }
        lines.append(definition)
    }

    private static let cache = Mutex<[String: ContentLines]>([:])

    private func writeFresh(into lines: inout ContentLines) {
        lines.add("BEGIN", "VTIMEZONE")
        lines.add("TZID", timeZone.identifier)
        var cursor = from
        let initialOffset = timeZone.secondsFromGMT(for: from)
        // The rules in force at the start of the span: one observance with no change.
        observance(isDaylight: timeZone.isDaylightSavingTime(for: from), onset: from, offsetFrom: initialOffset,
                   offsetTo: initialOffset, name: timeZone.abbreviation(for: from), into: &lines)
        while let transition = timeZone.nextDaylightSavingTimeTransition(after: cursor), transition <= to {
            let before = timeZone.secondsFromGMT(for: transition.addingTimeInterval(-1))
            let after = timeZone.secondsFromGMT(for: transition)
            observance(isDaylight: timeZone.isDaylightSavingTime(for: transition), onset: transition, offsetFrom: before,
                       offsetTo: after, name: timeZone.abbreviation(for: transition), into: &lines)
            cursor = transition
        }
        lines.add("END", "VTIMEZONE")
    }

    private func observance(isDaylight: Bool, onset: Date, offsetFrom: Int, offsetTo: Int, name: String?, into lines: inout ContentLines) {
        let kind = isDaylight ? "DAYLIGHT" : "STANDARD"
        lines.add("BEGIN", kind)
        // The onset is written in local time as it was before the change (RFC 5545 3.6.5).
        lines.add("DTSTART", ICalendarFormat.localDateTime(onset, offset: offsetFrom))
        lines.add("TZOFFSETFROM", ICalendarFormat.offset(offsetFrom))
        lines.add("TZOFFSETTO", ICalendarFormat.offset(offsetTo))
        if let name { lines.addText("TZNAME", name) }
        lines.add("END", kind)
    }
}

/// Date and offset formats of RFC 5545.
public enum ICalendarFormat {
    /// `20190515T180000Z`
    public static func utc(_ date: Date) -> String { localDateTime(date, offset: 0) + "Z" }

    /// `20190515`: the calendar day of `date` in `zone`.
    public static func date(_ date: Date, in zone: TimeZone) -> String {
        String(localDateTime(date, offset: zone.secondsFromGMT(for: date)).prefix(8))
    }

    /// `20190515T130000`: the wall-clock time at `offset` seconds from UTC.
    static func localDateTime(_ date: Date, offset: Int) -> String {
        CivilTime(date, offset: offset).compactStamp
    }

    /// `-0500`, `+0530`
    static func offset(_ seconds: Int) -> String {
        CivilTime.offsetText(seconds, separator: "")
    }
}
