import FluentKit
import Hummingbird

/// The directory: areas, organizations, people, posts, memberships, topics and sources,
/// on the public site, on staff pages and in the API.
struct DirectoryModule: CivitasModule {
    let services: AppServices
    let name = "directory"
    var migrations: [any Migration] { [M001_CreateDirectory(), M002_ListOrderIndexes(), M003_SubOrganizationIndex()] }
    var apiScopes: [APIScope] { [.directoryWrite] }

    var navigationLinks: [NavigationLink] {
        RecordKind.publicKinds.map { NavigationLink(label: $0.pluralLabel, destination: DirectoryURL.list($0)) }
    }
    var footerLinks: [NavigationLink] { [NavigationLink(label: "Popolo export", destination: DirectoryURL.apiPopolo)] }
    var staffLinks: StaffLinks? {
        StaffLinks(heading: "Directory", links: RecordKind.allCases.map {
            NavigationLink(label: $0.pluralLabel, destination: DirectoryURL.staffList($0), visibleTo: .staff)
        })
    }
    var homeSections: [any HomeSectionProvider] { [DirectoryHomeSection(services: services)] }
    var recordLookup: (any RecordLookup)? { DirectoryRecordLookup(sql: services.database.reads) }
    var searchDocuments: (any SearchDocumentSource)? { DirectorySearchDocuments(reads: SearchSourceReads(services: services)) }
    var scaleDemo: (any ScaleDemoGenerator)? { DirectoryScaleDemo() }

    func registerRoutes(on routes: SiteRoutes) {
        let pages = DirectoryPages(services: services)
        let staff = StaffHandlers(services: services)
        let api = DirectoryAPI(services: services)
        // Published records only.
        routes.group(.everyone) { group in
            for kind in RecordKind.allCases where kind != .membership {
                group.get(DirectoryURL.list(kind)) { request, context in try await pages.list(kind, request, context) }
                group.get(DirectoryURL.record(kind, SiteURL.parameter("key"))) { request, context in try await pages.show(kind, request, context) }
            }
            api.registerPublic(on: group)
        }
        routes.group(.staff) { group in
            for kind in RecordKind.allCases {
                group.get(DirectoryURL.staffList(kind)) { request, context in try await staff.list(kind, request, context) }
                group.get(DirectoryURL.staffNew(kind)) { request, context in try await staff.newForm(kind, request, context) }
                group.post(DirectoryURL.staffList(kind)) { request, context in try await staff.create(kind, request, context) }
                group.get(DirectoryURL.staffEdit(kind, SiteURL.parameter("id"))) { request, context in try await staff.editForm(kind, request, context) }
                group.post(DirectoryURL.staffRecord(kind, SiteURL.parameter("id"))) { request, context in try await staff.update(kind, request, context) }
                group.post(DirectoryURL.staffPublish(kind, SiteURL.parameter("id"))) { request, context in try await staff.setPublished(kind, true, request, context) }
                group.post(DirectoryURL.staffUnpublish(kind, SiteURL.parameter("id"))) { request, context in try await staff.setPublished(kind, false, request, context) }
            }
        }
        routes.group(.apiScope(.directoryWrite), api.registerWrites)
    }

    func loadDemo(on db: any Database, services: AppServices) async throws {
        try await DirectoryDemo.load(on: db, now: services.now())
    }
}

extension APIScope {
    static let directoryWrite = APIScope("directory:write", summary: "Create, edit and unpublish directory records")
}

/// What directory answers show and directory writes change, in the words of `ChangeTopic`:
/// each kind of record by its name ("person", "area"...).
enum DirectoryTopics {
    /// Directory pages show records of several kinds (a profile shows offices, cities,
    /// organisations, sources), so each says it shows them all: a directory edit (rare, by
    /// staff) refreshes the directory, and nothing else (a registration) does.
    static let all: [ChangeTopic] = RecordKind.allCases.map { .every($0.rawValue) }

    static func changed(_ kind: RecordKind, id: String, slug: String?) -> PublishedChange {
        .record(kind.rawValue, keys: [id, slug])
    }
}
