import CivitasCore
import Hummingbird

/// Handlers of the public library pages and the news feed; answers for visitors are cached.
struct LibraryPages: Sendable {
    let services: AppServices

    private var store: LibraryStore { LibraryStore(sql: services.database.reads) }

    func list(_ kind: LibraryKind, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let page = try Pagination.from(request)
        let requested = try LibraryFilter.Requested(request, kind: kind)
        return try await services.cachedPage(request, context, reads: LibraryFilter.parameters, shows: LibraryTopics.all) {
            let filter = try await requested.filter(page: page, records: services.site.records, textSearch: services.site.textSearch, kind: kind)
            // The filter's choices go with the list's total and links (see `LibraryStore.list`).
            let lookups = services.site.records
            let choices = PendingRead.all([lookups.choicesRead(kind: "topic", publishedOnly: true),
                                           kind.placeFields.isEmpty ? .known([]) : lookups.choicesRead(kind: "area", publishedOnly: true)])
            let (records, total, chosen) = try await store.list(kind, filter, alongside: choices)
            let (topics, places) = (chosen[0], chosen[1])
            // Cards name a practice's cities, nothing else.
            let references = try await LibraryReferences.resolve(records, store: store, lookups: lookups, only: ["city_ids"])
            var view = LibraryListPage(kind: kind, records: records, references: references, total: total, page: page,
                                       requested: requested, topics: topics, places: places)
            if let event = requested.event { view.event = try await services.site.records.find(kind: RecordKindName.event.rawValue, key: event) }
            let jsonLD = SchemaOrgList.itemList(name: kind.pluralLabel, items: records.map { ($0.title, LibraryURL.record(kind, $0.urlKey).path) },
                                                baseURL: services.configuration.publicURL)
            return layout(context).render(title: kind.pluralLabel, jsonLD: jsonLD, content: view.content)
        }
    }

    func show(_ kind: LibraryKind, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        let key = try context.parameters.require("key")
        let signedIn = context.user != nil
        // A practice page compares cities: `?city=` names the visitor's (the practice's own first city otherwise).
        let city = request.uri.queryParameters["city"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        if kind == .practice, let city, !Slug.isValid(city) { throw AppError.badRequest("city must be the slug of a city, e.g. milwaukee") }
        return try await services.cachedPage(request, context, reads: kind == .practice ? ["city"] : [], shows: LibraryTopics.all) {
            guard let record = try await store.find(kind, key: key, publishedOnly: true) else {
                throw AppError.notFound("No \(kind.label.lowercased()) has the address \"\(key)\"")
            }
            let content: Node<HTML.BodyContext>
            let references: LibraryReferences
            var file: ResourceFile? = nil
            switch kind {
            case .practice:
                (content, references) = try await practice(record, showContacts: signedIn, city: city)
            case .resource:
                references = try await LibraryReferences.resolve([record], store: store, lookups: services.site.records, includePrivate: signedIn)
                file = try await store.files(ofResources: [record.id])[record.id]
                content = ResourcePage(resource: record, references: references,
                                       news: try await store.linking(.news, to: [record.id], through: ["resource_ids"], limit: 10),
                                       file: file).content
            case .news:
                references = try await LibraryReferences.resolve([record], store: store, lookups: services.site.records, includePrivate: signedIn)
                content = NewsPage(item: record, references: references).content
            }
            return layout(context).render(title: record.title, description: record.text("summary") ?? record.text("subtitle"),
                                          jsonLD: LibraryJSONLD.record(record, references: references, file: file, publicURL: services.configuration.publicURL),
                                          content: content)
        }
    }

    func feed(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let requested = try LibraryFilter.Requested(request, kind: .news)
        return try await services.cached(request, context, contentType: "application/atom+xml; charset=utf-8", reads: ["topic"],
                                         shows: LibraryTopics.all) {
            // The newest 50 items, of one topic when asked; an unknown topic has none.
            var filter = LibraryFilter(limit: 50)
            var topic: RecordReference? = nil
            if let slug = requested.topic {
                topic = try await services.site.records.find(kind: "topic", key: slug)
                filter.topicID = topic?.id ?? LibraryFilter.nothing
            }
            let (items, _) = try await store.list(.news, filter)
            return ByteBuffer(string: NewsFeed.atom(items: items, topic: topic, networkName: services.configuration.siteName,
                                                    publicURL: services.configuration.publicURL, now: services.now()))
        }
    }

    /// A practice's page body, and the references it names (for its JSON-LD); the staff review
    /// of a submission shows it as a preview. The practice's own references and the cities of
    /// its adaptations and similar practices are read together, once.
    func practice(_ record: LibraryRecord, showContacts: Bool, city: String? = nil) async throws -> (Node<HTML.BodyContext>, LibraryReferences) {
        // What the page lists, then the links of those lists, each step's reads together (one
        // statement on PostgreSQL): each statement cost more than its rows on this page.
        var (adaptations, similar, news, places) = try await store.sql.together(
            store.adaptationsRead(of: record.id), store.similarPracticesRead(to: record),
            store.linkingRead(.news, to: [record.id], through: ["practice_ids"], limit: 10), services.site.records.placesRead())
        let (practiceLinks, newsLinks) = try await store.sql.together(
            store.linksRead(of: (adaptations + similar).map(\.id), kind: .practice), store.linksRead(of: news.map(\.id), kind: .news))
        LibraryStore.attach(practiceLinks, to: &adaptations, kind: .practice)
        LibraryStore.attach(practiceLinks, to: &similar, kind: .practice)
        LibraryStore.attach(newsLinks, to: &news, kind: .news)
        // Cards of other practices name their cities, nothing else.
        let references = try await LibraryReferences.resolve([([record], nil), (adaptations + similar, ["city_ids"])], store: store,
                                                             lookups: services.site.records, includePrivate: showContacts)
        let likeYours = try await citiesLikeYours(record, references: references, citySlug: city, places: places)
        let page = PracticePage(practice: record, references: references, adaptations: adaptations, adaptationReferences: references,
                                similar: similar, similarReferences: references, news: news,
                                contacts: showContacts ? references.of(record, "contact_ids") : nil, citiesLikeYours: likeYours)
        return (page.content, references)
    }

    /// Practices from cities like the one asked for (or the practice's own first city), sharing
    /// its topics first, with the chooser of cities.
    private func citiesLikeYours(_ record: LibraryRecord, references: LibraryReferences, citySlug: String?,
                                 places: [PlaceFacts]) async throws -> Node<HTML.BodyContext> {
        let chosen = citySlug.flatMap { slug in places.first { $0.reference.slug == slug } }
            ?? references.of(record, "city_ids").first.flatMap { city in places.first { $0.reference.id == city.id } }
        guard let chosen else { return .empty }
        let found = try await PracticesFromSimilarCities(services: services).lines(for: chosen.reference.id, topics: references.of(record, "topic_ids"),
                                                                                    excluding: record.id, among: places)
        let form = FormFields(errors: [:])
        return .group(
            PracticesFromSimilarCities.section(heading: "Practices from cities like \(chosen.reference.title)", lines: found?.lines ?? [],
                                               empty: "No practice comes from a city like it yet."),
            .form(.class("search"), .method(.get), .action(to: LibraryURL.record(.practice, record.urlKey)),
                  form.select("city", "Compare with your city", options: places.map { ($0.reference.slug, $0.reference.title) },
                              selected: [chosen.reference.slug]),
                  .button(.type(.submit), .text(escaping: "Show practices from cities like it"))))
    }

    private func layout(_ context: AppRequestContext) -> PageLayout { PageLayout(services: services, context: context) }
}
