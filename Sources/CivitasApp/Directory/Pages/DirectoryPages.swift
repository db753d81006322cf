import CivitasCore
import Hummingbird

/// Handlers of the public directory pages; answers for visitors are cached.
struct DirectoryPages: Sendable {
    let services: AppServices

    func list(_ kind: RecordKind, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let page = try Pagination.from(request)
        let text = String(query["q"] ?? "").prefix(200)
        return try await services.cachedPage(request, context, reads: QueryParameters.textList, shows: DirectoryTopics.all) {
            let store = RecordStore(sql: services.database.reads)
            let (records, total) = try await store.list(kind, .init(text: String(text), offset: page.offset, limit: page.per, textSearch: services.site.textSearch))
            let view = ListPage(kind: kind, records: records, total: total, page: page, text: String(text))
            let jsonLD = SchemaOrgList.itemList(name: kind.pluralLabel, items: records.map { ($0.title, DirectoryURL.record(kind, $0.urlKey).path) },
                                         baseURL: services.configuration.publicURL)
            return layout(context).render(title: kind.pluralLabel, jsonLD: jsonLD, content: view.content)
        }
    }

    func show(_ kind: RecordKind, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let key = try context.parameters.require("key")
        let sections = services.site.profileSections
        return try await services.cachedPage(request, context, shows: DirectoryTopics.all + sections.flatMap(\.shows)) {
            // Sections that read in one step are read with the profile's own reads.
            var pageSections: PageSections?
            guard let (profile, answers) = try await RecordStore(sql: services.database.reads).profile(kind, key: key, alongside: { record in
                let made = PageSections(sections, for: ProfileSubject(kind: kind.rawValue, id: record.id, title: record.title))
                pageSections = made
                return made.read
            }), let pageSections else {
                throw AppError.notFound("No \(kind.label.lowercased()) has the address \"\(key)\"")
            }
            let extraSections = try await pageSections.sections(given: answers)
            let page = ProfilePage(profile: profile, extraSections: extraSections)
            return layout(context).render(title: profile.record.title, description: profile.record.text("summary"),
                                          jsonLD: JSONLD.profile(profile, baseURL: services.configuration.publicURL), content: page.content)
        }
    }

    private func layout(_ context: AppRequestContext) -> PageLayout { PageLayout(services: services, context: context) }
}
