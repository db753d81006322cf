/// The topic, city and country facet values of a batch of search documents whose records name
/// topics and places another capability keeps (the directory), resolved with two lookups for
/// the whole batch: one for the topics and places by id, one for the places' countries.
struct SearchFacetResolver: Sendable {
    let records: RecordLookups
    /// The kinds of the topics and places, as the capability keeping them names them.
    let topicKind: String
    let placeKind: String

    struct Resolved: Sendable {
        /// By record id.
        var facets: [String: [SearchFacetValue]] = [:]
        /// Every place's name by id, for the facts line.
        var placeNames: [String: String] = [:]
    }

    /// `topics` and `places`: each record's topic and place (city or region) ids, by record id.
    func resolve(topics: [String: [String]], places: [String: [String]]) async throws -> Resolved {
        let keys = Set(topics.values.joined().map { RecordKey(kind: topicKind, id: $0) }
            + places.values.joined().map { RecordKey(kind: placeKind, id: $0) })
        guard !keys.isEmpty else { return Resolved() }
        let found = try await records.references(Array(keys))
        let placeIDs = Array(Set(places.values.joined()))
        let facts = placeIDs.isEmpty ? [] : try await records.places(ids: placeIDs)
        let countries = Dictionary(facts.compactMap { fact in fact.countryCode.map { (fact.reference.id, ($0, fact.countryName ?? $0)) } },
                                   uniquingKeysWith: { first, _ in first })
        var resolved = Resolved()
        for (id, reference) in found where reference.kind == placeKind { resolved.placeNames[id.id] = reference.title }
        for id in Set(topics.keys).union(places.keys) {
            var values: [SearchFacetValue] = []
            for topic in topics[id] ?? [] {
                guard let reference = found[RecordKey(kind: topicKind, id: topic)] else { continue }
                values.append(SearchFacetValue(facet: "topic", value: reference.slug, label: reference.title))
            }
            for place in places[id] ?? [] {
                if let reference = found[RecordKey(kind: placeKind, id: place)], facts.contains(where: { $0.reference.id == place }) {
                    values.append(SearchFacetValue(facet: "city", value: reference.slug, label: reference.title))
                }
                if let (code, name) = countries[place] {
                    values.append(SearchFacetValue(facet: "country", value: code.lowercased(), label: name))
                }
            }
            resolved.facets[id] = values
        }
        return resolved
    }
}
