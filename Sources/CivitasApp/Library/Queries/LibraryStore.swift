import FluentKit
import Foundation
import SQLKit

/// Reads library records with SQLKit, decoding columns by the kind's field specs, and their
/// links with one query per page of records.
struct LibraryStore {
    let sql: any SQLDatabase

    init(_ db: any Database) { self.sql = db as! any SQLDatabase }
    init(sql: any SQLDatabase) { self.sql = sql }

    func list(_ kind: LibraryKind, _ filter: LibraryFilter) async throws -> (records: [LibraryRecord], total: Int) {
        let (records, total, _) = try await list(kind, filter, alongside: .known(()))
        return (records, total)
    }

    /// A page of records, then its total and its links together with `extra` (what the page
    /// reads alongside, such as a filter's choices): two statements on PostgreSQL. The page's
    /// rows go alone: whole records are wide (a news item's body), and PostgreSQL writing them
    /// as JSON for a combined statement cost more than the statement saved. The news list,
    /// uncached, on PostgreSQL: 1,517 µs of the server's and PostgreSQL's CPU per page with its
    /// rows in the combined statement, 1,352 µs with them alone (`/proc` around wrk -t2 -c64; the
    /// machine's speed varied by about 10% between the two runs).
    func list<Extra>(_ kind: LibraryKind, _ filter: LibraryFilter,
                     alongside extra: PendingRead<Extra>) async throws -> (records: [LibraryRecord], total: Int, extra: Extra) {
        let condition = Self.condition(kind, filter)
        var records = try await sql.run(PendingRead("""
            SELECT * FROM \(unsafeRaw: kind.table) WHERE \(condition) ORDER BY \(Self.order(kind))
            LIMIT \(bind: filter.limit) OFFSET \(bind: filter.offset)
            """) { rows in try rows.map { try LibraryRecord.decode(kind, $0) } })
        // A first page that is not full holds every match: its rows are the total.
        let counted: PendingRead<Int> = filter.offset == 0 && records.count < filter.limit ? .known(records.count)
            : PendingRead("SELECT COUNT(*) AS total FROM \(unsafeRaw: kind.table) WHERE \(condition)") { rows in
                try rows.first?.decode(column: "total", as: Int.self) ?? 0
            }
        let (total, links, answer) = try await sql.together(counted, linksRead(of: records.map(\.id), kind: kind), extra)
        Self.attach(links, to: &records, kind: kind)
        return (records, total, answer)
    }

    /// Finds by id or slug.
    func find(_ kind: LibraryKind, key: String, publishedOnly: Bool) async throws -> LibraryRecord? {
        var matching: ReadSQL = "(id = \(bind: key) OR slug = \(bind: key))"
        if publishedOnly { matching += " AND published = \(bind: true)" }
        // The record and its links together (one statement on PostgreSQL), the links found by the same key.
        let (found, links) = try await sql.together(
            PendingRead("SELECT * FROM \(unsafeRaw: kind.table) WHERE " + matching + " LIMIT 1") { rows in
                try rows.first.map { try LibraryRecord.decode(kind, $0) }
            },
            linksRead(kind: kind, subjects: "SELECT id FROM \(unsafeRaw: kind.table) WHERE " + matching))
        guard let found else { return nil }
        var records = [found]
        Self.attach(links, to: &records, kind: kind)
        return records.first
    }

    /// Records by id, in the order asked, published ones only when asked; links attached.
    func records(_ kind: LibraryKind, ids: [String], publishedOnly: Bool = true) async throws -> [LibraryRecord] {
        guard !ids.isEmpty else { return [] }
        var select = sql.select().column("*").from(kind.table).where("id", .in, SQLBind.group(ids))
        if publishedOnly { select = select.where("published", .equal, SQLBind(true)) }
        var records = try await select.all().map { try LibraryRecord.decode(kind, $0) }
        try await attachLinks(&records, kind: kind)
        let position = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        return records.sorted { position[$0.id, default: 0] < position[$1.id, default: 0] }
    }

    /// The published records of a kind that link to `targetIDs` through one of `fields`,
    /// newest or alphabetical as the kind's lists are, at most `limit`.
    func linking(_ kind: LibraryKind, to targetIDs: [String], through fields: [String], limit: Int = 50) async throws -> [LibraryRecord] {
        var records = try await sql.run(linkingRead(kind, to: targetIDs, through: fields, limit: limit))
        try await attachLinks(&records, kind: kind)
        return records
    }

    /// `linking` as a read not yet run, without the records' links (see `linksRead`).
    func linkingRead(_ kind: LibraryKind, to targetIDs: [String], through fields: [String], limit: Int = 50) -> PendingRead<[LibraryRecord]> {
        guard !targetIDs.isEmpty, !fields.isEmpty else { return .known([]) }
        var filter = LibraryFilter()
        filter.limit = limit
        // From the links to the records by key (SQLite keeps a CROSS JOIN's order): asked as
        // records in list order, each looked up among the links, SQLite walked every published
        // news item to find a practice's few (70 ms at 1,000,000 records). The filter's columns
        // are the records' alone, as `l` has only its key.
        return PendingRead("""
            SELECT r.* FROM (SELECT DISTINCT subject_id FROM library_links
            WHERE subject_kind = \(bind: kind.rawValue) AND field IN (\(binds: fields)) AND target_id IN (\(binds: targetIDs))) l
            CROSS JOIN \(unsafeRaw: kind.table) r WHERE r.id = l.subject_id AND \(Self.condition(kind, filter))
            ORDER BY \(Self.order(kind)) LIMIT \(bind: limit)
            """) { rows in try rows.map { try LibraryRecord.decode(kind, $0) } }
    }

