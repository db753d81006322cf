import SQLKit

/// The directory's records as other capabilities see them (`RecordLookup`): names, slugs and
/// links of people, organizations, areas, topics and sources, each call one query.
struct DirectoryRecordLookup: RecordLookup {
    let sql: any SQLDatabase

    let kinds: Set<String> = Set(RecordKind.allCases.filter(\.hasSlug).map(\.rawValue))

    func reading(through sql: any SQLDatabase) -> any RecordLookup { DirectoryRecordLookup(sql: sql) }

    private func reference(_ kind: RecordKind, _ row: any SQLRow) throws -> RecordReference {
        let slug = try row.decode(column: "slug", as: String.self)
        return RecordReference(kind: kind.rawValue, id: try row.decode(column: "id", as: String.self), slug: slug,
                               title: try row.decode(column: "title", as: String.self), link: SiteLink(DirectoryURL.record(kind, slug)))
    }

    /// One `UNION ALL` over the kinds asked for.
    func references(_ keys: [RecordKey]) async throws -> [RecordKey: RecordReference] {
        let byKind = Dictionary(grouping: keys.compactMap { key in RecordKind(rawValue: key.kind).map { ($0, key.id) } }, by: \.0)
            .filter { $0.key.hasSlug }
        guard !byKind.isEmpty else { return [:] }
        var query: ReadSQL = ""
        for (kind, pairs) in byKind.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let ids = Array(Set(pairs.map(\.1)))
            if !query.isEmpty { query += " UNION ALL " }
            query += """
                SELECT \(bind: kind.rawValue) AS kind, id, slug, \(unsafeRaw: kind.titleColumn) AS title FROM \(unsafeRaw: kind.table)
                WHERE published = \(bind: true) AND id IN (\(binds: ids))
                """
        }
        var result: [RecordKey: RecordReference] = [:]
        for row in try await sql.allRows(of: query) {
            guard let kind = RecordKind(rawValue: try row.decode(column: "kind", as: String.self)) else { continue }
            let found = try reference(kind, row)
            result[RecordKey(kind: found.kind, id: found.id)] = found
        }
        return result
    }

    func existing(kind: String, ids: [String]) async throws -> Set<String> {
        guard let kind = RecordKind(rawValue: kind), !ids.isEmpty else { return [] }
        return Set(try await sql.select().column("id").from(kind.table).where("id", .in, SQLBind.group(Array(Set(ids)))).all()
            .map { try $0.decode(column: "id", as: String.self) })
    }

    func choices(kind: String, publishedOnly: Bool) async throws -> [RecordReference] {
        try await sql.run(choicesRead(kind: kind, publishedOnly: publishedOnly))
    }

    func choicesRead(kind: String, publishedOnly: Bool) -> PendingRead<[RecordReference]> {
        guard let kind = RecordKind(rawValue: kind), kind.hasSlug else { return .known([]) }
        let condition: ReadSQL = publishedOnly ? "WHERE published = \(bind: true)" : ""
        return PendingRead("""
            SELECT id, slug, \(unsafeRaw: kind.titleColumn) AS title FROM \(unsafeRaw: kind.table) \(condition) ORDER BY \(unsafeRaw: kind.titleColumn)
            """) { rows in try rows.map { try reference(kind, $0) } }
    }

    func find(kind: String, key: String) async throws -> RecordReference? {
        guard let kind = RecordKind(rawValue: kind), kind.hasSlug else { return nil }
        return try await sql.raw("""
            SELECT id, slug, \(unsafeRaw: kind.titleColumn) AS title FROM \(unsafeRaw: kind.table)
            WHERE (id = \(bind: key) OR slug = \(bind: key)) AND published = \(bind: true)
            """).first().map { try reference(kind, $0) }
    }

    /// Topics through `topic_links`, sources through `citations`: the directory's link tables,
    /// which other capabilities' records use with their own subject kind.
    private func linkTable(_ linkKind: String) -> (kind: RecordKind, table: String, column: String)? {
        switch linkKind {
        case RecordKind.topic.rawValue: (.topic, "topic_links", "topic_id")
        case RecordKind.source.rawValue: (.source, "citations", "source_id")
        default: nil
        }
    }

    func linkedIDs(_ linkKind: String, ofSubject subjectKind: String, id: String) async throws -> [String] {
        guard let (_, table, column) = linkTable(linkKind) else { return [] }
        return try await sql.raw("""
            SELECT \(unsafeRaw: column) AS target FROM \(unsafeRaw: table) WHERE subject_kind = \(bind: subjectKind) AND subject_id = \(bind: id)
            ORDER BY target
            """).all().map { try $0.decode(column: "target", as: String.self) }
    }

    func setLinks(_ linkKind: String, ofSubject subjectKind: String, id: String, to ids: [String]) async throws {
        guard let (_, table, column) = linkTable(linkKind) else { return }
        try await sql.delete(from: table).where("subject_kind", .equal, SQLBind(subjectKind)).where("subject_id", .equal, SQLBind(id)).run()
        for target in Set(ids).sorted() {
            try await sql.insert(into: table).columns("subject_kind", "subject_id", column)
                .values(SQLBind(subjectKind), SQLBind(id), SQLBind(target)).run()
        }
    }

    func subjects(_ subjectKind: String, linkedTo linkKind: String, key: String) async throws -> [String] {
        guard let (kind, table, column) = linkTable(linkKind) else { return [] }
        return try await sql.raw("""
            SELECT l.subject_id FROM \(unsafeRaw: table) l JOIN \(unsafeRaw: kind.table) r ON r.id = l.\(unsafeRaw: column)
            WHERE l.subject_kind = \(bind: subjectKind) AND (r.slug = \(bind: key) OR r.id = \(bind: key)) AND r.published = \(bind: true)
            """).all().map { try $0.decode(column: "subject_id", as: String.self) }
    }

    func withParts(kind: String, key: String) async throws -> [String] {
        guard let kind = RecordKind(rawValue: kind), kind.fields.contains(where: { $0.name == "parent_id" }) else { return [] }
        return try await sql.raw("""
            SELECT id FROM \(unsafeRaw: kind.table) WHERE published = \(bind: true) AND ((slug = \(bind: key) OR id = \(bind: key))
            OR parent_id IN (SELECT id FROM \(unsafeRaw: kind.table) WHERE (slug = \(bind: key) OR id = \(bind: key)) AND published = \(bind: true)))
            """).all().map { try $0.decode(column: "id", as: String.self) }
    }

    func linked(_ linkKind: String, toSubjects subjectKind: String, ids: [String]) async throws -> [String: [RecordReference]] {
        try await sql.run(linkedRead(linkKind, toSubjects: subjectKind, ids: ids))
    }

    func linkedRead(_ linkKind: String, toSubjects subjectKind: String, ids: [String]) -> PendingRead<[String: [RecordReference]]> {
        guard !ids.isEmpty, let (kind, table, column) = linkTable(linkKind) else { return .known([:]) }
        let query: ReadSQL = """
            SELECT l.subject_id, r.id, r.slug, r.\(unsafeRaw: kind.titleColumn) AS title FROM \(unsafeRaw: table) l
            JOIN \(unsafeRaw: kind.table) r ON r.id = l.\(unsafeRaw: column)
            WHERE l.subject_kind = \(bind: subjectKind) AND l.subject_id IN (\(binds: ids)) AND r.published = \(bind: true)
            ORDER BY title
            """
        let lookup = self
        return PendingRead(query) { rows in
            var result: [String: [RecordReference]] = [:]
            for row in rows { result[try row.decode(column: "subject_id", as: String.self), default: []].append(try lookup.reference(kind, row)) }
            return result
        }
    }
}
