import CivitasCore
import Foundation

/// Staff page of an event's programme: its sessions, a session form, and the quotes.
struct ProgrammePage {
    let detail: EventDetail
    /// The session being edited; nil for the "new session" form.
    let editing: SessionLine?
    let form: FormData?
    let error: AppError?
    let people: [(String, String)]
    let csrfToken: String

    private var event: EventRecord { detail.event }

    var content: Node<HTML.BodyContext> {
        .group(
            .h1(.text(escaping: "Programme: \(event.title)")),
            .p(.a(.href(to: ConveningsURL.staffEventEdit(event.id)), .text(escaping: "Back to the event")), .text(escaping: " · Times in \(event.timeZone)")),
            .table(.thead(.tr(.th("When"), .th("Session"), .th("Speakers"), .actionsHeader)),
                .tbody(.forEach(detail.sessions) { line in
                    .tr(.td(.text(escaping: line.session.isWholeDay ? ZonedTime.day(line.session.startsAt, in: event.zone)
                                  : "\(ZonedTime.day(line.session.startsAt, in: event.zone)) \(ZonedTime.time(line.session.startsAt, in: event.zone))")),
                        .td(.text(escaping: line.session.title), .span(.class("meta"), .text(escaping: " · \(line.session.sessionKind.label)"))),
                        .td(.text(escaping: line.people.map(\.title).joined(separator: ", ")), .if(!line.session.speakersPublished, .span(.class("meta"), .text(escaping: " (held back)")))),
                        .td(.a(.href(to: ConveningsURL.staffSessionEdit(event.id, line.session.id)), .text(escaping: "Edit"))))
                })),
            sessionForm,
            quotes
        )
    }

    private func value(_ name: String) -> String {
        if let form { return form[name] ?? "" }
        guard let session = editing?.session else { return "" }
        switch name {
        case "title": return session.title
        case "kind": return session.kind
        case "schedule": return session.schedule
        case "day": return session.isWholeDay ? ZonedTime.dayKey(session.startsAt, in: event.zone) : ""
        case "starts_at": return session.isWholeDay ? "" : ZonedTime.formValue(session.startsAt, in: event.zone)
        case "ends_at": return session.isWholeDay ? "" : ZonedTime.formValue(session.endsAt, in: event.zone)
        case "room": return session.room ?? ""
        case "description": return session.description ?? ""
        case "questions": return session.questions ?? ""
        default: return ""
        }
    }

    private func selected(_ role: SessionPersonRole) -> [String] {
        if let form { return form.all("\(role.rawValue)_ids") }
        return editing?.people.filter { $0.role == role.rawValue }.map(\.id) ?? []
    }

    private var sessionForm: Node<HTML.BodyContext> {
        let f = FormFields(errors: error?.fieldErrors ?? [:])
        let action = editing.map { ConveningsURL.staffSession(event.id, $0.session.id) } ?? ConveningsURL.staffEventSessions(event.id)
        let published = form.map { $0["speakers_published"] == "true" } ?? editing?.session.speakersPublished ?? true
        return .section(
            .h2(.text(escaping: editing == nil ? "Add a session" : "Edit session")),
            .alert(error),
            .form(.class("stacked"), .method(.post), .action(to: action),
                FormFields.csrf(csrfToken),
                f.text("title", "Title", value: value("title"), required: true),
                f.select("kind", "Kind", options: SessionKind.allCases.map { ($0.rawValue, $0.label) }, selected: [value("kind")]),
                f.select("schedule", "When", options: [("times", "At set times"), ("day", "On a day, times not known")],
                         selected: [value("schedule").isEmpty ? "times" : value("schedule")]),
                f.text("starts_at", "Starts", value: value("starts_at"), type: .init(rawValue: "datetime-local") ?? .text, help: "For sessions at set times"),
                f.text("ends_at", "Ends", value: value("ends_at"), type: .init(rawValue: "datetime-local") ?? .text),
                f.text("day", "Day", value: value("day"), type: .init(rawValue: "date") ?? .text, help: "For sessions known only by their day"),
                f.text("room", "Room", value: value("room")),
                f.textarea("description", "Description", value: value("description")),
                f.textarea("questions", "Questions the session will consider", value: value("questions"), help: "One per line"),
                f.select("speaker_ids", "Speakers", options: people, selected: selected(.speaker), multiple: true),
                f.select("moderator_ids", "Moderators", options: people, selected: selected(.moderator), multiple: true),
                f.checkbox("speakers_published", "Announce the speakers publicly", checked: published),
                .p(.button(.type(.submit), .text(escaping: "Save session")))))
    }

