import CivitasCore
import Foundation

/// The text of every mail about an event. Each carries the event's .ics, so the event
/// lands in the recipient's calendar and stays in step with it (same UID, newer SEQUENCE).
struct EventMails {
    let event: EventRecord
    let siteName: String
    let publicURL: String
    /// The event's .ics, so the event lands in the recipient's calendar: written once for all
    /// the mails of a batch (a rush's batch of registrations once wrote it once per mail).
    private let invite: MailAttachment

    init(event: EventRecord, siteName: String, publicURL: String) {
        self.event = event
        self.siteName = siteName
        self.publicURL = publicURL
        invite = MailAttachment(filename: "invite.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH",
                                content: EventCalendar.document([event], name: nil, publicURL: publicURL))
    }

    private var when: String { event.when }
    private var page: String { publicURL + ConveningsURL.event(event.slug).path }

    func personalLink(_ token: String) -> String { publicURL + ConveningsURL.registration(token).path }

    private func mail(to recipient: String, subject: String, _ paragraphs: [String?]) -> OutgoingMail {
        let body = (paragraphs.compactMap { $0 } + ["— \(siteName)"]).joined(separator: "\n\n") + "\n"
        return OutgoingMail(recipient: recipient, subject: subject, body: body, attachments: [invite], about: MailAbout(kind: EventTopics.event, id: event.id))
    }

    func registered(_ registration: RegistrationRecord, token: String, position: Int?) -> OutgoingMail {
        let link = personalLink(token)
        switch registration.registrationStatus {
        case .confirmed:
            return mail(to: registration.email, subject: "Your place at \(event.title) is confirmed", [
                "Dear \(registration.name),",
                "your place at \(event.title) is confirmed.",
                "When: \(when)\nWhere: \(event.venue ?? event.mode.label)\nEvent page: \(page)",
                event.mode != .inPerson ? "The online link is on your personal page, which only you can open:\n\(link)" : "Your personal page, to see or cancel your registration:\n\(link)",
            ])
        case .waitlisted:
            return mail(to: registration.email, subject: "You are on the waiting list for \(event.title)", [
                "Dear \(registration.name),",
                "\(event.title) is full, so you are number \(position ?? 1) on the waiting list. When a place frees, the first on the list gets it automatically and we will write to you at once.",
                "When: \(when)\nEvent page: \(page)",
                "Your personal page, to see your position or leave the list:\n\(link)",
            ])
        case .pending:
            return mail(to: registration.email, subject: "Your registration for \(event.title) awaits approval", [
                "Dear \(registration.name),",
                "thank you for registering for \(event.title). The organisers review each registration; we will write to you when they have decided.",
                "When: \(when)\nEvent page: \(page)",
                "Your personal page:\n\(link)",
            ])
        case .rejected, .cancelled:
            return mail(to: registration.email, subject: "Your registration for \(event.title)", ["Dear \(registration.name),", "your registration is \(registration.registrationStatus.label.lowercased()).", page])
        }
    }

    /// Someone asked to register an address that is registered already.
    func alreadyRegistered(_ registration: RegistrationRecord, token: String) -> OutgoingMail {
        mail(to: registration.email, subject: "You are already registered for \(event.title)", [
            "Dear \(registration.name),",
            "someone, perhaps you, asked to register this address for \(event.title) again. You are already registered (\(registration.registrationStatus.label.lowercased())), so nothing has changed.",
            "Here is a new link to your personal page; the one in earlier mails no longer works:\n\(personalLink(token))",
            "If you did not ask for this, you need do nothing.",
        ])
    }

    func promoted(_ registration: RegistrationRecord) -> OutgoingMail {
        mail(to: registration.email, subject: "A place freed up: you are confirmed for \(event.title)", [
            "Dear \(registration.name),",
            "a place at \(event.title) has freed up and it is yours: your registration moved from the waiting list to confirmed.",
            "When: \(when)\nWhere: \(event.venue ?? event.mode.label)\nEvent page: \(page)",
            "If you can no longer come, please cancel from your personal page so the next person can take the place (the link is in your first mail).",
        ])
    }

    func approved(_ registration: RegistrationRecord, position: Int?) -> OutgoingMail {
        if registration.registrationStatus == .waitlisted {
            return mail(to: registration.email, subject: "Approved: you are on the waiting list for \(event.title)", [
                "Dear \(registration.name),",
                "the organisers approved your registration, but the event is full: you are number \(position ?? 1) on the waiting list and will be confirmed automatically when a place frees.",
                "Event page: \(page)",
            ])
        }
        return mail(to: registration.email, subject: "Approved: your place at \(event.title) is confirmed", [
            "Dear \(registration.name),",
            "the organisers approved your registration: your place at \(event.title) is confirmed.",
            "When: \(when)\nWhere: \(event.venue ?? event.mode.label)\nEvent page: \(page)",
        ])
    }

    func rejected(_ registration: RegistrationRecord) -> OutgoingMail {
        mail(to: registration.email, subject: "Your registration for \(event.title)", [
            "Dear \(registration.name),",
            "we are sorry: the organisers could not accept your registration for \(event.title).",
            "Event page: \(page)",
        ])
    }

    func invitation(name: String?, email: String, token: String) -> OutgoingMail {
        mail(to: email, subject: "Invitation: \(event.title)", [
            "Dear \(name ?? "colleague"),",
            "you are invited to \(event.title).",
            event.summary,
            "When: \(when)\nWhere: \(event.venue ?? event.mode.label)",
            "Register with your personal invitation link. It is for you alone and works once:\n\(publicURL + ConveningsURL.invitation(token).path)",
        ])
    }

    func statusChanged(_ registration: RegistrationRecord) -> OutgoingMail {
        switch event.eventStatus {
        case .cancelled:
            return mail(to: registration.email, subject: "Cancelled: \(event.title)", [
                "Dear \(registration.name),",
                "we are sorry to tell you that \(event.title), planned for \(when), has been cancelled. The attached calendar entry removes it from your calendar.",
                "Event page: \(page)",
            ])
        case .postponed:
            return mail(to: registration.email, subject: "Postponed: \(event.title)", [
                "Dear \(registration.name),",
                "\(event.title), planned for \(when), has been postponed. Your registration stands; we will write again with the new dates.",
                "Event page: \(page)",
            ])
        case .scheduled:
            return mail(to: registration.email, subject: "Back on schedule: \(event.title)", [
                "Dear \(registration.name),",
                "\(event.title) is on again: \(when). Your registration stands.",
                "Event page: \(page)",
            ])
        }
    }
}
