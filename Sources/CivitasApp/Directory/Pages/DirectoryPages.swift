import CivitasCore
import Hummingbird
import Plot

/// Handlers of the public directory pages; answers for visitors are cached.
struct DirectoryPages: Sendable {
    let services: AppServices
    var profileSections: [any ProfileSectionProvider] = []

    func home(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await services.cachedPage(request, context) {
            let store = RecordStore(services.database.db)
            var counts: [(RecordKind, Int)] = []
            for kind in RecordKind.publicKinds {
                counts.append((kind, try await store.publicCount(kind)))
            }
            let networks = try await store.sql.select().column("*").from("organizations")
                .where("classification", .equal, "network").where("published", .equal, true).orderBy("name").all()
                .map { try store.decode(.organization, $0) }
            let page = HomePage(siteName: services.configuration.siteName, counts: counts, networks: networks)
            let jsonLD: JSONValue = ["@context": "https://schema.org", "@type": "WebSite", "name": .string(services.configuration.siteName),
                                     "url": .string(services.configuration.publicURL + "/")]
            return layout(context).render(title: "Home", description: "People, cities and organisations of the network", jsonLD: jsonLD, content: page.content)
        }
    }

    func list(_ kind: RecordKind, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let page = try Pagination.from(request)
        let text = String(query["q"] ?? "").prefix(200)
        return try await services.cachedPage(request, context, reads: QueryParameters.textList) {
            let store = RecordStore(services.database.db)
            let (records, total) = try await store.list(kind, .init(text: String(text), offset: page.offset, limit: page.per))
            let view = ListPage(kind: kind, records: records, total: total, page: page, text: String(text))
            let jsonLD = JSONLD.itemList(name: kind.pluralLabel, items: records.map { ($0.title, SiteURL.record(kind, $0.urlKey).path) },
                                         baseURL: services.configuration.publicURL)
            return layout(context).render(title: kind.pluralLabel, jsonLD: jsonLD, content: view.content)
        }
    }

    func show(_ kind: RecordKind, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let key = try context.parameters.require("key")
        return try await services.cachedPage(request, context) {
            guard let profile = try await RecordStore(services.database.db).profile(kind, key: key) else {
                throw AppError.notFound("No \(kind.label.lowercased()) has the address \"\(key)\"")
            }
            var extraSections: [Node<HTML.BodyContext>] = []
            for provider in profileSections {
                if let section = try await provider.profileSection(for: profile.record) { extraSections.append(section) }
            }
            let page = ProfilePage(profile: profile, extraSections: extraSections)
            return layout(context).render(title: profile.record.title, description: profile.record.text("summary"),
                                          jsonLD: JSONLD.profile(profile, baseURL: services.configuration.publicURL), content: page.content)
        }
    }

    private func layout(_ context: AppRequestContext) -> PageLayout { PageLayout(services: services, context: context) }
}
