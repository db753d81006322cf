import SQLKit

/// The people, organisations and places of the directory as search documents: a
/// person shown with the offices they held and counted under those offices' cities; an
/// organisation with its kind and place; a place with its kind, counted under itself when it
/// is a city. Each is counted under its topics.
struct DirectorySearchDocuments: SearchDocumentSource {
    let reads: SearchSourceReads

    static let kinds: [RecordKind] = [.person, .organization, .area]

    private var sql: any SQLDatabase { reads.sql }
    private var records: RecordLookups { reads.records }

    var namedKinds: Set<String> { [RecordKindName.topic.rawValue, RecordKindName.area.rawValue] }

    var searchKinds: [(kind: String, label: String)] { Self.kinds.map { ($0.rawValue, $0.pluralLabel) } }

    func reading(through sql: any SQLDatabase) -> any SearchDocumentSource { DirectorySearchDocuments(reads: SearchSourceReads(services: reads.services, connection: sql)) }

    func ids(kind: String, after cursor: String?, limit: Int) async throws -> [String] {
        guard let kind = RecordKind(rawValue: kind), Self.kinds.contains(kind) else { return [] }
        return try await sql.select().column("id").from(kind.table)
            .where("id", .greaterThan, SQLBind(cursor ?? "")).orderBy("id").limit(limit).all().map { try $0.decode(column: "id", as: String.self) }
    }

    func count(kind: String) async throws -> Int {
        guard let kind = RecordKind(rawValue: kind), Self.kinds.contains(kind) else { return 0 }
        return try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: kind.table)").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    func documents(kind: String, keys: [String]) async throws -> [SearchDocument] {
        guard let kind = RecordKind(rawValue: kind), Self.kinds.contains(kind), !keys.isEmpty else { return [] }
        let store = RecordStore(sql: sql)
        var found = try await sql.select().column("*").from(kind.table)
            .where { $0.where("id", .in, SQLBind.group(keys)).orWhere("slug", .in, SQLBind.group(keys)) }.all().map { try store.decode(kind, $0) }
        try await store.attachLinks(&found, kind: kind)
        return try await documents(found, kind: kind)
    }

    private func documents(_ found: [RecordValues], kind: RecordKind) async throws -> [SearchDocument] {
        func ids(_ record: RecordValues, _ field: String) -> [String] {
            if case .ids(let ids) = record[field] { return ids }
            return []
        }
        // The offices people held, latest first, with the places they are of.
        var offices: [String: [(label: String, area: String?)]] = [:]
        if kind == .person, !found.isEmpty {
            for row in try await sql.raw("""
                SELECT m.person_id, p.label, p.area_id FROM memberships m JOIN posts p ON p.id = m.post_id
                WHERE m.person_id IN (\(binds: found.map(\.id))) AND m.published = \(bind: true) AND p.published = \(bind: true)
                ORDER BY COALESCE(m.start_date, '') DESC, p.label
                """).all() {
                offices[try row.decode(column: "person_id", as: String.self), default: []]
                    .append((try row.decode(column: "label", as: String.self), try row.decode(column: "area_id", as: String?.self)))
            }
        }
        func places(_ record: RecordValues) -> [String] {
            switch kind {
            case .person: (offices[record.id] ?? []).compactMap(\.area)
            case .organization: record.text("area_id").map { [$0] } ?? []
            default: [record.id]
            }
        }
        let resolved = try await SearchFacetResolver(records: records, topicKind: RecordKindName.topic.rawValue, placeKind: RecordKindName.area.rawValue)
            .resolve(topics: Dictionary(uniqueKeysWithValues: found.map { ($0.id, ids($0, "topic_ids")) }),
                     places: Dictionary(uniqueKeysWithValues: found.map { ($0.id, places($0)) }))
        return found.map { record in
            let facts: String?
            switch kind {
            case .person: facts = (offices[record.id] ?? []).prefix(2).map(\.label).joined(separator: "; ")
            case .organization: facts = [record.text("classification")?.capitalized, record.text("area_id").flatMap { resolved.placeNames[$0] }]
                .compactMap { $0 }.joined(separator: " · ")
            default: facts = [record.text("classification")?.capitalized, record.text("parent_id").flatMap { resolved.placeNames[$0] }]
                .compactMap { $0 }.joined(separator: " · ")
            }
            return SearchDocument(kind: kind.rawValue, id: record.id, slug: record.slug, title: record.title,
                                  body: record.searchableText, path: DirectoryURL.record(kind, record.urlKey).path,
                                  facts: facts?.isEmpty == false ? facts : nil, date: nil, facets: resolved.facets[record.id] ?? [],
                                  isPublic: record.published)
        }
    }
}