    private var quotes: Node<HTML.BodyContext> {
        .section(.h2("Quotes"),
            .ul(.forEach(detail.quotes) { quote in
                .li(.text(escaping: "“\(quote.text)” — \(quote.person?.title ?? "unattributed")"),
                    .form(.class("inline"), .method(.post), .action(to: ConveningsURL.staffQuoteDelete(event.id, quote.id)),
                          FormFields.csrf(csrfToken), .button(.class("secondary"), .type(.submit), .text(escaping: "Remove"))))
            }),
            .form(.class("stacked"), .method(.post), .action(to: ConveningsURL.staffEventQuotes(event.id)),
                FormFields.csrf(csrfToken),
                FormFields(errors: [:]).textarea("text", "Quote", value: ""),
                FormFields(errors: [:]).select("person_id", "Said by", options: people, selected: [], blank: true),
                FormFields(errors: [:]).select("session_id", "In the session", options: detail.sessions.map { ($0.session.id, $0.session.title) }, selected: [], blank: true),
                .p(.button(.type(.submit), .text(escaping: "Add quote")))))
    }
}

/// Staff page of an event's participants: approve, reject, cancel, mark attendance, invite.
struct ParticipantsPage {
    let event: EventRecord
    let registrations: [RegistrationRecord]
    let invitations: [InvitationRecord]
    let counts: RegistrationCounts
    let error: AppError?
    let notice: String?
    let csrfToken: String

    var content: Node<HTML.BodyContext> {
        let f = FormFields(errors: error?.fieldErrors ?? [:])
        return .group(
            .h1(.text(escaping: "Participants: \(event.title)")),
            .p(.a(.href(to: ConveningsURL.staffEventEdit(event.id)), .text(escaping: "Back to the event")), .text(escaping: " · "),
               .a(.href(to: ConveningsURL.staffParticipantsCSV(event.id)), .text(escaping: "Download the list (CSV)"))),
            .unwrap(notice) { .div(.class("notice"), .p(.text(escaping: $0))) },
            .alert(error),
            .p(.text(escaping: "\(counts.confirmed) confirmed\(event.capacity.map { " of \($0) places" } ?? "") · \(counts.waitlisted) on the waiting list · \(counts.pending) awaiting approval")),
            .table(.thead(.tr(.th("#"), .th("Name"), .th("E-mail"), .th("Organisation"), .th("Role"), .th("Status"), .th("Attended"), .th("Actions"))),
                .tbody(.forEach(registrations) { registration in
                    .tr(.td(.text(escaping: String(registration.queueNumber))), .td(.text(escaping: registration.name)), .td(.text(escaping: registration.email)),
                        .td(.text(escaping: registration.organization ?? "")), .td(.text(escaping: registration.role)),
                        .td(.text(escaping: registration.registrationStatus.label)), .td(.text(escaping: registration.attended ? "yes" : "")),
                        .td(.forEach(actions(for: registration)) { action in
                            .form(.class("inline"), .method(.post), .action(to: ConveningsURL.staffRegistrationAction(event.id, registration.id, action.rawValue)),
                                  FormFields.csrf(csrfToken), .button(.class("secondary"), .type(.submit), .text(escaping: label(action))))
                        }))
                })),
            .section(.h2("Invite someone"),
                .form(.class("stacked"), .method(.post), .action(to: ConveningsURL.staffInvitations(event.id)),
                    FormFields.csrf(csrfToken),
                    f.text("name", "Name", value: ""),
                    f.text("email", "E-mail", value: "", type: .email, required: true),
                    f.select("role", "Role", options: ParticipantRole.allCases.map { ($0.rawValue, $0.label) }, selected: ["attendee"]),
                    .p(.button(.type(.submit), .text(escaping: "Send invitation")))),
                .ul(.forEach(invitations) { invitation in
                    .li(.text(escaping: "\(invitation.email) (\(invitation.role)) — \(invitation.usedAt == nil ? "not used yet" : "registered")"))
                }))
        )
    }

    private func actions(for registration: RegistrationRecord) -> [ReviewRegistration.Action] {
        switch registration.registrationStatus {
        case .pending: [.approve, .reject]
        case .confirmed: [registration.attended ? .absent : .attended, .cancel]
        case .waitlisted: [.cancel]
        case .rejected, .cancelled: []
        }
    }

    private func label(_ action: ReviewRegistration.Action) -> String {
        switch action {
        case .approve: "Approve"
        case .reject: "Reject"
        case .cancel: "Cancel"
        case .attended: "Mark attended"
        case .absent: "Mark absent"
        }
    }
}
