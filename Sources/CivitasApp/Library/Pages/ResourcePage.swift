import CivitasCore

/// A report, guide, brief, toolkit, presentation, recording or op-ed: who wrote it, when,
/// what it says, and where to read it.
struct ResourcePage {
    let resource: LibraryRecord
    let references: LibraryReferences
    let news: [LibraryRecord]
    let file: ResourceFile?

    typealias Parts = LibraryPageParts

    var content: Node<HTML.BodyContext> {
        let authors = references.of(resource, "author_ids") + references.of(resource, "author_organization_ids")
        return .article(
            .h1(.text(escaping: resource.title)),
            .unwrap(resource.text("subtitle")) { .p(.class("subtitle"), .text(escaping: $0)) },
            .p(.class("meta"), .text(escaping: Parts.subtitle(resource, references: references))),
            Parts.paragraphs(resource.text("summary")),
            Parts.facts([
                ("By", authors.isEmpty ? nil : Parts.links(authors)),
                ("Published", Parts.date(resource.text("published_on"))),
                ("From", { let events = references.of(resource, "event_ids"); return events.isEmpty ? nil : Parts.links(events) }()),
                ("Read it", resource.text("link").flatMap(WebAddress.init).map { .a(.href(to: $0), .text(escaping: $0.text)) }),
                ("Download", file.map { file in .group(.a(.href(to: LibraryURL.resourceFile(resource.urlKey)), .text(escaping: file.name)),
                                                        .text(escaping: " (\(file.summary))")) }),
            ]),
            Parts.tags(references.of(resource, "topic_ids")),
            .if(!news.isEmpty, .section(.h2("In the news"), Parts.cards(news, references: LibraryReferences()))),
            Parts.sources(references.of(resource, "source_ids"))
        )
    }
}
