import SQLKit

/// The directory's part of the home page: a search for people, what the directory holds,
/// and the networks at its heart.
struct DirectoryHomeSection: HomeSectionProvider {
    let services: AppServices

    var shows: [ChangeTopic] { DirectoryTopics.all }

    func homeSection() async throws -> Node<HTML.BodyContext>? {
        let store = RecordStore(sql: services.database.reads)
        var counts: [(RecordKind, Int)] = []
        for kind in RecordKind.publicKinds {
            counts.append((kind, try await store.publicCount(kind)))
        }
        let networks = try await store.sql.select().column("*").from("organizations")
            .where("classification", .equal, "network").where("published", .equal, true).orderBy("name").all()
            .map { try store.decode(.organization, $0) }
        return .group(
            .form(.class("search"), .method(.get), .action(to: DirectoryURL.list(.person)), .attribute(named: "role", value: "search"),
                .label(.for("q"), .class("skip"), "Find a person"),
                .input(.type(.search), .id("q"), .name("q"), .placeholder("Find a person")),
                .button(.type(.submit), "Search")),
            .ul(.class("cards"), .forEach(counts) { kind, count in
                .li(.a(.href(to: DirectoryURL.list(kind)), .text(escaping: kind.pluralLabel)), .div(.class("meta"), .text(escaping: "\(count)")))
            }),
            .if(!networks.isEmpty, .section(.h2("Networks"), .ul(.forEach(networks) { network in
                .li(.a(.href(to: DirectoryURL.record(.organization, network.urlKey)), .text(escaping: network.title)),
                    .unwrap(network.text("summary")) { .p(.class("meta"), .text(escaping: $0)) })
            })))
        )
    }
}
