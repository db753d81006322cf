import FluentKit
import Hummingbird
import ServiceLifecycle

/// Convenings: events with their programme, parties and registration; calendars; staff
/// pages to run them; the demo network's events.
struct ConveningsModule: CivitasModule {
    let services: AppServices
    let name = "convenings"
    /// Shared by every copy of this manifest: registrations wait here to be decided together.
    let desk = RegistrationDesk()
    var migrations: [any Migration] { [M001_CreateConvenings(), M002_MoveOutboxToPlatform(), M003_SessionDays(), M004_EventAreaIndex()] }
    var apiScopes: [APIScope] { [.eventsWrite] }

    var navigationLinks: [NavigationLink] { [NavigationLink(label: "Events", destination: ConveningsURL.events)] }
    var staffLinks: StaffLinks? {
        StaffLinks(heading: "Convenings", links: [NavigationLink(label: "Events", destination: ConveningsURL.staffEvents, visibleTo: .staff)])
    }
    var homeSections: [any HomeSectionProvider] { [EventsHomeSection(services: services)] }
    var profileSections: [any ProfileSectionProvider] { [ProfileEventsSection(services: services)] }
    var changeSubscribers: [ChangePublisher.Subscriber] {
        let desk = self.desk
        return [{ change in desk.forget(after: change) }]
    }

    var recordLookup: (any RecordLookup)? { EventRecordLookup(sql: services.database.reads) }
    /// Events once listed links as their resources; resources are the library's now.
    var handovers: [any RecordHandover] { [EventResourcesHandover()] }
    var searchDocuments: (any SearchDocumentSource)? { EventSearchDocuments(reads: SearchSourceReads(services: services)) }
    var scaleDemo: (any ScaleDemoGenerator)? { EventsScaleDemo() }

    func registerRoutes(on routes: SiteRoutes) {
        let pages = EventPages(services: services, desk: desk)
        let api = EventAPI(services: services, desk: desk)
        routes.group(.everyone) { group in
            // Published events only.
            group.get(ConveningsURL.events, use: pages.list)
            group.get(ConveningsURL.event(SiteURL.parameter("key")), use: pages.show)
            group.get(ConveningsURL.eventsFeed, use: pages.feed)
            group.get(ConveningsURL.topicEventsFeed(SiteURL.parameter("key")), use: pages.topicFeed)
            // While the event takes registrations (checked by RegisterForEvent).
            group.get(ConveningsURL.eventRegister(SiteURL.parameter("key")), use: pages.registrationForm)
            group.post(ConveningsURL.eventRegister(SiteURL.parameter("key")), use: pages.register)
            // Whoever holds the personal link's secret (unguessable, stored hashed).
            group.get(ConveningsURL.registration(SiteURL.parameter("token")), use: pages.personal)
            group.post(ConveningsURL.registrationCancel(SiteURL.parameter("token")), use: pages.cancel)
            group.get(ConveningsURL.invitation(SiteURL.parameter("token")), use: pages.invitationForm)
            group.post(ConveningsURL.invitation(SiteURL.parameter("token")), use: pages.acceptInvitation)
            api.registerPublic(on: group)
        }
        routes.group(.staff, EventStaffHandlers(services: services).register)
        routes.group(.apiScope(.eventsWrite), api.registerWrites)
    }

    func loadDemo(on db: any Database, services: AppServices) async throws {
        try await ConveningsDemo.load(on: db, services: services)
    }
}

extension APIScope {
    static let eventsWrite = APIScope("events:write", summary: "Create, edit, reschedule and cancel events")
}
