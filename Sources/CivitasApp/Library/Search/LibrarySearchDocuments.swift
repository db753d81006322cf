import SQLKit

/// Practices (members' submissions among them), resources and news as search documents: a practice found by its
/// problem, approach and outcomes and shown with its cities; a resource or news item with its
/// kind and date; each counted under its topics, cities and their countries.
struct LibrarySearchDocuments: SearchDocumentSource {
    let reads: SearchSourceReads

    private var sql: any SQLDatabase { reads.sql }
    private var records: RecordLookups { reads.records }

    var namedKinds: Set<String> { [RecordKindName.topic.rawValue, RecordKindName.area.rawValue] }

    var searchKinds: [(kind: String, label: String)] { LibraryKind.allCases.map { ($0.rawValue, $0.pluralLabel) } }

    func reading(through sql: any SQLDatabase) -> any SearchDocumentSource {
        LibrarySearchDocuments(reads: SearchSourceReads(services: reads.services, connection: sql))
    }

    func ids(kind: String, after cursor: String?, limit: Int) async throws -> [String] {
        guard let kind = LibraryKind(rawValue: kind) else { return [] }
        return try await sql.raw("""
            SELECT id FROM \(ident: kind.table) WHERE id > \(bind: cursor ?? "") ORDER BY id LIMIT \(bind: limit)
            """).all().map { try $0.decode(column: "id", as: String.self) }
    }

    func count(kind: String) async throws -> Int {
        guard let kind = LibraryKind(rawValue: kind) else { return 0 }
        return try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: kind.table)").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    func documents(kind: String, keys: [String]) async throws -> [SearchDocument] {
        guard let kind = LibraryKind(rawValue: kind), !keys.isEmpty else { return [] }
        let ids = try await sql.raw("""
            SELECT id FROM \(ident: kind.table) WHERE id IN (\(binds: keys)) OR slug IN (\(binds: keys))
            """).all().map { try $0.decode(column: "id", as: String.self) }
        return try await documents(LibraryStore(sql: sql).records(kind, ids: ids, publishedOnly: false))
    }

    private func documents(_ records: [LibraryRecord]) async throws -> [SearchDocument] {
        func ids(_ record: LibraryRecord, _ field: String) -> [String] {
            if case .ids(let ids) = record[field] { return ids }
            return []
        }
        let resolved = try await SearchFacetResolver(records: self.records, topicKind: RecordKindName.topic.rawValue, placeKind: RecordKindName.area.rawValue)
            .resolve(topics: Dictionary(uniqueKeysWithValues: records.map { ($0.id, ids($0, "topic_ids")) }),
                     places: Dictionary(uniqueKeysWithValues: records.map { ($0.id, ids($0, "city_ids") + ids($0, "area_ids")) }))
        return records.map { record in
            let places = (ids(record, "city_ids") + ids(record, "area_ids")).compactMap { resolved.placeNames[$0] }
            let kindWord = record.text("kind").map(LibraryPageParts.readable) ?? record.text("status").map(LibraryPageParts.readable)
            let facts = ([kindWord].compactMap { $0 } + [places.joined(separator: ", ")].filter { !$0.isEmpty }
                + [record.text("published_on") ?? record.text("start_year")].compactMap { $0 }).joined(separator: " · ")
            let date: String? = record.text("published_on") ?? {
                if case .integer(let year) = record["start_year"] { return String(year) }
                return nil
            }()
            return SearchDocument(kind: record.kind.rawValue, id: record.id, slug: record.slug, title: record.title,
                                  body: record.searchableText, path: LibraryURL.record(record.kind, record.urlKey).path,
                                  facts: facts.isEmpty ? nil : facts, date: date, facets: resolved.facets[record.id] ?? [],
                                  isPublic: record.published)
        }
    }
}
