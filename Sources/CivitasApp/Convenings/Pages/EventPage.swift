import CivitasCore
import Foundation

/// The public page of an event: when and where (in its own time zone), who hosts it,
/// how to register, the programme by day, and after it, what came out of it.
struct EventPage {
    let detail: EventDetail
    let publicURL: String
    let now: Date

    private var event: EventRecord { detail.event }
    private var zone: TimeZone { event.zone }
    private var location: String? {
        let text = [event.venue, detail.area?.title].compactMap { $0 }.joined(separator: ", ")
        return text.isEmpty ? nil : text
    }

    var content: Node<HTML.BodyContext> {
        .article(.class("event"),
            .h1(.text(escaping: event.title)),
            .p(.class("subtitle"), .text(escaping: event.eventKind.label), .unwrap(event.series) { .text(escaping: " · \($0)") }),
            statusBanner,
            .dl(
                .dt("When"), .dd(.time(.datetime(escaping: event.isoStart), .text(escaping: event.when)),
                                 .unwrap(event.datesNote) { .span(.class("meta"), .text(escaping: " (approximate: \($0))")) }),
                .unwrap(location) { _ in .group(.dt("Where"), .dd(.text(escaping: event.venue ?? ""), .unwrap(detail.area) { area in
                    .group(.if(event.venue != nil, .text(escaping: ", ")), .a(.href(to: area.link), .text(escaping: area.title))) })) },
                .dt("Attendance"), .dd(.text(escaping: event.mode.label)),
                .unwrap(detail.parent) { parent in .group(.dt("Part of"), .dd(.a(.href(to: ConveningsURL.event(parent.slug)), .text(escaping: parent.title)))) }
            ),
            parties,
            .unwrap(event.summary) { .p(.class("lead"), .text(escaping: $0)) },
            .unwrap(event.description) { paragraphs($0) },
            .if(!detail.topics.isEmpty, .p(.forEach(detail.topics) { .a(.class("tag"), .href(to: $0.link), .text(escaping: $0.title)) })),
            registration,
            calendarLinks,
            programme,
            parts,
            afterTheEvent,
            participants,
            sources
        )
    }

    private var statusBanner: Node<HTML.BodyContext> {
        switch event.eventStatus {
        case .scheduled: return .empty
        case .postponed: return .div(.class("alert"), .attribute(named: "role", value: "status"), .p(.strong("Postponed. "), .text(escaping: "New dates will be announced; registrations stand.")))
        case .cancelled: return .div(.class("alert"), .attribute(named: "role", value: "status"), .p(.strong("Cancelled. "), .text(escaping: "This event will not take place.")))
        }
    }

    private var parties: Node<HTML.BodyContext> {
        .forEach(EventPartyRole.allCases) { role in
            let lines = detail.parties(role)
            return .if(!lines.isEmpty, .p(.class("parties"), .text(escaping: role.label + " "), .forEach(Array(lines.enumerated())) { index, line in
                .group(.if(index > 0, .text(escaping: index == lines.count - 1 ? " and " : ", ")),
                       .a(.href(to: line.link), .text(escaping: line.title)))
            }))
        }
    }

    private var registration: Node<HTML.BodyContext> {
        let counts = detail.counts
        let remaining = counts.remaining(capacity: event.capacity)
        var lines: [String] = []
        if let capacity = event.capacity { lines.append("\(capacity) places, \(remaining ?? 0) left") }
        if counts.confirmed > 0 { lines.append("\(counts.confirmed) registered") }
        if counts.waitlisted > 0 { lines.append("\(counts.waitlisted) on the waiting list") }
        var open = true
        do { try event.rules.admit(now: now, invited: false) } catch { open = false }
        let state: Node<HTML.BodyContext>
        if open {
            let label = remaining == 0 ? "Join the waiting list" : (event.registration == .approval ? "Ask to take part" : "Register")
            state = .p(.a(.class("button"), .href(to: ConveningsURL.eventRegister(event.slug)), .text(escaping: label)),
                       .unwrap(event.registrationClosesAt) { .span(.class("meta"), .text(escaping: " Registration closes \(ZonedTime.day($0, in: zone)), \(ZonedTime.time($0, in: zone)).")) })
        } else if event.registration == .invitation, !event.isPast(now: now), event.eventStatus != .cancelled {
            state = .p(.text(escaping: "By invitation only: invited guests register with the personal link in their invitation."))
        } else if let opens = event.registrationOpensAt, now < opens, event.registration != .closed {
            state = .p(.text(escaping: "Registration opens \(ZonedTime.day(opens, in: zone)), \(ZonedTime.time(opens, in: zone))."))
        } else {
            state = .p(.class("meta"), .text(escaping: event.isPast(now: now) ? "This event is over." : "Registration is closed."))
        }
        return .section(.id("registration"), .h2("Registration"), .if(!lines.isEmpty, .p(.text(escaping: lines.joined(separator: " · ")))), state)
    }

