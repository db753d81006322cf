import Foundation

/// The convenings' part of the home page: the next events, or, when none is coming, the
/// most recent ones, so a visitor always finds the events.
struct EventsHomeSection: HomeSectionProvider {
    let services: AppServices
    static let count = 5

    var shows: [ChangeTopic] { [.every(EventTopics.event)] }

    func homeSection() async throws -> Node<HTML.BodyContext>? {
        let store = EventStore(sql: services.database.reads)
        let now = services.now()
        var (events, _) = try await store.list(.init(when: .upcoming, limit: Self.count), now: now, records: services.site.records)
        let upcoming = !events.isEmpty
        if !upcoming { (events, _) = try await store.list(.init(when: .past, limit: Self.count), now: now, records: services.site.records) }
        guard !events.isEmpty else { return nil }
        return .section(
            .h2(.text(escaping: upcoming ? "Coming up" : "Recent events")),
            .ul(.forEach(events) { event in
                .li(.a(.href(to: ConveningsURL.event(event.slug)), .text(escaping: event.title)), .div(.class("meta"), .text(escaping: event.startDay)))
            }),
            .p(.a(.href(to: ConveningsURL.events.with(query: upcoming ? [] : [("when", "past")])),
                  .text(escaping: upcoming ? "All upcoming events" : "All past events")))
        )
    }
}
