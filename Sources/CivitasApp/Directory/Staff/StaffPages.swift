
/// The staff list of each kind, drafts and unpublished records included.
struct StaffListPage {
    let kind: RecordKind
    let records: [RecordValues]
    /// Titles made from related names, for records that have no name of their own (memberships).
    let titles: [String: String]
    let total: Int
    let page: Int
    let per: Int
    let text: String

    var content: Node<HTML.BodyContext> {
        .group(
            .h1(.text(escaping: "\(kind.pluralLabel) (staff)")),
            .p(.a(.class("button"), .href(to: DirectoryURL.staffNew(kind)), .text(escaping: "New \(kind.label.lowercased())"))),
            .form(.class("search"), .method(.get), .action(to: DirectoryURL.staffList(kind)),
                .label(.for("q"), .class("skip"), "Filter"),
                .input(.type(.search), .id("q"), .name("q"), .value(escaping: text)), .button(.type(.submit), "Filter")),
            .table(
                .thead(.tr(.th("Title"), .th("Status"), .actionsHeader)),
                .tbody(.forEach(records) { record in
                    .tr(.td(.text(escaping: titles[record.id] ?? record.title)), .td(.text(escaping: record.published ? "published" : "unpublished")),
                        .td(.a(.href(to: DirectoryURL.staffEdit(kind, record.id)), .text(escaping: "Edit")),
                            .if(record.published, .group(.text(escaping: " · "), .a(.href(to: DirectoryURL.record(kind, record.urlKey)), .text(escaping: "View"))))))
                })
            ),
            .nav(.class("pager"),
                .if(page > 1, .a(.href(to: DirectoryURL.staffList(kind).with(query: [("q", text), ("page", String(page - 1))])), "Previous page")),
                .if(page * per < total, .a(.href(to: DirectoryURL.staffList(kind).with(query: [("q", text), ("page", String(page + 1))])), "Next page")))
        )
    }
}
