import Plot

/// The library on directory pages: a topic's practices, resources and news; a city's
/// practices and news; a person's or organization's practices and publications.
struct LibraryProfileSection: ProfileSectionProvider {
    let services: AppServices

    var shows: [ChangeTopic] { LibraryKind.allCases.map { .every($0.rawValue) } }

    /// Which fields of which kinds point at a directory record of each kind.
    static let linkingFields: [String: [(LibraryKind, [String], String)]] = [
        "topic": [(.practice, ["topic_ids"], "Practices"), (.resource, ["topic_ids"], "Resources"), (.news, ["topic_ids"], "News")],
        "area": [(.practice, ["city_ids"], "Practices"), (.news, ["area_ids"], "News")],
        "person": [(.practice, ["person_ids"], "Practices"), (.resource, ["author_ids"], "Publications"), (.news, ["person_ids"], "News")],
        "organization": [(.practice, ["partner_ids", "funder_ids"], "Practices it supports"),
                         (.resource, ["author_organization_ids"], "Publications"), (.news, ["organization_ids"], "News")],
    ]

    func profileSection(for subject: ProfileSubject) async throws -> Node<HTML.BodyContext>? {
        guard let groups = Self.linkingFields[subject.kind] else { return nil }
        let store = LibraryStore(sql: services.database.reads)
        var parts: [(String, [LibraryRecord])] = []
        for (kind, fields, heading) in groups {
            let records = try await store.linking(kind, to: [subject.id], through: fields, limit: 20)
            if !records.isEmpty { parts.append((heading, records)) }
        }
        guard !parts.isEmpty else { return nil }
        let references = try await LibraryReferences.resolve(parts.flatMap(\.1).filter { $0.kind == .practice }, store: store, lookups: services.site.records)
        return .section(.id("library"), .h2("From the library"),
                        .forEach(parts) { heading, records in .group(.h3(.text(escaping: heading)), LibraryPageParts.cards(records, references: references)) })
    }
}
