import Foundation
import Testing
@testable import CivitasCore

@Suite("Convenings building blocks")
struct ConveningsCoreTests {
    let chicago = TimeZone(identifier: "America/Chicago")!

    @Test("Local times are read in the event's zone, across daylight saving, and nonsense is refused")
    func zonedTimes() {
        let winter = ZonedTime.parse("2019-01-25T09:00", in: chicago)!
        let summer = ZonedTime.parse("2019-05-15T13:00", in: chicago)!
        #expect(ZonedTime.iso8601(winter, in: chicago) == "2019-01-25T09:00:00-06:00")
        #expect(ZonedTime.iso8601(summer, in: chicago) == "2019-05-15T13:00:00-05:00")
        #expect(ZonedTime.formValue(summer, in: chicago) == "2019-05-15T13:00")
        #expect(ZonedTime.parse("2019-02-30T10:00", in: chicago) == nil)
        #expect(ZonedTime.parse("2019-01-25", in: chicago) == nil)
        #expect(ZonedTime.parse("tomorrow", in: chicago) == nil)
        #expect(ZonedTime.offsetName(-18_000) == "UTC-05:00")
        #expect(ZonedTime.offsetName(19_800) == "UTC+05:30")
    }

    @Test("Time zones are named as people write them, beside the zone's name, by season")
    func zoneNames() {
        let newYork = TimeZone(identifier: "America/New_York")!
        let paris = TimeZone(identifier: "Europe/Paris")!
        let london = TimeZone(identifier: "Europe/London")!
        let january = ZonedTime.parse("2018-01-24T09:00", in: newYork)!
        let july = ZonedTime.parse("2018-07-24T09:00", in: newYork)!
        #expect(ZonedTime.zoneName(january, in: newYork) == "EST, America/New_York")
        #expect(ZonedTime.zoneName(july, in: newYork) == "EDT, America/New_York")
        #expect(ZonedTime.zoneName(july, in: paris) == "CEST, Europe/Paris")
        #expect(ZonedTime.zoneName(january, in: london) == "GMT, Europe/London")
        #expect(ZonedTime.zoneName(july, in: london) == "BST, Europe/London")
        #expect(ZonedTime.zoneName(july, in: chicago) == "CDT, America/Chicago")
        // A zone without a common abbreviation is named by its offset.
        let kathmandu = TimeZone(identifier: "Asia/Kathmandu")!
        #expect(ZonedTime.zoneName(july, in: kathmandu) == "UTC+05:45, Asia/Kathmandu")
    }

    @Test("Registration rules: window, mode, capacity")
    func rules() throws {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        var rules = RegistrationRules(mode: .open, eventStatus: .scheduled, capacity: 2, opensAt: now.addingTimeInterval(-60),
                                      closesAt: now.addingTimeInterval(60), endsAt: now.addingTimeInterval(3600))
        try rules.admit(now: now, invited: false)
        #expect(rules.placement(confirmed: 1) == .confirmed)
        #expect(rules.placement(confirmed: 2) == .waitlisted)
        #expect(throws: RegistrationRules.Refusal.closedAt(now.addingTimeInterval(60))) { try rules.admit(now: now.addingTimeInterval(61), invited: false) }
        #expect(throws: RegistrationRules.Refusal.notYetOpen(now.addingTimeInterval(-60))) { try rules.admit(now: now.addingTimeInterval(-61), invited: false) }
        rules.mode = .invitation
        #expect(throws: RegistrationRules.Refusal.invitationRequired) { try rules.admit(now: now, invited: false) }
        try rules.admit(now: now, invited: true)
        rules.mode = .approval
        #expect(rules.placement(confirmed: 0) == .pending)
        rules.eventStatus = .cancelled
        #expect(throws: RegistrationRules.Refusal.cancelled) { try rules.admit(now: now, invited: true) }
    }

    @Test("CSV quotes what needs quoting and defuses spreadsheet formulas")
    func csv() {
        #expect(CSV.line(["Ada", "City of Tacoma, WA", "say \"hi\"", "=HYPERLINK(1)"]) == "Ada,\"City of Tacoma, WA\",\"say \"\"hi\"\"\",'=HYPERLINK(1)\r\n")
    }

