/// Every path of the site in one place: routes are registered from these cases and every
/// link is built from them, so a link cannot point at a route that does not exist.
/// Cases with parameters produce the router pattern when given `SiteURL.parameter(name)`.
public enum SiteURL: Sendable {
    case home
    case hello
    case healthz
    case readyz
    case metrics
    case stylesheet
    case signIn
    case signOut

    case list(RecordKind)
    case record(RecordKind, String)

    case staff
    case staffList(RecordKind)
    case staffNew(RecordKind)
    case staffRecord(RecordKind, String)
    case staffEdit(RecordKind, String)
    case staffPublish(RecordKind, String)
    case staffUnpublish(RecordKind, String)
    case staffAudit
    case staffTokens
    case staffTokenRevoke(String)
    case staffUsers
    case staffUser(String)
    case account
    case accountPassword

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
    case staffOutbox
    case apiEvents
    case apiEvent(String)
    case apiEventRegistrations(String)

    case apiList(RecordKind)
    case apiRecord(RecordKind, String)
    case apiPopolo
    case apiOpenAPI

    public var path: String {
        switch self {
        case .home: "/"
        case .hello: "/hello"
        case .healthz: "/healthz"
        case .readyz: "/readyz"
        case .metrics: "/metrics"
        case .stylesheet: "/assets/civitas.css"
        case .signIn: "/sign-in"
        case .signOut: "/sign-out"
        case .list(let kind): "/\(kind.plural)"
        case .record(let kind, let key): "/\(kind.plural)/\(key)"
        case .staff: "/staff"
        case .staffList(let kind): "/staff/\(kind.plural)"
        case .staffNew(let kind): "/staff/\(kind.plural)/new"
        case .staffRecord(let kind, let id): "/staff/\(kind.plural)/\(id)"
        case .staffEdit(let kind, let id): "/staff/\(kind.plural)/\(id)/edit"
        case .staffPublish(let kind, let id): "/staff/\(kind.plural)/\(id)/publish"
        case .staffUnpublish(let kind, let id): "/staff/\(kind.plural)/\(id)/unpublish"
        case .staffAudit: "/staff/audit"
        case .staffTokens: "/staff/tokens"
        case .staffTokenRevoke(let id): "/staff/tokens/\(id)/revoke"
        case .staffUsers: "/staff/users"
        case .staffUser(let id): "/staff/users/\(id)"
        case .account: "/account"
        case .accountPassword: "/account/password"
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
        case .staffOutbox: "/staff/outbox"
        case .apiEvents: "/api/v1/events"
        case .apiEvent(let key): "/api/v1/events/\(key)"
        case .apiEventRegistrations(let key): "/api/v1/events/\(key)/registrations"
        case .apiList(let kind): "/api/v1/\(kind.plural)"
        case .apiRecord(let kind, let key): "/api/v1/\(kind.plural)/\(key)"
        case .apiPopolo: "/api/v1/popolo.json"
        case .apiOpenAPI: "/api/v1/openapi.json"
        }
    }

    /// The pattern the router matches.
    public var route: RouterPath { RouterPath(path) }

    /// A route parameter placeholder, e.g. `SiteURL.record(.person, SiteURL.parameter("key"))`.
    public static func parameter(_ name: String) -> String { "{\(name)}" }

    /// Links with a query, e.g. `/people?q=garcetti&page=2`.
    func with(query items: [(String, String)]) -> SiteLink {
        let query = items.filter { !$0.1.isEmpty }.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? value)"
        }
        return SiteLink(path: query.isEmpty ? path : path + "?" + query.joined(separator: "&"))
    }
}

import Foundation
import Hummingbird

extension CharacterSet {
    static let urlQueryValueAllowed: CharacterSet = {
        var set = CharacterSet.urlQueryAllowed
        set.remove(charactersIn: "&=+?#")
        return set
    }()
}
