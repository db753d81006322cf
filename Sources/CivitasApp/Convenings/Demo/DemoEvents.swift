import CivitasCore

/// One demo event as the staff form would receive it. Times of day are the documents'
/// where they give them (webinars); for meetings known only by their dates, the day runs 09:00-17:00.
struct DemoEvent {
    var values: [String: String]
    var topics: [String] = []
    var source: String
    var parties: [EventPartyRole: [String]] = [:]
    var sessions: [DemoSession] = []
    var quotes: [(person: String, text: String)] = []
}

struct DemoSession {
    var values: [String: String]
    var speakers: [String] = []
}

enum DemoEvents {
    static func topic(_ key: String) -> String { "topic-\(key)" }
    static func person(_ key: String) -> String { "person:person-\(key)" }
    static func organization(_ key: String) -> String { "organization:organization-\(key)" }
    static func source(_ key: String) -> String { "source-\(key)" }

    static func event(_ slug: String, _ title: String, kind: EventKind, start: String, end: String, zone: String, area: String?,
                      venue: String? = nil, mode: AttendanceMode = .inPerson, series: String? = nil, summary: String? = nil,
                      registration: RegistrationMode = .closed, extra: [String: String] = [:]) -> [String: String] {
        var values = ["slug": slug, "title": title, "kind": kind.rawValue, "starts_at": start, "ends_at": end, "time_zone": zone,
                      "attendance_mode": mode.rawValue, "status": EventStatus.scheduled.rawValue, "registration_mode": registration.rawValue]
        // A start given as a date alone ("2015-08-13") makes a whole-day event; a month alone
        // ("2016-10") an event whose days are not known.
        if !start.contains("T") { values["schedule"] = start.count == 7 ? EventSchedule.month.rawValue : EventSchedule.days.rawValue }
        values["area_id"] = area.map { "area-\($0)" }
        values["venue"] = venue
        values["series"] = series
        values["summary"] = summary
        return values.merging(extra) { $1 }
    }

    static var all: [DemoEvent] { newsListing + [winterMeeting2018, localProgress2014, globalMayorsSummit2017] }
}
