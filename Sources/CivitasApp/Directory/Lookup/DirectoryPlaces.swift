import SQLKit

/// Cities and towns as other capabilities compare them: population, country, and the region
/// they lie in: their parent area when it is a region or state, otherwise the U.S. state
/// their Open Civic Data id names (`.../state:wi/place:milwaukee` is in Wisconsin).
extension DirectoryRecordLookup {
    func places(ids: [String]?) async throws -> [PlaceFacts] { try await sql.run(placesRead(ids: ids)) }

    func placesRead(ids: [String]?) -> PendingRead<[PlaceFacts]> {
        var query: ReadSQL = """
            SELECT a.id, a.slug, a.name AS title, a.population, a.country_code, a.identifier,
                   p.name AS parent_name, p.classification AS parent_classification,
                   c.name AS country_name
            FROM areas a
            LEFT JOIN areas p ON p.id = a.parent_id AND p.published = \(bind: true)
            LEFT JOIN areas c ON c.classification = 'country' AND c.country_code = a.country_code AND c.published = \(bind: true)
            WHERE a.published = \(bind: true) AND a.classification IN ('city', 'town')
            """
        if let ids {
            guard !ids.isEmpty else { return .known([]) }
            query += " AND a.id IN (\(binds: ids))"
        }
        return PendingRead(query + " ORDER BY a.name") { rows in try rows.map { row in
            let slug = try row.decode(column: "slug", as: String.self)
            let parentClass = try row.decode(column: "parent_classification", as: String?.self)
            var region: String? = nil
            if let parentClass, ["region", "state", "county"].contains(parentClass) {
                region = try row.decode(column: "parent_name", as: String?.self)
            } else if let identifier = try row.decode(column: "identifier", as: String?.self) {
                region = USStates.name(inDivision: identifier)
            }
            return PlaceFacts(
                reference: RecordReference(kind: RecordKind.area.rawValue, id: try row.decode(column: "id", as: String.self), slug: slug,
                                           title: try row.decode(column: "title", as: String.self), link: SiteLink(DirectoryURL.record(.area, slug))),
                population: try row.decode(column: "population", as: Int?.self),
                countryCode: try row.decode(column: "country_code", as: String?.self),
                countryName: try row.decode(column: "country_name", as: String?.self),
                region: region)
        } }
    }
}

/// The states of the United States by their Open Civic Data code.
enum USStates {
    static let names: [String: String] = [
        "al": "Alabama", "ak": "Alaska", "az": "Arizona", "ar": "Arkansas", "ca": "California", "co": "Colorado", "ct": "Connecticut",
        "de": "Delaware", "fl": "Florida", "ga": "Georgia", "hi": "Hawaii", "id": "Idaho", "il": "Illinois", "in": "Indiana", "ia": "Iowa",
        "ks": "Kansas", "ky": "Kentucky", "la": "Louisiana", "me": "Maine", "md": "Maryland", "ma": "Massachusetts", "mi": "Michigan",
        "mn": "Minnesota", "ms": "Mississippi", "mo": "Missouri", "mt": "Montana", "ne": "Nebraska", "nv": "Nevada", "nh": "New Hampshire",
        "nj": "New Jersey", "nm": "New Mexico", "ny": "New York", "nc": "North Carolina", "nd": "North Dakota", "oh": "Ohio", "ok": "Oklahoma",
        "or": "Oregon", "pa": "Pennsylvania", "ri": "Rhode Island", "sc": "South Carolina", "sd": "South Dakota", "tn": "Tennessee",
        "tx": "Texas", "ut": "Utah", "vt": "Vermont", "va": "Virginia", "wa": "Washington", "wv": "West Virginia", "wi": "Wisconsin",
        "wy": "Wyoming", "dc": "the District of Columbia",
    ]

    /// The state an OCD division id lies in: `ocd-division/country:us/state:wi/...` is Wisconsin.
    /// Read part by part without splitting the whole id: a practice page asks it of every city.
    static func name(inDivision identifier: String) -> String? {
        let prefix = "ocd-division/country:us/"
        guard identifier.hasPrefix(prefix) else { return nil }
        var rest = identifier.utf8.dropFirst(prefix.utf8.count)
        while !rest.isEmpty {
            let end = rest.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
            let part = rest[rest.startIndex..<end]
            if part.starts(with: "state:".utf8) { return names[String(Substring(part.dropFirst("state:".utf8.count)))] }
            if part.elementsEqual("district:dc".utf8) { return names["dc"] }
            rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
        }
        return nil
    }
}
