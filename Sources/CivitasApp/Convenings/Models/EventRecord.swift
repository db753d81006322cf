import CivitasCore
import Foundation
import SQLKit

/// One row of `events`, read and written with SQLKit's Codable support (snake_case columns).
/// Never sent to clients as is: pages and the API build their own views of it.
struct EventRecord: Codable, Sendable, Equatable {
    var id: String
    var slug: String
    var title: String
    var kind: String
    var summary: String?
    var description: String?
    var startsAt: Date
    var endsAt: Date
    var timeZone: String
    /// How precisely the dates are known (`EventSchedule`). For whole days `startsAt` is the
    /// first day's midnight and `endsAt` the midnight after the last day, both in `zone`; for
    /// a month, its first midnight and the next month's.
    var schedule: String
    var attendanceMode: String
    var venue: String?
    var areaId: String?
    var onlineUrl: String?
    var series: String?
    var parentId: String?
    var status: String
    var registrationMode: String
    var capacity: Int?
    var registrationOpensAt: Date?
    var registrationClosesAt: Date?
    var participantsPublic: Bool
    var highlights: String?
    var attendanceCount: Int?
    /// Why the dates are approximate, when they are (days assumed from what a document says).
    var datesNote: String?
    var sequence: Int
    var published: Bool
    var createdAt: Date
    var updatedAt: Date

    var zone: TimeZone { TimeZone(identifier: timeZone) ?? .gmt }
    var eventKind: EventKind { EventKind(rawValue: kind) ?? .conference }
    var eventStatus: EventStatus { EventStatus(rawValue: status) ?? .scheduled }
    var mode: AttendanceMode { AttendanceMode(rawValue: attendanceMode) ?? .inPerson }
    var registration: RegistrationMode { RegistrationMode(rawValue: registrationMode) ?? .closed }

    var rules: RegistrationRules {
        RegistrationRules(mode: registration, eventStatus: eventStatus, capacity: capacity,
                          opensAt: registrationOpensAt, closesAt: registrationClosesAt, endsAt: endsAt)
    }

    func isPast(now: Date) -> Bool { endsAt <= now }

    /// When it happens, as people read it: times with the zone named, or the days alone.
    var when: String {
        switch dateSchedule {
        case .times: ZonedTime.span(startsAt, endsAt, in: zone)
        case .days: ZonedTime.days(startsAt, endsAt, in: zone)
        case .month: "\(ZonedTime.month(startsAt, in: zone)), days to be announced"
        }
    }

    /// When it starts, in one short line for lists: the first day, or the month alone.
    var startDay: String { Self.startDay(startsAt, schedule: dateSchedule, zone: zone) }

    static func startDay(_ startsAt: Date, schedule: EventSchedule, zone: TimeZone) -> String {
        schedule == .month ? ZonedTime.month(startsAt, in: zone) : ZonedTime.day(startsAt, in: zone)
    }

    var dateSchedule: EventSchedule { EventSchedule(rawValue: schedule) ?? .times }

    /// Dates without times (whole days, or a month): calendars get dates, not times.
    var allDay: Bool { dateSchedule != .times }

    /// ISO 8601 start and end for JSON and schema.org: date-times with the zone's offset, or
    /// for a whole-day event its first and last dates.
    /// For a month, the year and month alone (`2016-10`).
    var isoStart: String {
        switch dateSchedule {
        case .times: ZonedTime.iso8601(startsAt, in: zone)
        case .days: ZonedTime.dayKey(startsAt, in: zone)
        case .month: String(ZonedTime.dayKey(startsAt, in: zone).prefix(7))
        }
    }
    var isoEnd: String {
        switch dateSchedule {
        case .times: ZonedTime.iso8601(endsAt, in: zone)
        // The last day's date is the date of the last second before `endsAt`: no need to find
        // the day's start through `Calendar`, which cost an event's page a twentieth of its time.
        case .days: ZonedTime.dayKey(endsAt.addingTimeInterval(-1), in: zone)
        case .month: String(ZonedTime.dayKey(endsAt.addingTimeInterval(-1), in: zone).prefix(7))
        }
    }

    /// The last day of a whole-day event (its `endsAt` is the midnight after it).
    var lastDay: Date { ZonedTime.startOfDay(endsAt.addingTimeInterval(-1), in: zone) }
}

/// One row of `registrations`.
struct RegistrationRecord: Codable, Sendable, Equatable {
    var id: String
    var eventId: String
    var name: String
    var email: String
    var organization: String?
    var role: String
    var status: String
    var queueNumber: Int
    var listed: Bool
    var attended: Bool
    var tokenHash: String
    var invitationId: String?
    var createdAt: Date
    var updatedAt: Date

    var registrationStatus: RegistrationStatus { RegistrationStatus(rawValue: status) ?? .cancelled }

    /// The row's columns, in the order of `values`: a rush inserts hundreds of rows at once, and
    /// encoding each through `Encodable` (`SQLInsertBuilder.models`) cost more than the insert.
    static let columns = ["id", "event_id", "name", "email", "organization", "role", "status", "queue_number", "listed", "attended",
                          "token_hash", "invitation_id", "created_at", "updated_at"]

    var values: [any SQLExpression] {
        [SQLBind(id), SQLBind(eventId), SQLBind(name), SQLBind(email), SQLBind(organization), SQLBind(role), SQLBind(status),
         SQLBind(queueNumber), SQLBind(listed), SQLBind(attended), SQLBind(tokenHash), SQLBind(invitationId), SQLBind(createdAt),
         SQLBind(updatedAt)]
    }
}

/// One row of `invitations`.
struct InvitationRecord: Codable, Sendable {
    var id: String
    var eventId: String
    var email: String
    var name: String?
    var role: String
    var tokenHash: String
    var usedAt: Date?
    var createdBy: String
    var createdAt: Date
}

/// One row of `event_sessions`.
/// Whether a session has set times or only a day.
enum SessionSchedule: String, CaseIterable, Sendable {
    case times
    case day
}

struct SessionRecord: Codable, Sendable, Equatable {
    var id: String
    var eventId: String
    var title: String
    var kind: String
    var startsAt: Date
    var endsAt: Date
    var room: String?
    var description: String?
    /// One question per line.
    var questions: String?
    var speakersPublished: Bool
    /// `times`, or `day` for a session known only by its day (stored from midnight to the
    /// next midnight in the event's zone): shown as the day, never with made-up times.
    var schedule: String = SessionSchedule.times.rawValue
    /// The order within the programme among sessions starting together (sessions of one day).
    var position: Int = 0
    var createdAt: Date
    var updatedAt: Date

    var sessionKind: SessionKind { SessionKind(rawValue: kind) ?? .plenary }
    var isWholeDay: Bool { schedule == SessionSchedule.day.rawValue }
    var questionList: [String] {
        (questions ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
