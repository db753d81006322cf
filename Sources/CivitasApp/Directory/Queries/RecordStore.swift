import FluentKit
import Foundation
import SQLKit

/// Reads directory records with SQLKit, decoding columns by the kind's field specs
/// (ENGINEERING.md: hot reads skip Fluent's model objects).
struct RecordStore {
    let sql: any SQLDatabase

    init(_ db: any Database) { self.sql = db as! any SQLDatabase }
    init(sql: any SQLDatabase) { self.sql = sql }

    struct ListQuery {
        var text: String?
        var offset = 0
        var limit = 25
        var publishedOnly = true
        /// Matches `text` through the search index for public lists of the kinds it holds.
        var textSearch: (any RecordTextSearch)? = nil
        /// Link fields left unread because the caller reads what they link to in full (the
        /// API reads each record's sources with their titles and addresses).
        var linksReadElsewhere: Set<String> = []
    }

    func list(_ kind: RecordKind, _ query: ListQuery) async throws -> (records: [RecordValues], total: Int) {
        let (records, total, _) = try await list(kind, query, alongside: { _ in .known(()) })
        return (records, total)
    }

    /// A page of records, then their links together with `extra`, a read of what the caller
    /// shows of the same records (given their ids): one statement for the page and one for the
    /// rest on PostgreSQL (see `SQLDatabase.together`), where each statement costs about as much
    /// as a short read.
    func list<Extra>(_ kind: RecordKind, _ query: ListQuery,
                     alongside extra: @escaping ([String]) -> PendingRead<Extra>) async throws -> (records: [RecordValues], total: Int, extra: Extra) {
        // Written as SQL text rather than with the query builder: pages read these on every
        // uncached answer, and building the text from a builder's tree cost a tenth of one.
        // Table and column names come from the kind's fixed lists, never from a request.
        var conditions: [ReadSQL] = []
        if query.publishedOnly { conditions.append(Self.visible(kind)) }
        if let text = query.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            var indexed: SQLQueryString? = nil
            if query.publishedOnly, let search = query.textSearch { indexed = try await search.condition(kind: kind.rawValue, text: text, idColumn: "id") }
            conditions.append(ReadSQL(indexed ?? Self.textFilter(kind, text: text, publishedOnly: query.publishedOnly)))
        }
        let filter: ReadSQL = conditions.isEmpty ? "" : " WHERE " + .list(conditions, separator: " AND ") { "(\($0))" }
        let select: ReadSQL = "SELECT * FROM \(unsafeRaw: kind.table)\(filter) ORDER BY \(unsafeRaw: kind.sortColumn) ASC, id ASC LIMIT \(bind: query.limit + 1) OFFSET \(bind: query.offset)"
        // One row past the page: a page that reaches the end of the list (most lists of a
        // network fit in one) knows the total without counting, one statement fewer.
        let rows = try await sql.allRows(of: select)
        let total: Int
        if rows.count <= query.limit, !rows.isEmpty || query.offset == 0 {
            total = query.offset + rows.count
        } else {
            total = try await sql.allRows(of: "SELECT count(*) AS total FROM \(unsafeRaw: kind.table)\(filter)" as ReadSQL).first?
                .decode(column: "total", as: Int.self) ?? 0
        }
        var records = try rows.prefix(query.limit).map { try decode(kind, $0) }
        let ids = records.map(\.id)
        let (links, answer) = try await sql.together(linksRead(kind: kind, ids: ids, skipping: query.linksReadElsewhere), extra(ids))
        Self.attach(links, to: &records)
        return (records, total, answer)
    }

    /// How many records of a kind the public sees (the home page's figures), without fetching any.
    func publicCount(_ kind: RecordKind) async throws -> Int {
        try await sql.select().column(SQLFunction("count", args: SQLLiteral.all), as: "total").from(kind.table)
            .where(Self.visible(kind)).first()?.decode(column: "total", as: Int.self) ?? 0
    }

    /// Finds by id, or by slug for kinds that have one.
    func find(_ kind: RecordKind, key: String, publishedOnly: Bool, withLinks: Bool = true) async throws -> RecordValues? {
        var select: ReadSQL = "SELECT * FROM \(unsafeRaw: kind.table) WHERE "
        select += kind.hasSlug ? "(id = \(bind: key) OR slug = \(bind: key))" : "id = \(bind: key)"
        if publishedOnly { select += " AND (\(Self.visible(kind)))" }
        guard let row = try await sql.allRows(of: select + " LIMIT 1").first else { return nil }
        var records = [try decode(kind, row)]
        if withLinks { try await attachLinks(&records, kind: kind) }
        return records.first
    }

    func all(_ kind: RecordKind, publishedOnly: Bool) async throws -> [RecordValues] {
        var select = sql.select().column("*").from(kind.table)
        if publishedOnly { select = select.where(Self.visible(kind)) }
        var records = try await select.orderBy(kind.sortColumn).orderBy("id").all().map { try decode(kind, $0) }
        try await attachLinks(&records, kind: kind)
        return records
    }

    /// What the public may see of a kind: published records, and for memberships and posts
    /// only those whose people and organizations are published too (a hidden person's
    /// memberships would otherwise reveal them).
    static func visible(_ kind: RecordKind) -> ReadSQL {
        switch kind {
        case .membership:
            """
            published = \(bind: true)
            AND (person_id IS NULL OR person_id IN (SELECT id FROM people WHERE published = \(bind: true)))
            AND (member_organization_id IS NULL OR member_organization_id IN (SELECT id FROM organizations WHERE published = \(bind: true)))
            AND organization_id IN (SELECT id FROM organizations WHERE published = \(bind: true))
            """
        case .post:
            "published = \(bind: true) AND organization_id IN (SELECT id FROM organizations WHERE published = \(bind: true))"
        default:
            "published = \(bind: true)"
        }
    }

    /// What `?q=` matches: the record's name, or for memberships (which rarely have one)
    /// the names of the person, organizations and post they link. For the public, only the
    /// names of published records match, so a hidden record's name cannot be found out.
    static func textFilter(_ kind: RecordKind, text: String, publishedOnly: Bool) -> SQLQueryString {
        guard kind == .membership else { return SQLText.contains(column: kind.titleColumn, text: text) }
        // Qualified names from this fixed list go into the SQL as written; only the text is bound.
        let columns = ["pe.name", "o.name", "mo.name", "p.label", "m.role", "m.label"]
        let published: SQLQueryString = publishedOnly ? " AND published = \(bind: true)" : ""
        var condition: SQLQueryString = "id IN (SELECT m.id FROM memberships m JOIN organizations o ON o.id = m.organization_id "
        condition += "LEFT JOIN (SELECT id, name FROM people WHERE 1 = 1" + published + ") pe ON pe.id = m.person_id "
        condition += "LEFT JOIN (SELECT id, name FROM organizations WHERE 1 = 1" + published + ") mo ON mo.id = m.member_organization_id "
        condition += "LEFT JOIN (SELECT id, label FROM posts WHERE 1 = 1" + published + ") p ON p.id = m.post_id WHERE "
        for (index, column) in columns.enumerated() {
            if index > 0 { condition += " OR " }
            condition += SQLText.contains(column: column, text: text, qualified: true)
        }
        return condition + ")"
    }

    /// Id and title of every record of a kind, for the choices of a form.
    func choices(_ kind: RecordKind) async throws -> [(id: String, title: String)] {
        try await sql.select().columns("id", kind.titleColumn).from(kind.table).orderBy(kind.titleColumn).all().map {
            (try $0.decode(column: "id", as: String.self), try $0.decode(column: kind.titleColumn, as: String.self))
        }
    }

    func exists(_ kind: RecordKind, id: String) async throws -> Bool {
        try await sql.select().column("id").from(kind.table).where("id", .equal, SQLBind(id)).first() != nil
    }

    func decode(_ kind: RecordKind, _ row: any SQLRow) throws -> RecordValues {
        try RecordValues.decode(kind, row)
    }

    /// Fills the link fields (sources, topics) of a page of records with one query per link
    /// table, sent together (one statement on PostgreSQL).
    func attachLinks(_ records: inout [RecordValues], kind: RecordKind, skipping skipped: Set<String> = []) async throws {
        Self.attach(try await sql.run(linksRead(kind: kind, ids: records.map(\.id), skipping: skipped)), to: &records)
    }

    /// Each link field's targets by subject, for the given records of a kind (see `attach`).
    func linksRead(kind: RecordKind, ids: [String], skipping skipped: Set<String> = []) -> PendingRead<[(field: String, bySubject: [String: [String]])]> {
        let fields = kind.linkFields.filter { !skipped.contains($0.name) }
        guard !ids.isEmpty, !fields.isEmpty else { return .known([]) }
        return .all(fields.map { field in
            let link = LinkTable.table(for: field)
            return PendingRead<(field: String, bySubject: [String: [String]])>("""
                SELECT subject_id, \(unsafeRaw: link.targetColumn) FROM \(unsafeRaw: link.table)
                WHERE subject_kind = \(bind: kind.rawValue) AND subject_id IN (\(binds: ids))
                ORDER BY \(unsafeRaw: link.targetColumn)
                """) { rows in
                var bySubject: [String: [String]] = [:]
                for row in rows {
                    bySubject[try row.decode(column: "subject_id", as: String.self), default: []]
                        .append(try row.decode(column: link.targetColumn, as: String.self))
                }
                return (field.name, bySubject)
            }
        })
    }

    /// Sets each record's link fields from `linksRead`'s answer (an empty list where none).
    static func attach(_ links: [(field: String, bySubject: [String: [String]])], to records: inout [RecordValues]) {
        for (field, bySubject) in links {
            for index in records.indices {
                records[index].values[field] = .ids(bySubject[records[index].id] ?? [])
            }
        }
    }
}
