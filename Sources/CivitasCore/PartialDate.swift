import Foundation

/// A calendar date that may be known only to the year or the month, as Popolo allows
/// (`2016`, `2016-09`, `2016-09-21`). Terms of office and founding dates are often
/// known no more precisely than the sources give them.
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int?
    public let day: Int?

    public init?(_ text: String) {
        // Read from the UTF-8 bytes: lists read one date per row, and splitting the text and
        // counting its characters cost more than the rest of the row's line.
        var parts = (0, 0, 0)
        var widths = (0, 0, 0)
        var part = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "-") {
                part += 1
                guard part < 3 else { return nil }
                continue
            }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            switch part {
            case 0: parts.0 = parts.0 * 10 + digit; widths.0 += 1
            case 1: parts.1 = parts.1 * 10 + digit; widths.1 += 1
            default: parts.2 = parts.2 * 10 + digit; widths.2 += 1
            }
            guard widths.0 <= 4, widths.1 <= 2, widths.2 <= 2 else { return nil }
        }
        guard widths.0 == 4, parts.0 >= 1000 else { return nil }
        var month: Int?
        var day: Int?
        if part >= 1 {
            guard widths.1 == 2, (1...12).contains(parts.1) else { return nil }
            month = parts.1
        }
        if part == 2, let month {
            guard widths.2 == 2, (1...PartialDate.daysIn(month: month, year: parts.0)).contains(parts.2) else { return nil }
            day = parts.2
        }
        self.year = parts.0
        self.month = month
        self.day = day
    }

    /// The ISO 8601 text, as stored and as sent in the API.
    public var description: String {
        var text = String(format: "%04d", year)
        if let month { text += "-" + String(format: "%02d", month) }
        if let day { text += "-" + String(format: "%02d", day) }
        return text
    }

    /// Midnight UTC of its first day (a feed's publication time when only the date is known).
    public var startDate: Date? {
        var components = DateComponents()
        components.year = year
        components.month = month ?? 1
        components.day = day ?? 1
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: components)
    }

    /// How a reader sees it: "21 September 2016", "September 2016" or "2016".
    public var readable: String {
        guard let month else { return String(year) }
        let name = PartialDate.monthNames[month - 1]
        guard let day else { return "\(name) \(year)" }
        return "\(day) \(name) \(year)"
    }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// "2014 – 2018", "since January 2018", "until 2016": a span of dates as a reader wants to see it.
public func readableSpan(start: String?, end: String?) -> String {
    let from = start.flatMap(PartialDate.init)?.readable
    let to = end.flatMap(PartialDate.init)?.readable
    switch (from, to) {
    case let (from?, to?): return from == to ? from : "\(from) – \(to)"
    case let (from?, nil): return "since \(from)"
    case let (nil, to?): return "until \(to)"
    case (nil, nil): return ""
    }
}
