import Foundation

/// Times of events: stored in UTC, entered and shown in the event's IANA time zone.
public enum ZonedTime {
    /// Reads a local date and time as typed in a form (`2018-01-24T10:00`, seconds optional)
    /// in `zone`. Returns nil when the text is not such a time.
    public static func parse(_ text: String, in zone: TimeZone) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "T")
        let parts = trimmed.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let date = parts[0].split(separator: "-"), time = parts[1].split(separator: ":")
        guard date.count == 3, (2...3).contains(time.count), date[0].count == 4,
              let year = Int(date[0]), let month = Int(date[1]), let day = Int(date[2]),
              let hour = Int(time[0]), let minute = Int(time[1]),
              (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        let second = time.count == 3 ? Int(time[2]) ?? -1 : 0
        guard (0...59).contains(second) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let result = calendar.date(from: components),
              calendar.dateComponents([.year, .month, .day], from: result) == DateComponents(year: year, month: month, day: day) else { return nil }
        return result
    }

    /// Reads a day (`2015-08-13`, or a local time whose time part is ignored) and returns
    /// the midnight that starts it in `zone`: how whole-day events are stored.
    public static func parseDay(_ text: String, in zone: TimeZone) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let day = trimmed.split(separator: "T", maxSplits: 1).first.map(String.init) ?? trimmed
        return parse(day + "T00:00", in: zone)
    }

    /// The midnight `days` days after `date`'s own midnight in `zone` (daylight-saving safe).
    public static func startOfDay(_ date: Date, adding days: Int = 0, in zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let start = calendar.startOfDay(for: date)
        return calendar.date(byAdding: .day, value: days, to: start) ?? start
    }

    /// "Thursday 13 August 2015 – Saturday 15 August 2015" for a whole-day event stored as
    /// midnight to the midnight after its last day.
    public static func days(_ start: Date, _ endExclusive: Date, in zone: TimeZone) -> String {
        // The last day is the day of the last second before the end (its start is the same day).
        let first = day(start, in: zone), last = day(endExclusive.addingTimeInterval(-1), in: zone)
        return first == last ? first : "\(first) – \(last)"
    }

    /// "October 2016"
    public static func month(_ date: Date, in zone: TimeZone) -> String {
        CivilTime(date, in: zone).monthText
    }

    /// The midnight starting the month of `date` in `zone`, moved by `months`.
    public static func startOfMonth(_ date: Date, adding months: Int = 0, in zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let first = calendar.date(from: calendar.dateComponents([.year, .month], from: date)) ?? date
        return calendar.date(byAdding: .month, value: months, to: first) ?? first
    }

    /// Reads a month (`2016-10`, or any day or time in it) and returns its first midnight in `zone`.
    public static func parseMonth(_ text: String, in zone: TimeZone) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "T", maxSplits: 1).first.map { $0.split(separator: "-") } ?? []
        guard parts.count >= 2, parts[0].count == 4, parts[1].count == 2 else { return nil }
        return parseDay("\(parts[0])-\(parts[1])-01", in: zone)
    }

    /// `2018-01-24T10:00` in `zone`, the value of a datetime-local input.
    public static func formValue(_ date: Date, in zone: TimeZone) -> String {
        let local = CivilTime(date, in: zone)
        return local.dateStamp + "T" + local.timeText
    }

    /// `2018-01-24T10:00:00-05:00`, ISO 8601 with the zone's offset (schema.org, JSON).
    public static func iso8601(_ date: Date, in zone: TimeZone) -> String {
        // Fixed offsets by hand: ISO8601DateFormatter is as costly to make as DateFormatter.
        // RFC 3339 offsets are whole minutes; an old local mean time (India's +05:21:10 until
        // 1906) is written at the whole minute before it, the wall time with it, so that the
        // text still names the same instant.
        let offset = zone.secondsFromGMT(for: date) / 60 * 60
        return CivilTime(date, offset: offset).dateTimeStamp(followedBy: offset == 0 ? "Z" : CivilTime.offsetText(offset, separator: ":"))
    }

    /// "Wednesday 24 January 2018"
    public static func day(_ date: Date, in zone: TimeZone) -> String {
        CivilTime(date, in: zone).dayText
    }

    /// "10:00"
    public static func time(_ date: Date, in zone: TimeZone) -> String {
        CivilTime(date, in: zone).timeText
    }

    /// The zone's short name at that date with its identifier: "EST, America/New_York".
    public static func zoneName(_ date: Date, in zone: TimeZone) -> String {
        var abbreviation = ZoneAbbreviations.abbreviation(for: zone, at: date) ?? zone.abbreviation(for: date) ?? ""
        // Without locale data the abbreviation is "GMT-4": name the offset plainly instead.
        if (abbreviation.hasPrefix("GMT") && zone.identifier != "Europe/London" && zone.identifier != "Europe/Dublin") || abbreviation.isEmpty {
            abbreviation = offsetName(zone.secondsFromGMT(for: date))
        }
        return abbreviation == zone.identifier ? zone.identifier : "\(abbreviation), \(zone.identifier)"
    }

    /// "Wednesday 24 January 2018, 10:00 – 17:30 (EST, America/New_York)", or across days
    /// "Thursday 20 August 2020, 09:00 – Saturday 22 August 2020, 17:00 (PDT, America/Los_Angeles)".
    public static func span(_ start: Date, _ end: Date, in zone: TimeZone) -> String {
        let startDay = day(start, in: zone), endDay = day(end, in: zone)
        let range = startDay == endDay
            ? "\(startDay), \(time(start, in: zone)) – \(time(end, in: zone))"
            : "\(startDay), \(time(start, in: zone)) – \(endDay), \(time(end, in: zone))"
        return "\(range) (\(zoneName(start, in: zone)))"
    }

    /// "UTC-04:00", "UTC+05:30", "UTC".
    public static func offsetName(_ seconds: Int) -> String {
        guard seconds != 0 else { return "UTC" }
        return "UTC" + CivilTime.offsetText(seconds, separator: ":")
    }

    /// The calendar day key (`2018-01-24`) in the zone, for grouping a programme by day.
    public static func dayKey(_ date: Date, in zone: TimeZone) -> String {
        CivilTime(date, in: zone).dateStamp
    }

    public static func year(_ date: Date, in zone: TimeZone) -> Int { CivilTime(date, in: zone).year }
}
