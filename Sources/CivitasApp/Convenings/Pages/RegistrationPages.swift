import CivitasCore
import Foundation

/// The registration form (open registration, or through a personal invitation).
struct RegistrationFormPage {
    let event: EventRecord
    let values: [String: String]
    let error: AppError?
    let csrfToken: String
    /// The secret of the invitation being used, if any.
    var invitationToken: String? = nil

    var content: Node<HTML.BodyContext> {
        let fields = FormFields(errors: error?.fieldErrors ?? [:])
        let action = invitationToken.map { ConveningsURL.invitation($0) } ?? ConveningsURL.eventRegister(event.slug)
        return .group(
            .h1(.text(escaping: "Register: \(event.title)")),
            .p(.class("subtitle"), .text(escaping: event.when)),
            .if(event.registration == .approval && invitationToken == nil, .p(.text(escaping: "The organisers review each registration; you will hear from them by e-mail."))),
            .alert(error),
            .form(.class("stacked"), .method(.post), .action(to: action),
                FormFields.csrf(csrfToken),
                fields.text("name", "Name", value: values["name"] ?? "", required: true),
                invitationToken == nil
                    ? fields.text("email", "E-mail", value: values["email"] ?? "", type: .email, required: true, help: "Your confirmation and personal link are sent here")
                    : fields.field("email", "E-mail", help: "The address your invitation was sent to",
                                   .input(.type(.email), .id("email"), .name("email"), .value(escaping: values["email"] ?? ""), .attribute(named: "readonly", value: "readonly"))),
                fields.text("organization", "Organisation", value: values["organization"] ?? "", help: "Your city, office or organisation"),
                .if(invitationToken == nil, fields.select("role", "Taking part as", options: RegistrationInput.selfChosenRoles.map { ($0.rawValue, $0.label) },
                                                          selected: [values["role"] ?? "attendee"])),
                fields.checkbox("listed", "List my name and organisation among the participants if the organisers publish the list",
                                checked: values["listed"] != "false"),
                .p(.button(.type(.submit), .text(escaping: "Register")))
            )
        )
    }
}

/// A participant's own page, reached by the personal link in their mail: status, place on
/// the waiting list, the online link once confirmed, and cancellation.
struct PersonalRegistrationPage {
    let registration: RegistrationRecord
    let event: EventRecord
    let position: Int?
    let token: String
    let csrfToken: String
    let notice: String?
    let now: Date

    var content: Node<HTML.BodyContext> {
        let status = registration.registrationStatus
        return .group(
            .h1(.text(escaping: event.title)),
            .p(.class("subtitle"), .text(escaping: event.when)),
            .unwrap(notice) { .div(.class("notice"), .attribute(named: "role", value: "status"), .p(.text(escaping: $0))) },
            .if(event.eventStatus != .scheduled, .div(.class("alert"), .p(.strong("\(event.eventStatus.label). "),
                .text(escaping: event.eventStatus == .cancelled ? "This event will not take place." : "New dates will be announced.")))),
            .dl(
                .dt("Name"), .dd(.text(escaping: registration.name)),
                .dt("E-mail"), .dd(.text(escaping: registration.email)),
                .dt("Status"), .dd(.strong(.text(escaping: status.label)), .unwrap(position) { .text(escaping: " (number \($0) on the list)") }),
                .dt("Taking part as"), .dd(.text(escaping: ParticipantRole(rawValue: registration.role)?.label ?? registration.role))
            ),
            onlineLink,
            .p(.a(.href(to: ConveningsURL.event(event.slug)), .text(escaping: "Event page")), .text(escaping: " · "),
               .a(.href(to: ConveningsURL.eventCalendar(event.slug)), .text(escaping: "Add to calendar (.ics)"))),
            .if(status.isActive && !event.isPast(now: now), .form(.method(.post), .action(to: ConveningsURL.registrationCancel(token)),
                FormFields.csrf(csrfToken),
                .p(.button(.class("secondary"), .type(.submit), .text(escaping: status == .waitlisted ? "Leave the waiting list" : "Cancel my registration")))))
        )
    }

    /// Only a confirmed participant sees where to join online.
    private var onlineLink: Node<HTML.BodyContext> {
        guard registration.registrationStatus == .confirmed, event.mode != .inPerson, let url = event.onlineUrl else { return .empty }
        guard let address = WebAddress(url) else { return .p(.strong("Join online: "), .text(escaping: url)) }
        return .p(.strong("Join online: "), .a(.href(to: address), .text(escaping: url)))
    }
}

/// After the registration form: the same page whether the address was new or registered
/// already, since only the mail to that address carries the personal link.
struct RegistrationReceivedPage {
    let event: EventRecord
    let email: String

    var content: Node<HTML.BodyContext> {
        .group(
            .h1(.text(escaping: "Check your e-mail")),
            .div(.class("notice"), .attribute(named: "role", value: "status"),
                 .p(.text(escaping: "Your registration for \(event.title) was received. We have sent the details, and a personal link to see or cancel it, to \(email).")),
                 .p(.text(escaping: "The mail says whether your place is confirmed, on the waiting list or awaiting approval. Keep it: its link brings you back to your registration."))),
            .p(.a(.href(to: ConveningsURL.event(event.slug)), .text(escaping: "Back to the event")))
        )
    }
}
