
/// The library's part of the home page: featured news, the latest news, and the practices
/// published most recently.
struct LibraryHomeSection: HomeSectionProvider {
    let services: AppServices

    var shows: [ChangeTopic] { LibraryTopics.all }

    func homeSection() async throws -> Node<HTML.BodyContext>? {
        let store = LibraryStore(sql: services.database.reads)
        let news = try await store.latestNews(featured: 3, latest: 5)
        let featured = news.filter { $0["featured"] == .flag(true) }
        let latest = news.filter { $0["featured"] != .flag(true) }
        let practices = try await store.recentlyPublished(.practice, limit: 5)
        guard !featured.isEmpty || !latest.isEmpty || !practices.isEmpty else { return nil }
        let references = try await LibraryReferences.resolve(practices, store: store, lookups: services.site.records, only: ["city_ids"])
        return .group(
            .if(!featured.isEmpty, .section(.h2("Featured"), LibraryPageParts.cards(featured, references: references))),
            .if(!latest.isEmpty, .section(.h2("Latest news"), LibraryPageParts.cards(latest, references: references),
                                          .p(.a(.href(to: LibraryURL.list(.news)), .text(escaping: "All news"))))),
            .if(!practices.isEmpty, .section(.h2("Recently published practices"), LibraryPageParts.cards(practices, references: references),
                                             .p(.a(.href(to: LibraryURL.list(.practice)), .text(escaping: "All practices")))))
        )
    }
}
