import SQLKit

/// Events as other capabilities see them (`RecordLookup`): the library names the events a
/// practice was presented at, a resource came from or a news item is about. Events carry no
/// links of other records' kinds, so the link questions answer nothing.
struct EventRecordLookup: RecordLookup {
    let sql: any SQLDatabase

    let kinds: Set<String> = [EventTopics.event]

    func reading(through sql: any SQLDatabase) -> any RecordLookup { EventRecordLookup(sql: sql) }

    private func reference(_ row: any SQLRow) throws -> RecordReference {
        let slug = try row.decode(column: "slug", as: String.self)
        return RecordReference(kind: EventTopics.event, id: try row.decode(column: "id", as: String.self), slug: slug,
                               title: try row.decode(column: "title", as: String.self), link: SiteLink(ConveningsURL.event(slug)))
    }

    func references(_ keys: [RecordKey]) async throws -> [RecordKey: RecordReference] {
        let ids = Array(Set(keys.filter { $0.kind == EventTopics.event }.map(\.id)))
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.allRows(of: "SELECT id, slug, title FROM events WHERE published = \(bind: true) AND id IN (\(binds: ids))" as ReadSQL)
        var result: [RecordKey: RecordReference] = [:]
        for row in rows {
            let found = try reference(row)
            result[RecordKey(kind: found.kind, id: found.id)] = found
        }
        return result
    }

    func existing(kind: String, ids: [String]) async throws -> Set<String> {
        guard kind == EventTopics.event, !ids.isEmpty else { return [] }
        return Set(try await sql.raw("SELECT id FROM events WHERE id IN \(SQLBind.group(Array(Set(ids))))").all()
            .map { try $0.decode(column: "id", as: String.self) })
    }

    /// Newest first, as people look for an event.
    func choices(kind: String, publishedOnly: Bool) async throws -> [RecordReference] {
        try await sql.run(choicesRead(kind: kind, publishedOnly: publishedOnly))
    }

    func choicesRead(kind: String, publishedOnly: Bool) -> PendingRead<[RecordReference]> {
        guard kind == EventTopics.event else { return .known([]) }
        let condition: ReadSQL = publishedOnly ? "WHERE published = \(bind: true)" : ""
        return PendingRead("SELECT id, slug, title FROM events \(condition) ORDER BY starts_at DESC, id") { rows in try rows.map(reference) }
    }

    func find(kind: String, key: String) async throws -> RecordReference? {
        guard kind == EventTopics.event else { return nil }
        return try await sql.raw("SELECT id, slug, title FROM events WHERE (id = \(bind: key) OR slug = \(bind: key)) AND published = \(bind: true)")
            .first().map(reference)
    }

    func linked(_ linkKind: String, toSubjects subjectKind: String, ids: [String]) async throws -> [String: [RecordReference]] { [:] }
    func linkedRead(_ linkKind: String, toSubjects subjectKind: String, ids: [String]) -> PendingRead<[String: [RecordReference]]> { .known([:]) }
    func linkedIDs(_ linkKind: String, ofSubject subjectKind: String, id: String) async throws -> [String] { [] }
    func setLinks(_ linkKind: String, ofSubject subjectKind: String, id: String, to ids: [String]) async throws {}
    func subjects(_ subjectKind: String, linkedTo linkKind: String, key: String) async throws -> [String] { [] }
    func withParts(kind: String, key: String) async throws -> [String] { [] }
}

extension RecordKindName {
    /// Events, as other records' fields point at them (`.references(.event)`).
    static let event = RecordKindName(rawValue: EventTopics.event)
}
