import Plot

/// The front page: what is in the directory, and the networks at its heart.
struct HomePage {
    let siteName: String
    let counts: [(RecordKind, Int)]
    let networks: [RecordValues]

    var content: Node<HTML.BodyContext> {
        .group(
            .h1(.text(siteName)),
            .p(.class("subtitle"), "The shared record of a network of city leaders: its people, cities and organisations, and who held which office when."),
            .form(.class("search"), .method(.get), .action(to: SiteURL.list(.person)), .attribute(named: "role", value: "search"),
                .label(.for("q"), .class("skip"), "Find a person"),
                .input(.type(.search), .id("q"), .name("q"), .placeholder("Find a person")),
                .button(.type(.submit), "Search")),
            .ul(.class("cards"), .forEach(counts) { kind, count in
                .li(.a(.href(to: SiteURL.list(kind)), .text(kind.pluralLabel)), .div(.class("meta"), .text("\(count)")))
            }),
            .if(!networks.isEmpty, .section(.h2("Networks"), .ul(.forEach(networks) { network in
                .li(.a(.href(to: SiteURL.record(.organization, network.urlKey)), .text(network.title)),
                    .unwrap(network.text("summary")) { .p(.class("meta"), .text($0)) })
            })))
        )
    }
}
