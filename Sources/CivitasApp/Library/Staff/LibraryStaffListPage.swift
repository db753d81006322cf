
/// The staff list of practices, resources or news, unpublished records included.
struct LibraryStaffListPage {
    let kind: LibraryKind
    let records: [LibraryRecord]
    let total: Int
    let page: Pagination
    let text: String

    var content: Node<HTML.BodyContext> {
        .group(
            .h1(.text(escaping: "\(kind.pluralLabel) (staff)")),
            .p(.a(.class("button"), .href(to: LibraryURL.staffNew(kind)), .text(escaping: "New \(kind.label.lowercased())")),
               .if(kind == .practice, .group(.text(escaping: " "), .a(.href(to: LibraryURL.staffPracticeImport), .text(escaping: "Import from CSV")),
                                             .text(escaping: " · "), .a(.href(to: LibraryURL.practicesCSV), .text(escaping: "Export published practices (CSV)"))))),
            .form(.class("search"), .method(.get), .action(to: LibraryURL.staffList(kind)),
                .label(.for("q"), .class("skip"), "Filter"),
                .input(.type(.search), .id("q"), .name("q"), .value(escaping: text)), .button(.type(.submit), "Filter")),
            .table(
                .thead(.tr(.th("Title"), .th("Status"), .actionsHeader)),
                .tbody(.forEach(records) { record in
                    .tr(.td(.text(escaping: record.title)), .td(.text(escaping: record.published ? "published" : "unpublished")),
                        .td(.a(.href(to: LibraryURL.staffEdit(kind, record.id)), .text(escaping: "Edit")),
                            .if(record.published, .group(.text(escaping: " · "), .a(.href(to: LibraryURL.record(kind, record.urlKey)), .text(escaping: "View"))))))
                })
            ),
            .nav(.class("pager"),
                .if(page.page > 1, .a(.href(to: LibraryURL.staffList(kind).with(query: [("q", text), ("page", String(page.page - 1))])), "Previous page")),
                .if(page.offset + records.count < total, .a(.href(to: LibraryURL.staffList(kind).with(query: [("q", text), ("page", String(page.page + 1))])), "Next page")))
        )
    }
}

import CivitasCore
