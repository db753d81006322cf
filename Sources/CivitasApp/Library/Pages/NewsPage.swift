import CivitasCore

/// One news item: its text in Markdown rendered safely, and what it is about.
struct NewsPage {
    let item: LibraryRecord
    let references: LibraryReferences

    typealias Parts = LibraryPageParts

    var content: Node<HTML.BodyContext> {
        let about = ["practice_ids", "resource_ids", "event_ids", "person_ids", "area_ids", "organization_ids"].flatMap { references.of(item, $0) }
        return .article(
            .h1(.text(escaping: item.title)),
            .unwrap(item.text("subtitle")) { .p(.class("subtitle"), .text(escaping: $0)) },
            .p(.class("meta"), .text(escaping: Parts.readable(item.text("kind") ?? "") + " · "), Parts.date(item.text("published_on")) ?? .empty,
               .unwrap(item.text("date_note")) { .text(escaping: " (\($0))") }),
            .unwrap(item.text("body")) { .div(.class("prose"), .markdown($0)) },
            .if(!about.isEmpty, .section(.h2("About"), .ul(.forEach(about) { .li(.a(.href(to: $0.link), .text(escaping: $0.title))) }))),
            Parts.tags(references.of(item, "topic_ids")),
            Parts.sources(references.of(item, "source_ids"))
        )
    }
}
