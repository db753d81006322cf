import SQLKit

/// A library record as a line on another capability's page: enough to name and link it.
struct LibraryLine: Sendable {
    let kind: LibraryKind
    let id: String
    let slug: String
    let title: String
    /// A practice's status, a resource's or news item's kind.
    let type: String
    /// A practice's start year, a resource's or news item's date.
    let date: String?
}

extension LibraryStore {
    /// The published records of each kind that point at `targetID` through the given fields
    /// (at most `limit` of each kind, newest or alphabetical as lists are), in one query
    /// whatever the kinds and however many records match, so a profile page reads the same
    /// number of statements for every record.
    func lines(linkingTo targetID: String, through fields: [(LibraryKind, [String])], limit: Int = 20) async throws -> [LibraryLine] {
        try await sql.run(linesRead(linkingTo: targetID, through: fields, limit: limit))
    }

    /// `lines(linkingTo:through:limit:)` as a read not yet run, for a page to send with its own.
    func linesRead(linkingTo targetID: String, through fields: [(LibraryKind, [String])], limit: Int = 20) -> PendingRead<[LibraryLine]> {
        guard !fields.isEmpty else { return .known([]) }
        var query: SQLQueryString = ""
        for (index, (kind, names)) in fields.enumerated() {
            if index > 0 { query += " UNION ALL " }
            let date: SQLQueryString = kind == .practice ? "CAST(r.start_year AS TEXT)" : "r.published_on"
            // Read from the links that point at the target, then each linking record by its key:
            // asked the other way (published records in list order, each looked up among the
            // links), SQLite walked the whole table to find none (2.1 s for a person's page at
            // 1,000,000 records). SQLite keeps the tables of a CROSS JOIN in the order written,
            // whatever else it could use; PostgreSQL reads it as the join it is and plans it as
            // it would the join. A record linked through two of the fields is one line.
            let distinct: SQLQueryString = names.count > 1 ? "DISTINCT " : ""
            // By the answer's own columns, as PostgreSQL asks of a DISTINCT list.
            let order: SQLQueryString = kind.isDated ? "date DESC" : "title ASC"
            query += "SELECT * FROM (SELECT " + distinct + "\(bind: kind.rawValue) AS kind, r.id, r.slug, r.title, r.\(ident: kind.typeColumn) AS type, "
                + date + " AS date FROM library_links l CROSS JOIN \(ident: kind.table) r"
                + " WHERE r.id = l.subject_id AND l.target_id = \(bind: targetID) AND l.field IN (\(binds: names)) AND l.subject_kind = \(bind: kind.rawValue)"
                + " AND r.published = \(bind: true) ORDER BY " + order + " LIMIT \(bind: limit)) AS part\(unsafeRaw: String(index))"
        }
        return PendingRead(query) { rows in
            try rows.compactMap { row in
                guard let kind = LibraryKind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
                return LibraryLine(kind: kind, id: try row.decode(column: "id", as: String.self), slug: try row.decode(column: "slug", as: String.self),
                                   title: try row.decode(column: "title", as: String.self), type: try row.decode(column: "type", as: String.self),
                                   date: try row.decode(column: "date", as: String?.self))
            }
        }
    }
}
