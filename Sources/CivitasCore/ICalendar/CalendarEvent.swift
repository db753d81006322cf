import Foundation

/// One event as an iCalendar VEVENT (RFC 5545): what a calendar needs to show it, keep it
/// in step when it changes (stable `uid`, rising `sequence`) and link back to its page.
public struct CalendarEvent: Sendable, Equatable {
    public enum Status: String, Sendable {
        case confirmed = "CONFIRMED"
        case tentative = "TENTATIVE"
        case cancelled = "CANCELLED"
    }

    public var uid: String
    public var sequence: Int
    /// When this description of the event was last changed (DTSTAMP, LAST-MODIFIED).
    public var stamp: Date
    public var start: Date
    public var end: Date
    /// The zone the event happens in; times are written in it, with its VTIMEZONE.
    public var timeZone: TimeZone
    public var summary: String
    public var description: String?
    public var location: String?
    public var url: String?
    public var status: Status
    public var categories: [String]
    /// Held on whole days: written as dates (VALUE=DATE, end exclusive), with no time or zone.
    public var allDay: Bool

    public init(uid: String, sequence: Int, stamp: Date, start: Date, end: Date, timeZone: TimeZone, summary: String,
                description: String? = nil, location: String? = nil, url: String? = nil, status: Status = .confirmed,
                categories: [String] = [], allDay: Bool = false) {
        self.allDay = allDay
        self.uid = uid
        self.sequence = sequence
        self.stamp = stamp
        self.start = start
        self.end = end
        self.timeZone = timeZone
        self.summary = summary
        self.description = description
        self.location = location
        self.url = url
        self.status = status
        self.categories = categories
    }
}
