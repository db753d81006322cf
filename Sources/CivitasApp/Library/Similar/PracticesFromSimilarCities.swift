
/// Practices from cities like a given one, each with why its city is alike, ranked by how
/// alike the city is and then by the topics the practice shares with `topics` (a practice
/// page's own, which the explanation names); `excluding` (the page's practice) is left out.
struct PracticesFromSimilarCities: Sendable {
    struct Line: Sendable {
        let practice: LibraryLine
        let city: PlaceFacts
        let explanation: String
    }

    let services: AppServices

    /// How many of the most alike cities (by `CitiesLikeYours.matches`' order) practices are read from.
    static let citiesLookedAt = 40

    /// `among`: the places the page already read, if it did (a practice page reads them for its
    /// chooser of cities), so they are not read twice.
    func lines(for cityID: String, topics: [RecordReference] = [], excluding: String? = nil, limit: Int = 8,
               among known: [PlaceFacts]? = nil) async throws -> (city: PlaceFacts, lines: [Line])? {
        let places: [PlaceFacts]
        if let known { places = known } else { places = try await services.site.records.places() }
        guard let city = places.first(where: { $0.reference.id == cityID }) else { return nil }
        let matches = CitiesLikeYours.matches(for: city, among: places)
        guard !matches.isEmpty else { return (city, []) }
        let store = LibraryStore(sql: services.database.reads)
        // The cities most alike only: at 1,000,000 records a city shares its size band with
        // hundreds of others, whose tens of thousands of practices were read to show eight.
        let closest = matches.prefix(Self.citiesLookedAt)
        let practices = try await store.practices(inCities: closest.map(\.place.reference.id), sharingTopics: topics.map(\.id))
        let topicNames = Dictionary(topics.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        // Ranks of the cities read from only: every practice read runs in one of them.
        let rank = Dictionary(uniqueKeysWithValues: closest.enumerated().map { ($1.place.reference.id, ($0, $1)) })
        var lines: [(order: (Int, Int), line: Line)] = []
        var seen: Set<String> = [excluding].compactMap { $0 }.reduce(into: []) { $0.insert($1) }
        for (practice, cityIDs, sharedTopics) in practices where !seen.contains(practice.id) {
            guard let best = cityIDs.compactMap({ rank[$0] }).min(by: { $0.0 < $1.0 }) else { continue }
            seen.insert(practice.id)
            // How alike the city is, then how many topics the practice shares, then the city's name.
            let shared = sharedTopics.compactMap { topicNames[$0] }.sorted()
            lines.append(((-best.1.score, -shared.count), Line(practice: practice, city: best.1.place,
                                                                 explanation: CitiesLikeYours.explanation(best.1, sharedTopics: shared))))
        }
        let ranked = lines.sorted { ($0.order.0, $0.order.1, $0.line.city.reference.title, $0.line.practice.title)
            < ($1.order.0, $1.order.1, $1.line.city.reference.title, $1.line.practice.title) }
        return (city, ranked.prefix(limit).map(\.line))
    }

    static func section(heading: String, lines: [Line], empty: String) -> Node<HTML.BodyContext> {
        .section(.id("cities-like-yours"), .h2(.text(escaping: heading)),
                 lines.isEmpty ? .p(.text(escaping: empty)) : .ul(.class("cards"), .forEach(lines) { line in
                     .li(.a(.href(to: LibraryURL.record(.practice, line.practice.slug)), .text(escaping: line.practice.title)),
                         .div(.class("meta"), .a(.href(to: line.city.reference.link), .text(escaping: line.city.reference.title)),
                              .text(escaping: " · \(line.explanation)")))
                 }))
    }
}

extension LibraryStore {
    /// Published practices run in any of these cities, with the cities each runs in and which
    /// of `topics` it shares, in one query (a row per practice, city and shared topic), read
    /// from the cities' links to the practices by key (SQLite keeps a CROSS JOIN's order; asked
    /// the other way it walked every published practice: 1.1 s a practice page at 1,000,000).
    func practices(inCities cityIDs: [String], sharingTopics topics: [String]) async throws -> [(LibraryLine, [String], [String])] {
        guard !cityIDs.isEmpty else { return [] }
        let sharedTopic = topics.isEmpty ? "NULL" : "t.target_id"
        let topicJoin: ReadSQL = topics.isEmpty ? "" : """
             LEFT JOIN library_links t ON t.subject_kind = 'practice' AND t.subject_id = p.id AND t.field = 'topic_ids' AND t.target_id IN (\(binds: topics))
            """
        let rows = try await sql.allRows(of: """
            SELECT p.id, p.slug, p.title, p.status, CAST(p.start_year AS TEXT) AS date, l.target_id AS city_id, \(unsafeRaw: sharedTopic) AS shared_topic \
            FROM library_links l CROSS JOIN practices p\(topicJoin) \
            WHERE l.subject_kind = 'practice' AND l.subject_id = p.id AND l.field = 'city_ids' AND p.published = \(bind: true) AND l.target_id IN (\(binds: cityIDs))
            """ as ReadSQL)
        var byPractice: [String: (LibraryLine, [String], [String])] = [:]
        for row in rows {
            let id = try row.decode(column: "id", as: String.self)
            let city = try row.decode(column: "city_id", as: String.self)
            if byPractice[id] == nil {
                byPractice[id] = (LibraryLine(kind: .practice, id: id, slug: try row.decode(column: "slug", as: String.self),
                                              title: try row.decode(column: "title", as: String.self), type: try row.decode(column: "status", as: String.self),
                                              date: try row.decode(column: "date", as: String?.self)),
                                  [], [])
            }
            if byPractice[id]?.1.contains(city) == false { byPractice[id]?.1.append(city) }
            if let topic = try row.decode(column: "shared_topic", as: String?.self), byPractice[id]?.2.contains(topic) == false {
                byPractice[id]?.2.append(topic)
            }
        }
        return byPractice.values.sorted { $0.0.title < $1.0.title }
    }
}

import SQLKit
