import FluentKit
import Hummingbird

/// The library of what works: practices, resources and news, on the public site (with an
/// Atom feed of the news), on staff pages, in the API, and on directory pages.
struct LibraryModule: CivitasModule {
    let services: AppServices
    let name = "library"
    var migrations: [any Migration] { [M001_CreateLibrary()] }
    var apiScopes: [APIScope] { [.libraryWrite] }

    var navigationLinks: [NavigationLink] {
        LibraryKind.allCases.map { NavigationLink(label: $0.pluralLabel, destination: LibraryURL.list($0)) }
    }
    var footerLinks: [NavigationLink] { [NavigationLink(label: "News feed (Atom)", destination: LibraryURL.newsFeed)] }
    var staffLinks: StaffLinks? {
        StaffLinks(heading: "Library", links: LibraryKind.allCases.map {
            NavigationLink(label: $0.pluralLabel, destination: LibraryURL.staffList($0), visibleTo: .staff)
        })
    }
    var homeSections: [any HomeSectionProvider] { [LibraryHomeSection(services: services)] }
    var profileSections: [any ProfileSectionProvider] { [LibraryProfileSection(services: services)] }

    func registerRoutes(on routes: SiteRoutes) {
        let pages = LibraryPages(services: services)
        let staff = LibraryStaffHandlers(services: services)
        let api = LibraryAPI(services: services)
        routes.group(.everyone) { group in
            group.get(LibraryURL.newsFeed) { request, context in try await pages.feed(request, context) }
            for kind in LibraryKind.allCases {
                group.get(LibraryURL.list(kind)) { request, context in try await pages.list(kind, request, context) }
                group.get(LibraryURL.record(kind, SiteURL.parameter("key"))) { request, context in try await pages.show(kind, request, context) }
            }
            api.registerPublic(on: group)
        }
        routes.group(.staff) { group in
            for kind in LibraryKind.allCases {
                group.get(LibraryURL.staffList(kind)) { request, context in try await staff.list(kind, request, context) }
                group.get(LibraryURL.staffNew(kind)) { request, context in try await staff.newForm(kind, request, context) }
                group.post(LibraryURL.staffList(kind)) { request, context in try await staff.save(kind, editing: false, request, context) }
                group.get(LibraryURL.staffEdit(kind, SiteURL.parameter("id"))) { request, context in try await staff.editForm(kind, request, context) }
                group.post(LibraryURL.staffRecord(kind, SiteURL.parameter("id"))) { request, context in try await staff.save(kind, editing: true, request, context) }
                group.post(LibraryURL.staffPublish(kind, SiteURL.parameter("id"))) { request, context in try await staff.setPublished(kind, true, request, context) }
                group.post(LibraryURL.staffUnpublish(kind, SiteURL.parameter("id"))) { request, context in try await staff.setPublished(kind, false, request, context) }
            }
        }
        routes.group(.apiScope(.libraryWrite), api.registerWrites)
    }

    func loadDemo(on db: any Database, services: AppServices) async throws {
        try await LibraryDemo.load(on: db, services: services)
    }
}
