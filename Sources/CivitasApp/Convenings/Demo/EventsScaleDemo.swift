import CivitasCore
import Foundation

/// Convenings' part of a scaled demo network: past meetings, summits and workshops across
/// 1995-2026 in the directory's cities, each with a programme of three sessions whose speakers
/// are people of the directory.
struct EventsScaleDemo: ScaleDemoGenerator {
    var label: String { "events" }
    var weight: Int { 5 }

    func generate(count: Int, context: ScaleDemoContext) async throws {
        let cities = context.ids("cities"), people = context.ids("people")
        let kinds: [(EventKind, String)] = [(.annualMeeting, "Annual meeting"), (.summit, "Summit"), (.workshop, "Workshop"),
                                            (.forum, "Forum"), (.conference, "Conference"), (.policyMeeting, "Policy meeting")]
        let sessionKinds: [SessionKind] = [.plenary, .panel, .workshop]
        let now = context.now
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for index in 0..<count {
            let (kind, kindName) = context.random.pick(kinds)
            let place = PolicyText.placeNames[index % PolicyText.placeNames.count]
            let year = 1995 + context.random.index(32)
            let topic = context.random.pick(PolicyText.topics)
            let title = "\(kindName) on \(topic.lowercased()), \(place) \(year)"
            let slug = "\(Slug.make(from: title))-\(index)"
            let id = "event-\(slug)"
            let start = calendar.date(from: DateComponents(year: year, month: 1 + context.random.index(12), day: 1 + context.random.index(28), hour: 9))!
            let end = start.addingTimeInterval(Double(1 + context.random.index(3)) * 86_400 - 8 * 3_600)
            try await context.insert(
                into: "events",
                columns: ["id", "slug", "title", "kind", "summary", "description", "starts_at", "ends_at", "time_zone", "attendance_mode", "venue",
                          "area_id", "status", "registration_mode", "published", "created_at", "updated_at"],
                values: [id, slug, title, kind.rawValue, PolicyText.sentence(&context.random, place: place), PolicyText.paragraphs(&context.random, place: place),
                         start, end, "UTC", AttendanceMode.inPerson.rawValue, "\(place) city hall", cities.isEmpty ? nil : cities[index % cities.count],
                         EventStatus.scheduled.rawValue, RegistrationMode.closed.rawValue, true, now, now])
            for position in 0..<3 {
                let sessionID = "session-\(slug)-\(position + 1)"
                let sessionStart = start.addingTimeInterval(Double(position) * 2 * 3_600)
                try await context.insert(
                    into: "event_sessions",
                    columns: ["id", "event_id", "title", "kind", "starts_at", "ends_at", "description", "position", "speakers_published", "created_at", "updated_at"],
                    values: [sessionID, id, PolicyText.title(&context.random), sessionKinds[position].rawValue, sessionStart, sessionStart.addingTimeInterval(5_400),
                             PolicyText.paragraph(&context.random, place: place), position, true, now, now])
                if !people.isEmpty {
                    try await context.insert(into: "session_people", columns: ["session_id", "person_id", "role", "position"],
                                             values: [sessionID, people[context.random.index(people.count)], SessionPersonRole.speaker.rawValue, 0])
                }
            }
            context.recordWritten()
        }
    }
}
