import CivitasCore
import SQLKit

/// Events as search documents: found by their summary, description, highlights,
/// venue and series; shown with their dates and place; counted under their topics, city and
/// country, and the year they start.
struct EventSearchDocuments: SearchDocumentSource {
    let reads: SearchSourceReads

    private var sql: any SQLDatabase { reads.sql }
    private var records: RecordLookups { reads.records }

    var namedKinds: Set<String> { [RecordKindName.topic.rawValue, RecordKindName.area.rawValue] }

    var searchKinds: [(kind: String, label: String)] { [(RecordKindName.event.rawValue, "Events")] }

    func reading(through sql: any SQLDatabase) -> any SearchDocumentSource { EventSearchDocuments(reads: SearchSourceReads(services: reads.services, connection: sql)) }

    func ids(kind: String, after cursor: String?, limit: Int) async throws -> [String] {
        guard kind == RecordKindName.event.rawValue else { return [] }
        return try await sql.select().column("id").from("events")
            .where("id", .greaterThan, SQLBind(cursor ?? "")).orderBy("id").limit(limit).all().map { try $0.decode(column: "id", as: String.self) }
    }

    func count(kind: String) async throws -> Int {
        guard kind == RecordKindName.event.rawValue else { return 0 }
        return try await sql.raw("SELECT COUNT(*) AS n FROM events").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    func documents(kind: String, keys: [String]) async throws -> [SearchDocument] {
        guard kind == RecordKindName.event.rawValue, !keys.isEmpty else { return [] }
        return try await documents(try await sql.select().column("*").from("events")
            .where { $0.where("id", .in, SQLBind.group(keys)).orWhere("slug", .in, SQLBind.group(keys)) }.all().map { try EventRecord(row: $0) })
    }

    private func documents(_ events: [EventRecord]) async throws -> [SearchDocument] {
        let topics = try await records.linked(RecordKindName.topic.rawValue, toSubjects: RecordKindName.event.rawValue, ids: events.map(\.id))
        let resolved = try await SearchFacetResolver(records: records, topicKind: RecordKindName.topic.rawValue, placeKind: RecordKindName.area.rawValue)
            .resolve(topics: Dictionary(uniqueKeysWithValues: events.map { event in (event.id, (topics[event.id] ?? []).map(\.id)) }),
                     places: Dictionary(uniqueKeysWithValues: events.map { ($0.id, [$0.areaId].compactMap { $0 }) }))
        return events.map { event in
            let place = event.areaId.flatMap { resolved.placeNames[$0] }
            let facts = [event.startDay, place ?? event.venue].compactMap { $0 }.joined(separator: " · ")
            let body = [event.summary, event.description, event.highlights, event.venue, event.series].compactMap { $0 }.joined(separator: "\n")
            return SearchDocument(kind: RecordKindName.event.rawValue, id: event.id, slug: event.slug, title: event.title, body: body,
                                  path: ConveningsURL.event(event.slug).path, facts: facts,
                                  date: String(event.isoStart.prefix(10)), facets: resolved.facets[event.id] ?? [], isPublic: event.published)
        }
    }
}