    private var calendarLinks: Node<HTML.BodyContext> {
        .p(.class("meta"), .text(escaping: "Add to calendar: "),
           .unwrap(AddToCalendarLinks.google(event, location: location, publicURL: publicURL)) { .group(.a(.href(to: $0), .text(escaping: "Google")), .text(escaping: " · ")) },
           .unwrap(AddToCalendarLinks.outlook(event, location: location, publicURL: publicURL)) { .group(.a(.href(to: $0), .text(escaping: "Outlook")), .text(escaping: " · ")) },
           .a(.href(to: ConveningsURL.eventCalendar(event.slug)), .text(escaping: "iCalendar (.ics)")))
    }

    private var programme: Node<HTML.BodyContext> {
        guard !detail.sessions.isEmpty else { return .empty }
        let days = Dictionary(grouping: detail.sessions) { ZonedTime.dayKey($0.session.startsAt, in: zone) }.sorted { $0.key < $1.key }
        return .section(.id("programme"), .h2("Programme"),
            .if(detail.sessions.contains { !$0.session.isWholeDay }, .p(.class("meta"), .text(escaping: "Times in \(ZonedTime.zoneName(event.startsAt, in: zone))"))),
            .forEach(days) { day in
                .group(.h3(.text(escaping: ZonedTime.day(day.value[0].session.startsAt, in: zone))),
                       .forEach(day.value) { line in session(line) })
            })
    }

    private func session(_ line: SessionLine) -> Node<HTML.BodyContext> {
        let session = line.session
        let speakers = line.people.filter { $0.role == SessionPersonRole.speaker.rawValue }
        let moderators = line.people.filter { $0.role == SessionPersonRole.moderator.rawValue }
        return .div(.class("session"),
            // A session known only by its day is shown without times: the documents gave none.
            .h4(.text(escaping: session.isWholeDay ? session.title : "\(ZonedTime.time(session.startsAt, in: zone))–\(ZonedTime.time(session.endsAt, in: zone)) · \(session.title)")),
            .p(.class("meta"), .text(escaping: session.sessionKind.label), .unwrap(session.room) { .text(escaping: " · \($0)") }),
            .unwrap(session.description) { .p(.text(escaping: $0)) },
            .if(!session.questionList.isEmpty, .group(.p(.strong("Questions this session will consider")),
                                                      .ul(.forEach(session.questionList) { .li(.text(escaping: $0)) }))),
            people("Speakers", speakers), people("Moderated by", moderators))
    }

    private func people(_ label: String, _ lines: [PartyLine]) -> Node<HTML.BodyContext> {
        .if(!lines.isEmpty, .p(.text(escaping: label + ": "), .forEach(Array(lines.enumerated())) { index, line in
            .group(.if(index > 0, .text(escaping: ", ")), .a(.href(to: line.link), .text(escaping: line.title)))
        }))
    }

    private var parts: Node<HTML.BodyContext> {
        .if(!detail.parts.isEmpty, .section(.h2("Within this event"), .ul(.forEach(detail.parts) { part in
            .li(.a(.href(to: ConveningsURL.event(part.slug)), .text(escaping: part.title)),
                .span(.class("meta"), .text(escaping: " · \(part.when)")))
        })))
    }

    private var afterTheEvent: Node<HTML.BodyContext> {
        let hasContent = event.highlights != nil || !detail.quotes.isEmpty || event.attendanceCount != nil
        return .if(hasContent, .section(.id("after"), .h2("After the event"),
            .unwrap(event.attendanceCount) { .p(.strong("Attendance: "), .text(escaping: "\($0)")) },
            .unwrap(event.highlights) { paragraphs($0) },
            .if(!detail.quotes.isEmpty, .group(.h3("Quotes"), .forEach(detail.quotes) { quote in
                .blockquote(.p(.text(escaping: "“\(quote.text)”")),
                    .unwrap(quote.person) { person in .p(.class("meta"), .text(escaping: "— "), .a(.href(to: person.link), .text(escaping: person.title)),
                                                        .unwrap(quote.sessionTitle) { .text(escaping: ", \($0)") }) })
            }))))
    }

    private var participants: Node<HTML.BodyContext> {
        .unwrap(detail.participants) { list in
            .section(.id("participants"), .h2("Participants"),
                .if(list.isEmpty, .p(.class("meta"), .text(escaping: "No participants listed yet."))),
                .ul(.forEach(list) { .li(.text(escaping: $0.name), .unwrap($0.organization) { .span(.class("meta"), .text(escaping: ", \($0)")) }) }))
        }
    }

    private var sources: Node<HTML.BodyContext> {
        .if(!detail.sources.isEmpty, .section(.h2("Sources"), .ul(.forEach(detail.sources) { source in
            .li(.a(.href(to: source.link), .text(escaping: source.title)))
        })))
    }

    private func paragraphs(_ text: String) -> Node<HTML.BodyContext> {
        .forEach(Paragraphs.split(text)) { .p(.text(escaping: $0)) }
    }
}