    /// Fills every link field of a page of records with one query.
    func attachLinks(_ records: inout [LibraryRecord], kind: LibraryKind) async throws {
        Self.attach(try await sql.run(linksRead(of: records.map(\.id), kind: kind)), to: &records, kind: kind)
    }

    /// The links of these records, by record id and field, as a read not yet run (so a page can
    /// send the links of several lists together).
    func linksRead(of ids: [String], kind: LibraryKind) -> PendingRead<[String: [String: [String]]]> {
        guard !ids.isEmpty else { return .known([:]) }
        return linksRead(kind: kind, subjects: "\(binds: ids)")
    }

    /// The links of the records whose ids `subjects` lists or selects.
    private func linksRead(kind: LibraryKind, subjects: ReadSQL) -> PendingRead<[String: [String: [String]]]> {
        PendingRead("""
            SELECT subject_id, field, target_id FROM library_links WHERE subject_kind = \(bind: kind.rawValue) AND subject_id IN (
            """ + subjects + ") ORDER BY target_id") { rows in
            var links: [String: [String: [String]]] = [:]
            for row in rows {
                links[try row.decode(column: "subject_id", as: String.self), default: [:]][try row.decode(column: "field", as: String.self), default: []]
                    .append(try row.decode(column: "target_id", as: String.self))
            }
            return links
        }
    }

    /// Sets every link field of `records` from links read by `linksRead` (none read: empty).
    static func attach(_ links: [String: [String: [String]]], to records: inout [LibraryRecord], kind: LibraryKind) {
        for index in records.indices {
            let own = links[records[index].id]
            for field in kind.linkFields {
                records[index].values[field.name] = .ids(own?[field.name] ?? [])
            }
        }
    }

    /// Replaces a record's links in the caller's transaction.
    func writeLinks(_ record: LibraryRecord) async throws {
        try await sql.delete(from: "library_links").where("subject_kind", .equal, SQLBind(record.kind.rawValue))
            .where("subject_id", .equal, SQLBind(record.id)).run()
        var insert = sql.insert(into: "library_links").columns("subject_kind", "subject_id", "field", "target_id")
        var any = false
        for field in record.kind.linkFields {
            guard case .ids(let ids) = record[field.name] else { continue }
            for target in ids {
                insert = insert.values(SQLBind(record.kind.rawValue), SQLBind(record.id), SQLBind(field.name), SQLBind(target))
                any = true
            }
        }
        if any { try await insert.run() }
    }

    /// Which of these ids are records of a library kind, published or not.
    func existing(_ kind: LibraryKind, ids: [String]) async throws -> Set<String> {
        guard !ids.isEmpty else { return [] }
        return Set(try await sql.select().column("id").from(kind.table).where("id", .in, SQLBind.group(ids)).all()
            .map { try $0.decode(column: "id", as: String.self) })
    }

    /// Id and title of every record of a kind, for the choices of a form.
    func choices(_ kind: LibraryKind, publishedOnly: Bool = false) async throws -> [(id: String, title: String)] {
        var select = sql.select().columns("id", "title").from(kind.table)
        if publishedOnly { select = select.where("published", .equal, SQLBind(true)) }
        return try await select.orderBy("title").all().map {
            (try $0.decode(column: "id", as: String.self), try $0.decode(column: "title", as: String.self))
        }
    }

    /// The list order without its tie-break, which the kind's index gives without a sort (the
    /// tie-break made SQLite build a temporary tree for every profile page).
    static func indexedOrder(_ kind: LibraryKind) -> ReadSQL {
        kind.isDated ? "published_on DESC" : "title ASC"
    }

    static func order(_ kind: LibraryKind) -> ReadSQL {
        kind.isDated ? "published_on DESC, title ASC, id ASC" : "title ASC, id ASC"
    }

    /// The WHERE of a list: visibility, then each filter asked for. Text matches the title
    /// and summary (and a news item's subtitle); the public only finds published records.
    static func condition(_ kind: LibraryKind, _ filter: LibraryFilter) -> ReadSQL {
        var condition: ReadSQL = filter.publishedOnly ? "published = \(bind: true)" : "1 = 1"
        if let indexed = filter.textCondition, filter.publishedOnly {
            condition += " AND " + ReadSQL(indexed)
        } else if let text = filter.text, !text.isEmpty {
            let columns = kind == .news ? ["title", "subtitle", "body"] : ["title", "summary"]
            condition += " AND (" + ReadSQL.list(columns, separator: " OR ") { ReadSQL(SQLText.contains(column: $0, text: text)) } + ")"
        }
        if let topic = filter.topicID {
            condition += " AND id IN (SELECT subject_id FROM library_links WHERE subject_kind = \(bind: kind.rawValue) AND field = 'topic_ids' AND target_id = \(bind: topic))"
        }
        if let event = filter.eventID {
            condition += " AND id IN (SELECT subject_id FROM library_links WHERE subject_kind = \(bind: kind.rawValue) AND field = 'event_ids' AND target_id = \(bind: event))"
        }
        if let areas = filter.areaIDs {
            if areas.isEmpty || kind.placeFields.isEmpty {
                condition += " AND 1 = 0"
            } else {
                condition += " AND id IN (SELECT subject_id FROM library_links WHERE subject_kind = \(bind: kind.rawValue) AND field IN (\(binds: kind.placeFields)) AND target_id IN (\(binds: areas)))"
            }
        }
        if let type = filter.type { condition += " AND \(ident: kind.typeColumn) = \(bind: type)" }
        if let year = filter.year {
            condition += kind.isDated ? " AND published_on LIKE \(bind: "\(year)%")" : " AND start_year = \(bind: year)"
        }
        if filter.featuredOnly, kind == .news { condition += " AND featured = \(bind: true)" }
        return condition
    }
}
