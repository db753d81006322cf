import CivitasCore

/// A public list of practices, resources or news, with its filters and pages.
struct LibraryListPage {
    let kind: LibraryKind
    let records: [LibraryRecord]
    let references: LibraryReferences
    let total: Int
    let page: Pagination
    let requested: LibraryFilter.Requested
    let topics: [RecordReference]
    let places: [RecordReference]
    /// The event the list is narrowed to (`?event=`), named.
    var event: RecordReference? = nil

    var content: Node<HTML.BodyContext> {
        .group(
            .h1(.text(escaping: kind.pluralLabel)),
            .if(kind == .news, .p(.a(.href(to: feedLink), .text(escaping: requested.topic == nil ? "Follow the news (Atom feed)" : "Follow this topic's news (Atom feed)")))),
            .unwrap(event) { event in
                .p(.text(escaping: kind == .resource ? "From " : kind == .practice ? "Presented at " : "About "),
                   .a(.href(to: event.link), .text(escaping: event.title)), .text(escaping: " · "),
                   .a(.href(to: LibraryURL.list(kind)), .text(escaping: "show all")))
            },
            filters,
            .p(.class("meta"), .text(escaping: "\(total) \(total == 1 ? kind.label.lowercased() : kind.pluralLabel.lowercased())")),
            LibraryPageParts.cards(records, references: references),
            pager
        )
    }

    private var feedLink: SiteLink {
        LibraryURL.newsFeed.with(query: [("topic", requested.topic ?? "")])
    }

    private var filters: Node<HTML.BodyContext> {
        let form = FormFields(errors: [:])
        return .form(.class("search filters"), .method(.get), .action(to: LibraryURL.list(kind)), .attribute(named: "role", value: "search"),
            form.text("q", "Text", value: requested.text ?? "", type: .search),
            form.select("topic", "Topic", options: topics.map { ($0.slug, $0.title) }, selected: requested.topic.map { [$0] } ?? [], blank: true),
            .if(!kind.placeFields.isEmpty,
                form.select("area", kind == .practice ? "City" : "Place", options: places.map { ($0.slug, $0.title) },
                            selected: requested.area.map { [$0] } ?? [], blank: true)),
            form.select("kind", kind == .practice ? "Status" : "Kind", options: kind.types.map { ($0, LibraryPageParts.readable($0)) },
                        selected: requested.type.map { [$0] } ?? [], blank: true),
            form.text("year", kind == .practice ? "Start year" : "Year", value: requested.year.map(String.init) ?? ""),
            .unwrap(requested.event) { .input(.type(.hidden), .name("event"), .value(escaping: $0)) },
            .button(.type(.submit), .text(escaping: "Filter")))
    }

    private func link(page number: Int) -> SiteLink {
        LibraryURL.list(kind).with(query: [("q", requested.text ?? ""), ("topic", requested.topic ?? ""), ("area", requested.area ?? ""),
                                           ("event", requested.event ?? ""), ("kind", requested.type ?? ""), ("year", requested.year.map(String.init) ?? ""), ("page", String(number))])
    }

    private var pager: Node<HTML.BodyContext> {
        let hasNext = page.offset + records.count < total
        return .nav(.class("pager"), .attribute(named: "aria-label", value: "Pages"),
            .if(page.page > 1, .a(.href(to: link(page: page.page - 1)), .text(escaping: "Previous page"))),
            .if(hasNext, .a(.href(to: link(page: page.page + 1)), .text(escaping: "Next page"))))
    }
}
