import Plot

/// The staff dashboard and the staff list of each kind, drafts and unpublished records included.
struct StaffHomePage {
    let user: SignedInUser

    var content: Node<HTML.BodyContext> {
        .group(
            .h1("Staff"),
            .p(.class("subtitle"), .text("Signed in as \(user.name), \(user.role.rawValue).")),
            .h2("Directory"),
            .ul(.forEach(RecordKind.allCases) { kind in
                .li(.a(.href(to: SiteURL.staffList(kind)), .text(kind.pluralLabel)), .text(" · "),
                    .a(.href(to: SiteURL.staffNew(kind)), .text("new \(kind.label.lowercased())")))
            }),
            .if(user.role == .admin, .group(
                .h2("Administration"),
                .ul(.li(.a(.href(to: SiteURL.staffUsers), "Accounts")), .li(.a(.href(to: SiteURL.staffTokens), "API tokens")),
                    .li(.a(.href(to: SiteURL.staffAudit), "Audit log")))
            ))
        )
    }
}

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
            .h1(.text("\(kind.pluralLabel) (staff)")),
            .p(.a(.class("button"), .href(to: SiteURL.staffNew(kind)), .text("New \(kind.label.lowercased())"))),
            .form(.class("search"), .method(.get), .action(to: SiteURL.staffList(kind)),
                .label(.for("q"), .class("skip"), "Filter"),
                .input(.type(.search), .id("q"), .name("q"), .value(escaping: text)), .button(.type(.submit), "Filter")),
            .table(
                .thead(.tr(.th("Title"), .th("Status"), .th(""))),
                .tbody(.forEach(records) { record in
                    .tr(.td(.text(titles[record.id] ?? record.title)), .td(.text(record.published ? "published" : "unpublished")),
                        .td(.a(.href(to: SiteURL.staffEdit(kind, record.id)), .text("Edit")),
                            .if(record.published, .group(.text(" · "), .a(.href(to: SiteURL.record(kind, record.urlKey)), .text("View"))))))
                })
            ),
            .nav(.class("pager"),
                .if(page > 1, .a(.href(to: SiteURL.staffList(kind).with(query: [("q", text), ("page", String(page - 1))])), "Previous page")),
                .if(page * per < total, .a(.href(to: SiteURL.staffList(kind).with(query: [("q", text), ("page", String(page + 1))])), "Next page")))
        )
    }
}
