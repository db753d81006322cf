/// The paths of events: public pages and calendars, registration and invitation links,
/// staff pages and the API.
enum ConveningsURL: SitePath {
    case events
    case event(String)
    case eventCalendar(String)
    case eventsFeed
    case topicEventsFeed(String)
    case eventRegister(String)
    case registration(String)
    case registrationCancel(String)
    case invitation(String)
    case staffEvents
    case staffEventNew
    case staffEvent(String)
    case staffEventEdit(String)
    case staffEventSessions(String)
    case staffSession(String, String)
    case staffSessionEdit(String, String)
    case staffEventQuotes(String)
    case staffQuoteDelete(String, String)
    case staffParticipants(String)
    case staffParticipantsCSV(String)
    case staffRegistrationAction(String, String, String)
    case staffInvitations(String)
    case apiEvents
    case apiEvent(String)
    case apiEventRegistrations(String)

    var path: String {
        switch self {
        case .events: "/events"
        case .event(let key): "/events/\(key)"
        case .eventCalendar(let slug): "/events/\(slug).ics"
        case .eventsFeed: "/events.ics"
        case .topicEventsFeed(let slug): "/topics/\(slug)/events.ics"
        case .eventRegister(let key): "/events/\(key)/register"
        case .registration(let token): "/registrations/\(token)"
        case .registrationCancel(let token): "/registrations/\(token)/cancel"
        case .invitation(let token): "/invitations/\(token)"
        case .staffEvents: "/staff/events"
        case .staffEventNew: "/staff/events/new"
        case .staffEvent(let id): "/staff/events/\(id)"
        case .staffEventEdit(let id): "/staff/events/\(id)/edit"
        case .staffEventSessions(let id): "/staff/events/\(id)/sessions"
        case .staffSession(let id, let session): "/staff/events/\(id)/sessions/\(session)"
        case .staffSessionEdit(let id, let session): "/staff/events/\(id)/sessions/\(session)/edit"
        case .staffEventQuotes(let id): "/staff/events/\(id)/quotes"
        case .staffQuoteDelete(let id, let quote): "/staff/events/\(id)/quotes/\(quote)/delete"
        case .staffParticipants(let id): "/staff/events/\(id)/participants"
        case .staffParticipantsCSV(let id): "/staff/events/\(id)/participants.csv"
        case .staffRegistrationAction(let id, let registration, let action): "/staff/events/\(id)/registrations/\(registration)/\(action)"
        case .staffInvitations(let id): "/staff/events/\(id)/invitations"
        case .apiEvents: "/api/v1/events"
        case .apiEvent(let key): "/api/v1/events/\(key)"
        case .apiEventRegistrations(let key): "/api/v1/events/\(key)/registrations"
        }
    }
}
