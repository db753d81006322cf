import FluentKit
import Hummingbird

/// The library of what works: practices, resources and news, on the public site (with an
/// Atom feed of the news), on staff pages, in the API, and on directory pages.
struct LibraryModule: CivitasModule {
    let services: AppServices
    let name = "library"
    var migrations: [any Migration] { [M001_CreateLibrary(), M002_PracticeSubmissions(), M003_ResourceFiles(), M005_ResourceLinkColumn(), M004_AdoptHandedOverResources(services: services), M006_CoveringLinkIndex(), M007_ListOrderIndexes(), M008_IndexesForPagesAtScale()] }
    var apiScopes: [APIScope] { [.libraryWrite] }
    var searchDocuments: (any SearchDocumentSource)? { LibrarySearchDocuments(reads: SearchSourceReads(services: services)) }
    var scaleDemo: (any ScaleDemoGenerator)? { LibraryScaleDemo() }

    var navigationLinks: [NavigationLink] {
        LibraryKind.allCases.map { NavigationLink(label: $0.pluralLabel, destination: LibraryURL.list($0)) } + memberLinks
    }
    /// Members reach their submissions from the navigation once signed in.
    var memberLinks: [NavigationLink] { [NavigationLink(label: "Your practices", destination: LibraryURL.mySubmissions, visibleTo: .signedIn)] }
    var footerLinks: [NavigationLink] { [NavigationLink(label: "News feed (Atom)", destination: LibraryURL.newsFeed)] }
    var staffLinks: StaffLinks? {
        StaffLinks(heading: "Library", links: [NavigationLink(label: "Submitted practices", destination: LibraryURL.staffSubmissions, visibleTo: .staff),
                                                    NavigationLink(label: "Import practices (CSV)", destination: LibraryURL.staffPracticeImport, visibleTo: .staff)]
            + LibraryKind.allCases.map { NavigationLink(label: $0.pluralLabel, destination: LibraryURL.staffList($0), visibleTo: .staff) })
    }
    var homeSections: [any HomeSectionProvider] { [LibraryHomeSection(services: services)] }
    var profileSections: [any ProfileSectionProvider] { [LibraryProfileSection(services: services), CitiesLikeYoursSection(services: services)] }

    func registerRoutes(on routes: SiteRoutes) {
        let pages = LibraryPages(services: services)
        let staff = LibraryStaffHandlers(services: services)
        let api = LibraryAPI(services: services)
        let csv = PracticeCSVHandlers(services: services)
        let files = ResourceFileHandlers(services: services)
        routes.group(.everyone) { group in
            group.get(LibraryURL.resourceFile(SiteURL.parameter("key")), use: files.download)
            group.get(LibraryURL.practicesCSV, use: csv.export)
            group.get(LibraryURL.newsFeed) { request, context in try await pages.feed(request, context) }
            for kind in LibraryKind.allCases {
                group.get(LibraryURL.list(kind)) { request, context in try await pages.list(kind, request, context) }
                group.get(LibraryURL.record(kind, SiteURL.parameter("key"))) { request, context in try await pages.show(kind, request, context) }
            }
            api.registerPublic(on: group)
        }
        let submissions = SubmissionHandlers(services: services)
        routes.group(.signedIn) { group in
            group.get(LibraryURL.mySubmissions, use: submissions.mine)
            group.get(LibraryURL.newSubmission, use: submissions.newForm)
            group.post(LibraryURL.mySubmissions) { request, context in try await submissions.save(editing: false, request, context) }
            group.get(LibraryURL.editSubmission(SiteURL.parameter("id")), use: submissions.editForm)
            group.post(LibraryURL.submission(SiteURL.parameter("id"))) { request, context in try await submissions.save(editing: true, request, context) }
        }
        routes.group(.staff) { group in
            group.get(LibraryURL.staffSubmissions, use: submissions.reviewList)
            group.get(LibraryURL.staffSubmission(SiteURL.parameter("id")), use: submissions.reviewPage)
            group.post(LibraryURL.staffReview(SiteURL.parameter("id")), use: submissions.decide)
            group.post(LibraryURL.staffResourceFile(SiteURL.parameter("id")), use: files.upload)
            group.post(LibraryURL.staffResourceFileRemove(SiteURL.parameter("id")), use: files.remove)
            group.get(LibraryURL.staffPracticeImport, use: csv.importForm)
            group.post(LibraryURL.staffPracticeImport, use: csv.importFile)
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
