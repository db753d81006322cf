import CivitasCore

/// A public list of one kind of record, with a text filter and pages.
struct ListPage {
    let kind: RecordKind
    let records: [RecordValues]
    let total: Int
    let page: Pagination
    let text: String

    var content: Node<HTML.BodyContext> {
        .group(
            .h1(.text(escaping: kind.pluralLabel)),
            .form(.class("search"), .method(.get), .action(to: DirectoryURL.list(kind)), .attribute(named: "role", value: "search"),
                .label(.for("q"), .class("skip"), .text(escaping: "Filter \(kind.pluralLabel.lowercased())")),
                .input(.type(.search), .id("q"), .name("q"), .value(escaping: text), .placeholder("Filter by name")),
                .button(.type(.submit), .text(escaping: "Filter"))),
            .p(.class("meta"), .text(escaping: "\(total) \(total == 1 ? kind.label.lowercased() : kind.pluralLabel.lowercased())")),
            .ul(.class("cards"), .forEach(records) { record in
                .li(.a(.href(to: DirectoryURL.record(kind, record.urlKey)), .text(escaping: record.title)),
                    .unwrap(Self.subtitle(record)) { .div(.class("meta"), .text(escaping: $0)) })
            }),
            pager
        )
    }

    private var pager: Node<HTML.BodyContext> {
        let hasNext = page.offset + records.count < total
        return .nav(.class("pager"), .attribute(named: "aria-label", value: "Pages"),
            .if(page.page > 1, .a(.href(to: DirectoryURL.list(kind).with(query: [("q", text), ("page", String(page.page - 1))])), .text(escaping: "Previous page"))),
            .if(hasNext, .a(.href(to: DirectoryURL.list(kind).with(query: [("q", text), ("page", String(page.page + 1))])), .text(escaping: "Next page"))))
    }

    static func subtitle(_ record: RecordValues) -> String? {
        switch record.kind {
        case .area, .organization: record.text("classification")?.replacingOccurrences(of: "_", with: " ")
        case .person, .topic: record.text("summary") ?? record.text("description")
        case .post: record.text("role")
        default: nil
        }
    }
}
