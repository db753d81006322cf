import CivitasCore
import Foundation

/// Staff list of every event, published or not.
struct StaffEventsPage {
    let events: [EventRecord]
    let total: Int

    var content: Node<HTML.BodyContext> {
        .group(
            .h1("Events"),
            .p(.a(.class("button"), .href(to: ConveningsURL.staffEventNew), .text(escaping: "New event")), .text(escaping: " "),
               .a(.href(to: SiteURL.staffOutbox), .text(escaping: "Outbox"))),
            .p(.class("meta"), .text(escaping: "\(total) events")),
            .table(.thead(.tr(.th("Event"), .th("When"), .th("Status"), .th("Registration"), .actionsHeader)),
                .tbody(.forEach(events) { event in
                    .tr(.td(.a(.href(to: ConveningsURL.staffEventEdit(event.id)), .text(escaping: event.title)), .if(!event.published, .span(.class("meta"), .text(escaping: " (unpublished)")))),
                        .td(.text(escaping: event.startDay)),
                        .td(.text(escaping: event.eventStatus.label)),
                        .td(.text(escaping: event.registration.label)),
                        .td(.a(.href(to: ConveningsURL.staffEventSessions(event.id)), .text(escaping: "Programme")), .text(escaping: " · "),
                            .a(.href(to: ConveningsURL.staffParticipants(event.id)), .text(escaping: "Participants"))))
                }))
        )
    }
}

/// Choices the event form offers, read once per form.
struct EventFormChoices: Sendable {
    var areas: [(String, String)] = []
    var events: [(String, String)] = []
    var topics: [(String, String)] = []
    var sources: [(String, String)] = []
    /// Organizations, people and areas as `kind:id`.
    var parties: [(String, String)] = []
    var people: [(String, String)] = []
}

/// The staff form of one event.
struct EventFormPage {
    let eventID: String?
    let input: EventInput
    let error: AppError?
    let choices: EventFormChoices
    let csrfToken: String

    var content: Node<HTML.BodyContext> {
        let f = FormFields(errors: error?.fieldErrors ?? [:])
        let zones = TimeZone.knownTimeZoneIdentifiers.filter { $0.contains("/") }.sorted()
        return .group(
            .h1(.text(escaping: eventID == nil ? "New event" : "Edit event")),
            .unwrap(eventID) { id in .p(.a(.href(to: ConveningsURL.staffEventSessions(id)), .text(escaping: "Programme and quotes")), .text(escaping: " · "),
                                        .a(.href(to: ConveningsURL.staffParticipants(id)), .text(escaping: "Participants and invitations")), .text(escaping: " · "),
                                        .a(.href(to: ConveningsURL.event(input["slug"])), .text(escaping: "Public page"))) },
            .alert(error),
            .form(.class("stacked"), .method(.post), .action(to: eventID.map { ConveningsURL.staffEvent($0) } ?? ConveningsURL.staffEvents),
                FormFields.csrf(csrfToken),
                f.text("title", "Title", value: input["title"], required: true),
                f.text("slug", "Slug", value: input["slug"], help: "The page's address; made from the year and title when empty"),
                f.select("kind", "Kind", options: EventKind.allCases.map { ($0.rawValue, $0.label) }, selected: [input["kind"]]),
                f.text("series", "Series", value: input["series"], help: "e.g. Winter Policy Meeting, shared by each year's edition"),
                f.select("parent_id", "Part of", options: choices.events.filter { $0.0 != eventID }, selected: [input["parent_id"]], blank: true),
                f.textarea("summary", "Summary", value: input["summary"]),
                f.textarea("description", "Description", value: input["description"], help: "Paragraphs separated by a blank line"),
                f.text("starts_at", "Starts", value: input["starts_at"], type: .init(rawValue: "datetime-local") ?? .text, required: true, help: "In the event's time zone"),
                f.text("ends_at", "Ends", value: input["ends_at"], type: .init(rawValue: "datetime-local") ?? .text,
                       help: "Required unless only the month is known"),
                f.select("schedule", "Dates", options: EventSchedule.allCases.map { ($0.rawValue, $0.label) }, selected: [input["schedule"]],
                         help: "For whole days only the dates count (Ends is the last day); for a month only the month of Starts"),
                f.text("dates_note", "Dates are approximate because", value: input["dates_note"],
                       help: "Leave empty when the dates are known. Shown beside the dates, e.g. \"the report says only 'last week'\""),
                f.field("time_zone", "Time zone (required)", help: "IANA name, e.g. America/New_York",
                        .group(.input(.type(.text), .id("time_zone"), .name("time_zone"), .value(escaping: input["time_zone"]), .attribute(named: "list", value: "zones")),
                               .element(named: "datalist", nodes: [.id("zones"), .forEach(zones) { .element(named: "option", nodes: [.attribute(named: "value", escaping: $0)]) }]))),
                f.select("attendance_mode", "Attendance", options: AttendanceMode.allCases.map { ($0.rawValue, $0.label) }, selected: [input["attendance_mode"]]),
                f.text("venue", "Venue", value: input["venue"]),
                f.select("area_id", "Place", options: choices.areas, selected: [input["area_id"]], blank: true),
                f.text("online_url", "Online link", value: input["online_url"], type: .url, help: "Shown only to confirmed participants"),
                f.select("status", "Status", options: EventStatus.allCases.map { ($0.rawValue, $0.label) }, selected: [input["status"]],
                         help: "Everyone registered is told when the status changes"),
                .forEach(EventPartyRole.allCases) { role in
                    f.select("\(role.rawValue)_ids", role.label, options: choices.parties, selected: input.parties[role] ?? [], multiple: true)
                },
                f.select("topic_ids", "Topics", options: choices.topics, selected: input.topicIDs, multiple: true),
                f.select("source_ids", "Sources", options: choices.sources, selected: input.sourceIDs, multiple: true),
                .h2("Registration"),
                f.select("registration_mode", "Registration", options: RegistrationMode.allCases.map { ($0.rawValue, $0.label) }, selected: [input["registration_mode"]]),
                f.text("capacity", "Capacity", value: input["capacity"], help: "Places; empty for no limit. Registrations beyond it join the waiting list"),
                f.text("registration_opens_at", "Registration opens", value: input["registration_opens_at"], type: .init(rawValue: "datetime-local") ?? .text),
                f.text("registration_closes_at", "Registration closes", value: input["registration_closes_at"], type: .init(rawValue: "datetime-local") ?? .text),
                f.checkbox("participants_public", "Publish the participant list (only those who agreed to be listed)", checked: input["participants_public"] == "true"),
                .h2("After the event"),
                f.textarea("highlights", "Highlights", value: input["highlights"]),
                f.text("attendance_count", "Attendance", value: input["attendance_count"], help: "How many took part"),
                // Presentations, reports and recordings from an event are resources of whichever
                // capability keeps resources (the library), which names the event.
                .p(.class("meta"), .text(escaping: "Presentations, reports and recordings from this event are added as resources that name it, where resources are kept.")),
                f.checkbox("published", "Published (visible to the public)", checked: input["published"] == "true"),
                .p(.button(.type(.submit), .text(escaping: "Save")))
            )
        )
    }
}
