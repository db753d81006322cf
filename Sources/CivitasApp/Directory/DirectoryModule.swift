import FluentKit
import Hummingbird

/// The directory: areas, organizations, people, posts, memberships, topics and sources,
/// on the public site, on staff pages and in the API.
struct DirectoryModule: CivitasModule {
    let services: AppServices
    /// Other capabilities' sections of profile pages.
    var profileSections: [any ProfileSectionProvider] = []
    let name = "directory"
    var migrations: [any Migration] { [M001_CreateDirectory()] }
    var openAPIPaths: [String: JSONValue] { DirectoryOpenAPI.paths }

    func registerRoutes(on router: Router<AppRequestContext>) {
        let pages = DirectoryPages(services: services, profileSections: profileSections)
        // Access: public (published records only).
        router.get(SiteURL.home.route, use: pages.home)
        for kind in RecordKind.allCases where kind != .membership {
            router.get(SiteURL.list(kind).route) { request, context in try await pages.list(kind, request, context) }
            router.get(SiteURL.record(kind, SiteURL.parameter("key")).route) { request, context in try await pages.show(kind, request, context) }
        }
        let staff = StaffHandlers(services: services)
        // Access: staff (admin, editor, organizer); members and visitors get 403.
        router.get(SiteURL.staff.route, use: staff.dashboard)
        for kind in RecordKind.allCases {
            router.get(SiteURL.staffList(kind).route) { request, context in try await staff.list(kind, request, context) }
            router.get(SiteURL.staffNew(kind).route) { request, context in try await staff.newForm(kind, request, context) }
            router.post(SiteURL.staffList(kind).route) { request, context in try await staff.create(kind, request, context) }
            router.get(SiteURL.staffEdit(kind, SiteURL.parameter("id")).route) { request, context in try await staff.editForm(kind, request, context) }
            router.post(SiteURL.staffRecord(kind, SiteURL.parameter("id")).route) { request, context in try await staff.update(kind, request, context) }
            router.post(SiteURL.staffPublish(kind, SiteURL.parameter("id")).route) { request, context in try await staff.setPublished(kind, true, request, context) }
            router.post(SiteURL.staffUnpublish(kind, SiteURL.parameter("id")).route) { request, context in try await staff.setPublished(kind, false, request, context) }
        }
        DirectoryAPI(services: services).register(on: router)
    }

    func loadDemo(on db: any Database, services: AppServices) async throws {
        try await DirectoryDemo.load(on: db, now: services.now())
    }
}
