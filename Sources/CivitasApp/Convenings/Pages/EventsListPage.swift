import CivitasCore
import Foundation

/// Upcoming or past events, filtered by kind, topic, area and year.
struct EventsListPage {
    let events: [EventRecord]
    let total: Int
    let page: Pagination
    let filter: EventStore.Filter
    let topics: [(id: String, title: String, slug: String)]
    let areas: [(id: String, title: String, slug: String)]
    /// Nothing is coming up, so the latest past events are shown instead of an empty list.
    var nothingUpcoming = false

    var heading: String {
        switch filter.when {
        case .past: nothingUpcoming ? "Recent events" : "Past events"
        case .upcoming: "Upcoming events"
        case .all: "Events"
        }
    }

    var query: [(String, String)] {
        [("when", filter.when.rawValue), ("kind", filter.kind?.rawValue ?? ""), ("topic", filter.topicSlug ?? ""),
         ("area", filter.areaSlug ?? ""), ("year", filter.year.map(String.init) ?? "")]
    }

    var content: Node<HTML.BodyContext> {
        .group(
            .h1(.text(escaping: heading)),
            .if(nothingUpcoming, .p(.class("subtitle"), .text(escaping: "No event is coming up; these are the most recent."))),
            .p(.a(.href(to: ConveningsURL.events.with(query: [("when", filter.when == .past ? "upcoming" : "past")])),
                  .text(escaping: filter.when == .past ? "See upcoming events" : "See past events")),
               .text(escaping: " · "), .a(.href(to: ConveningsURL.eventsFeed), .text(escaping: "Subscribe to the calendar (.ics)"))),
            filters,
            .p(.class("meta"), .text(escaping: "\(total) \(total == 1 ? "event" : "events")")),
            .ul(.class("cards"), .forEach(events) { event in
                .li(.a(.href(to: ConveningsURL.event(event.slug)), .text(escaping: event.title)),
                    .div(.class("meta"), .text(escaping: "\(event.eventKind.label) · \(event.startDay)")),
                    .if(event.eventStatus != .scheduled, .div(.class("error"), .text(escaping: event.eventStatus.label))))
            }),
            .nav(.class("pager"), .attribute(named: "aria-label", value: "Pages"),
                .if(page.page > 1, .a(.href(to: ConveningsURL.events.with(query: query + [("page", String(page.page - 1))])), .text(escaping: "Previous page"))),
                .if(page.offset + events.count < total, .a(.href(to: ConveningsURL.events.with(query: query + [("page", String(page.page + 1))])), .text(escaping: "Next page"))))
        )
    }

    private var filters: Node<HTML.BodyContext> {
        let fields = FormFields(errors: [:])
        let years = (2010...2030).reversed().map { (String($0), String($0)) }
        return .form(.class("search"), .method(.get), .action(to: ConveningsURL.events), .attribute(named: "role", value: "search"),
            .input(.type(.hidden), .name("when"), .value(escaping: filter.when.rawValue)),
            fields.select("kind", "Kind", options: EventKind.allCases.map { ($0.rawValue, $0.label) }, selected: [filter.kind?.rawValue ?? ""], blank: true),
            fields.select("topic", "Topic", options: topics.map { ($0.slug, $0.title) }, selected: [filter.topicSlug ?? ""], blank: true),
            fields.select("area", "Place", options: areas.map { ($0.slug, $0.title) }, selected: [filter.areaSlug ?? ""], blank: true),
            fields.select("year", "Year", options: years, selected: [filter.year.map(String.init) ?? ""], blank: true),
            .button(.type(.submit), .text(escaping: "Filter")))
    }
}
