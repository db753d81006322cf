/// What the capability keeping places knows of a city, for comparing cities ("cities like
/// yours"): its size when known, its country, and the region or state it lies in.
struct PlaceFacts: Sendable, Equatable {
    let reference: RecordReference
    let population: Int?
    /// ISO 3166 code, e.g. "US".
    let countryCode: String?
    let countryName: String?
    /// The state, province or region it lies in, when known ("Wisconsin", "New York State").
    let region: String?
}

extension RecordLookup {
    /// Published cities and towns with their facts: those with these ids, or every one (nil).
    /// A lookup that keeps no places answers none.
    func placesRead(ids: [String]?) -> PendingRead<[PlaceFacts]> { .known([]) }
    func places(ids: [String]?) async throws -> [PlaceFacts] { [] }
}

extension RecordLookups {
    func places(ids: [String]? = nil) async throws -> [PlaceFacts] {
        var all: [PlaceFacts] = []
        for lookup in lookups where lookup.kinds.contains("area") { all += try await lookup.places(ids: ids) }
        return all
    }

    /// The places of every lookup that keeps areas, as one read not yet run.
    func placesRead(ids: [String]? = nil) -> PendingRead<[PlaceFacts]> {
        PendingRead.all(lookups.filter { $0.kinds.contains("area") }.map { $0.placesRead(ids: ids) }).map { $0.flatMap { $0 } }
    }
}
