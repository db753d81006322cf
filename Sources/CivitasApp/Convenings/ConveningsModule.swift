import FluentKit
import Hummingbird
import ServiceLifecycle

/// Convenings: events with their programme, parties and registration; calendars; the
/// mail outbox; staff pages to run them; the demo network's events.
struct ConveningsModule: CivitasModule {
    let services: AppServices
    let name = "convenings"
    var migrations: [any Migration] { [M001_CreateConvenings()] }
    var openAPIPaths: [String: JSONValue] { ConveningsOpenAPI.paths }

    func registerRoutes(on router: Router<AppRequestContext>) {
        let pages = EventPages(services: services)
        // Access: public (published events only).
        router.get(SiteURL.events.route, use: pages.list)
        router.get(SiteURL.event(SiteURL.parameter("key")).route, use: pages.show)
        router.get(SiteURL.eventsFeed.route, use: pages.feed)
        router.get(SiteURL.topicEventsFeed(SiteURL.parameter("key")).route, use: pages.topicFeed)
        // Access: anyone, while the event takes registrations (checked by RegisterForEvent).
        router.get(SiteURL.eventRegister(SiteURL.parameter("key")).route, use: pages.registrationForm)
        router.post(SiteURL.eventRegister(SiteURL.parameter("key")).route, use: pages.register)
        // Access: whoever holds the personal link's secret (unguessable, stored hashed).
        router.get(SiteURL.registration(SiteURL.parameter("token")).route, use: pages.personal)
        router.post(SiteURL.registrationCancel(SiteURL.parameter("token")).route, use: pages.cancel)
        router.get(SiteURL.invitation(SiteURL.parameter("token")).route, use: pages.invitationForm)
        router.post(SiteURL.invitation(SiteURL.parameter("token")).route, use: pages.acceptInvitation)

        EventAPI(services: services).register(on: router)
        EventStaffHandlers(services: services).register(on: router)
    }

    func loadDemo(on db: any Database, services: AppServices) async throws {
        try await ConveningsDemo.load(on: db, services: services)
    }
}
