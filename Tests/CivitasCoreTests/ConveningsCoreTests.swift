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
    }
}
