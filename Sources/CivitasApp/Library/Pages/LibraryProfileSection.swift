import CivitasCore

/// The library on directory pages: a topic's practices, resources and news; a city's
/// practices and news; a person's or organization's practices and publications. One query
/// whatever the page shows.
struct LibraryProfileSection: ProfileSectionProvider {
    let services: AppServices

    var shows: [ChangeTopic] { LibraryKind.allCases.map { .every($0.rawValue) } }

    /// Which fields of which kinds point at a directory record of each kind, and the heading
    /// each kind's records go under.
    static let linkingFields: [String: [(LibraryKind, [String], String)]] = [
        "topic": [(.practice, ["topic_ids"], "Practices"), (.resource, ["topic_ids"], "Resources"), (.news, ["topic_ids"], "News")],
        "area": [(.practice, ["city_ids"], "Practices"), (.news, ["area_ids"], "News")],
        "person": [(.practice, ["person_ids"], "Practices"), (.resource, ["author_ids"], "Publications"), (.news, ["person_ids"], "News")],
        "event": [(.practice, ["event_ids"], "Practices presented or discussed here"), (.resource, ["event_ids"], "Resources from this event"),
                  (.news, ["event_ids"], "News")],
        "organization": [(.practice, ["partner_ids", "funder_ids"], "Practices it supports"),
                         (.resource, ["author_organization_ids"], "Publications"), (.news, ["organization_ids"], "News")],
    ]

    func profileSection(for subject: ProfileSubject) async throws -> Node<HTML.BodyContext>? {
        guard let read = profileSectionRead(for: subject) else { return nil }
        return try await services.database.reads.run(read)
    }

    func profileSectionRead(for subject: ProfileSubject) -> PendingRead<Node<HTML.BodyContext>?>? {
        guard let groups = Self.linkingFields[subject.kind] else { return nil }
        // Thousands of records carry a topic; few name a person, an event or a place.
        return LibraryStore(sql: services.database.reads)
            .linesRead(linkingTo: subject.id, through: groups.map { ($0.0, $0.1) }, startingFrom: subject.kind == "topic" ? .listOrder : .links)
            .map { lines in Self.section(lines, groups: groups) }
    }

    private static func section(_ lines: [LibraryLine], groups: [(LibraryKind, [String], String)]) -> Node<HTML.BodyContext>? {
        guard !lines.isEmpty else { return nil }
        return .section(.id("library"), .h2("From the library"),
                        .forEach(groups) { kind, _, heading in
                            let mine = lines.filter { $0.kind == kind }
                            return .if(!mine.isEmpty, .group(.h3(.text(escaping: heading)), .ul(.class("cards"), .forEach(mine) { line in
                                .li(.a(.href(to: LibraryURL.record(kind, line.slug)), .text(escaping: line.title)),
                                    .div(.class("meta"), .text(escaping: Self.meta(line))))
                            })))
                        })
    }

    static func meta(_ line: LibraryLine) -> String {
        var parts = [LibraryPageParts.readable(line.type)]
        if let date = line.date { parts.append(line.kind == .practice ? "since \(date)" : PartialDate(date)?.readable ?? date) }
        return parts.joined(separator: " · ")
    }
}