    @Test("E-mail addresses and SMTP URLs")
    func addresses() throws {
        #expect(TextInput.isEmailAddress("mayor@tacoma.gov"))
        #expect(!TextInput.isEmailAddress("mayor@localhost"))
        #expect(!TextInput.isEmailAddress("two words@x.org"))
        #expect(!TextInput.isEmailAddress("a@b.c\r\nBcc: x@y.z"))
        let server = try SMTPServer(url: "smtp://user:p%40ss@127.0.0.1:2525")
        #expect(server == SMTPServer(host: "127.0.0.1", port: 2525, username: "user", password: "p@ss"))
        #expect(server.description == "smtp://user@127.0.0.1:2525")
        #expect(throws: SMTPServer.Invalid.self) { try SMTPServer(url: "http://mail.example.org") }
        #expect(try SMTPServer(url: "smtp://relay.example.org").port == 25)
        let secure = try SMTPServer(url: "smtps://mailer:secret@mail.example.org")
        #expect(secure.port == 465)
        #expect(secure.security == .implicitTLS)
        #expect(secure.description == "smtps://mailer@mail.example.org:465")
        #expect(!secure.isLoopback)
        #expect(try SMTPServer(url: "smtp://localhost:2525").isLoopback)
        #expect(throws: SMTPServer.Invalid.self) { try SMTPServer(url: "smtp://mail.example.org:587?ca_file=/no/such/ca.pem") }
        #expect(throws: SMTPServer.Invalid.self) { try SMTPServer(url: "smtp://mail.example.org:587?verify=no") }
    }

    @Test("Whole-day and month-only events are read as days or months, shown without times, and written to calendars as dates")
    func wholeDays() throws {
        let chicago = try #require(TimeZone(identifier: "America/Chicago"))
        let first = try #require(ZonedTime.parseDay("2015-08-13", in: chicago))
        #expect(ZonedTime.parseDay("2015-08-13T17:30", in: chicago) == first, "a time typed with the date does not count")
        #expect(ZonedTime.parseDay("13/08/2015", in: chicago) == nil)
        let last = try #require(ZonedTime.parseDay("2015-08-15", in: chicago))
        let endExclusive = ZonedTime.startOfDay(last, adding: 1, in: chicago)
        #expect(ZonedTime.days(first, endExclusive, in: chicago) == "Thursday 13 August 2015 – Saturday 15 August 2015")
        #expect(ZonedTime.days(first, ZonedTime.startOfDay(first, adding: 1, in: chicago), in: chicago) == "Thursday 13 August 2015")
        // Across the autumn clock change the day after is still midnight, not 23:00.
        let clocksChange = try #require(ZonedTime.parseDay("2015-11-01", in: chicago))
        #expect(ZonedTime.formValue(ZonedTime.startOfDay(clocksChange, adding: 1, in: chicago), in: chicago) == "2015-11-02T00:00")

        let entry = CalendarEvent(uid: "event-1@example.org", sequence: 0, stamp: first, start: first, end: endExclusive, timeZone: chicago,
                                  summary: "Summer Meeting in Des Moines", allDay: true)
        let text = ICalendar(events: [entry]).render()
        #expect(text.contains("DTSTART;VALUE=DATE:20150813\r\n"))
        #expect(text.contains("DTEND;VALUE=DATE:20150816\r\n"), "DTEND is the day after the last")
        #expect(!text.contains("VTIMEZONE"), "dates need no time zone")

        // Only the month known: any day of it names it; the next month starts at its first midnight.
        let october = try #require(ZonedTime.parseMonth("2016-10", in: chicago))
        #expect(ZonedTime.parseMonth("2016-10-19T10:00", in: chicago) == october)
        #expect(ZonedTime.parseMonth("October", in: chicago) == nil)
        #expect(ZonedTime.month(october, in: chicago) == "October 2016")
        #expect(ZonedTime.formValue(ZonedTime.startOfMonth(october, adding: 1, in: chicago), in: chicago) == "2016-11-01T00:00")
    }
}
