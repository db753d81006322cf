import CivitasCore
import Foundation
import Testing

@Suite("iCalendar documents")
struct ICalendarTests {
    static let webinarStart = Date(timeIntervalSince1970: 1_557_943_200) // 2019-05-15 18:00 UTC, 1 pm in Chicago
    static let chicago = TimeZone(identifier: "America/Chicago")!

    static func webinar(description: String? = nil) -> CalendarEvent {
        CalendarEvent(uid: "event-data-driven-fire-department@civitas", sequence: 2, stamp: Date(timeIntervalSince1970: 1_556_582_400),
                      start: webinarStart, end: webinarStart.addingTimeInterval(3600), timeZone: chicago,
                      summary: "Webinar: The Data-Driven Fire Department", description: description,
                      url: "https://civitas.example/events/data-driven-fire-department", categories: ["Public safety", "Data, analytics"])
    }

    /// Physical lines, after checking every one ends with CRLF.
    static func physicalLines(_ text: String) -> [Substring] {
        #expect(text.hasSuffix("\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "bare line feeds")
        return text.dropLast(2).split(separator: "\r\n", omittingEmptySubsequences: false)
    }

    static func unfolded(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n ", with: "").split(separator: "\r\n").map(String.init)
    }

    @Test("Times are written in the event's zone, with the zone's definition")
    func zonedTimes() {
        let lines = Self.unfolded(ICalendar(events: [Self.webinar()]).render())
        #expect(lines.first == "BEGIN:VCALENDAR")
        #expect(lines.last == "END:VCALENDAR")
        #expect(lines.contains("DTSTART;TZID=America/Chicago:20190515T130000"))
        #expect(lines.contains("DTEND;TZID=America/Chicago:20190515T140000"))
        #expect(lines.contains("DTSTAMP:20190430T000000Z"))
        #expect(lines.contains("SEQUENCE:2"))
        #expect(lines.contains("STATUS:CONFIRMED"))
        #expect(lines.contains("UID:event-data-driven-fire-department@civitas"))
        #expect(lines.contains("URL:https://civitas.example/events/data-driven-fire-department"))
        #expect(lines.contains("TZID:America/Chicago"))
        #expect(lines.contains("CATEGORIES:Public safety,Data\\, analytics"))
    }

    @Test("The zone definition carries the 2019 changes to and from daylight time")
    func daylightTransitions() throws {
        let text = ICalendar(events: [Self.webinar()]).render()
        let lines = Self.unfolded(text)
        let spring = try #require(lines.firstIndex(of: "DTSTART:20190310T020000"))
        #expect(lines[spring - 1] == "BEGIN:DAYLIGHT")
        #expect(lines[spring + 1] == "TZOFFSETFROM:-0600")
        #expect(lines[spring + 2] == "TZOFFSETTO:-0500")
        let autumn = try #require(lines.firstIndex(of: "DTSTART:20191103T020000"))
        #expect(lines[autumn - 1] == "BEGIN:STANDARD")
        #expect(lines[autumn + 1] == "TZOFFSETFROM:-0500")
        #expect(lines[autumn + 2] == "TZOFFSETTO:-0600")
        #expect(lines.filter { $0 == "BEGIN:VTIMEZONE" }.count == 1)
    }

    @Test("A zone without daylight time has one standard observance")
    func fixedOffsetZone() {
        var event = Self.webinar()
        event.timeZone = TimeZone(identifier: "Asia/Kolkata")!
        let lines = Self.unfolded(ICalendar(events: [event]).render())
        #expect(lines.contains("TZOFFSETTO:+0530"))
        #expect(!lines.contains("BEGIN:DAYLIGHT"))
        #expect(lines.contains("DTSTART;TZID=Asia/Kolkata:20190515T233000"))
    }

    @Test("Text is escaped and long lines fold at 75 octets without splitting a character")
    func escapingAndFolding() {
        let description = "Mayors rely on data; fire, police, and EMS \\ all of it.\nSecond line. " + String(repeating: "Café São José – ", count: 12)
        let text = ICalendar(events: [Self.webinar(description: description)]).render()
        for line in Self.physicalLines(text) {
            #expect(line.utf8.count <= 75, "\(line)")
        }
        let unfolded = Self.unfolded(text).first { $0.hasPrefix("DESCRIPTION:") }
        #expect(unfolded == "DESCRIPTION:" + "Mayors rely on data\\; fire\\, police\\, and EMS \\\\ all of it.\\nSecond line. " + String(repeating: "Café São José – ", count: 12))
    }

    @Test("A cancelled event says so, and an event in UTC needs no zone definition")
    func cancelledAndUTC() {
        var event = Self.webinar()
        event.status = .cancelled
        event.timeZone = TimeZone(identifier: "UTC")!
        let lines = Self.unfolded(ICalendar(name: "Upcoming events", events: [event]).render())
        #expect(lines.contains("STATUS:CANCELLED"))
        #expect(lines.contains("DTSTART:20190515T180000Z"))
        #expect(!lines.contains("BEGIN:VTIMEZONE"))
        #expect(lines.contains("X-WR-CALNAME:Upcoming events"))
    }
}
