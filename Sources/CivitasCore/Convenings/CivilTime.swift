import Foundation

/// The wall-clock fields of an instant at a time zone's offset: what a calendar shows.
///
/// Computed by arithmetic from the offset the zone has at that instant (Gregorian days from
/// 1970 by Howard Hinnant's `civil_from_days`), and written by hand in the site's one locale
/// (British English, as the pages read). `Calendar.dateComponents` and `DateFormatter` give
/// the same fields and text, `CivilTimeTests` holds them to it, but cost a programme page a
/// tenth of its time: each session's day, time and calendar stamps asked for them.
public struct CivilTime: Equatable, Sendable {
    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int
    public let minute: Int
    public let second: Int
    /// 1 for Sunday to 7 for Saturday, as `Calendar` numbers them.
    public let weekday: Int

    public init(_ date: Date, in zone: TimeZone) {
        self.init(date, offset: zone.secondsFromGMT(for: date))
    }

    /// The fields at `offset` seconds from UTC.
    public init(_ date: Date, offset: Int) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + offset
        let days = Self.floorDivide(seconds, 86_400)
        let secondOfDay = seconds - days * 86_400
        hour = secondOfDay / 3600
        minute = secondOfDay % 3600 / 60
        second = secondOfDay % 60
        // 1 January 1970 was a Thursday (5).
        weekday = (days % 7 + 7 + 4) % 7 + 1
        // Days from 1 March of year 0 in 400-year eras, so that leap days fall at a year's end.
        let shifted = days + 719_468
        let era = Self.floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    private static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }

    // MARK: Text

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]
    static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    public var monthName: String { Self.monthNames[month - 1] }
    public var weekdayName: String { Self.weekdayNames[weekday - 1] }

    /// "Wednesday 24 January 2018"
    public var dayText: String { "\(weekdayName) \(day) \(monthName) \(Self.digits(year, 4))" }

    /// "January 2018"
    public var monthText: String { "\(monthName) \(Self.digits(year, 4))" }

    /// "10:00"
    public var timeText: String { Self.digits(hour, 2) + ":" + Self.digits(minute, 2) }

    /// "2018-01-24"
    public var dateStamp: String { Self.digits(year, 4) + "-" + Self.digits(month, 2) + "-" + Self.digits(day, 2) }

    /// "2018-01-24T10:00:00"
    public var dateTimeStamp: String { dateTimeStamp(followedBy: "") }

    /// "2018-01-24T10:00:00" and then `suffix` (a zone's offset), made as one string: an API
    /// list stamps every record it sends, and joining the pieces cost an allocation each.
    public func dateTimeStamp(followedBy suffix: String) -> String {
        guard (0...9999).contains(year) else { return dateStamp + "T" + timeText + ":" + Self.digits(second, 2) + suffix }
        var suffix = suffix
        return suffix.withUTF8 { tail in
            String(unsafeUninitializedCapacity: 19 + tail.count) { text in
                var end = 0
                func write(_ value: Int, width: Int, then separator: UInt8?) {
                    var rest = value
                    for position in stride(from: end + width - 1, through: end, by: -1) {
                        text[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                        rest /= 10
                    }
                    end += width
                    if let separator { text[end] = separator; end += 1 }
                }
                write(year, width: 4, then: UInt8(ascii: "-"))
                write(month, width: 2, then: UInt8(ascii: "-"))
                write(day, width: 2, then: UInt8(ascii: "T"))
                write(hour, width: 2, then: UInt8(ascii: ":"))
                write(minute, width: 2, then: UInt8(ascii: ":"))
                write(second, width: 2, then: nil)
                for byte in tail { text[end] = byte; end += 1 }
                return end
            }
        }
    }

    /// "20180124T100000", RFC 5545's local form.
    public var compactStamp: String {
        Self.digits(year, 4) + Self.digits(month, 2) + Self.digits(day, 2) + "T"
            + Self.digits(hour, 2) + Self.digits(minute, 2) + Self.digits(second, 2)
    }

    /// `value` in decimal with leading zeros to `width` digits, as `String(format: "%0Nd")`
    /// writes a number that is not negative (a negative one gets its sign before the zeros).
    public static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value.magnitude)
        let padded = text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
        return value < 0 ? "-" + padded : padded
    }

    /// "+05:30" or "-0500" for an offset in seconds (`separator` between hours and minutes).
    public static func offsetText(_ seconds: Int, separator: String) -> String {
        let minutes = abs(seconds) / 60
        return (seconds < 0 ? "-" : "+") + digits(minutes / 60, 2) + separator + digits(minutes % 60, 2)
    }
}
