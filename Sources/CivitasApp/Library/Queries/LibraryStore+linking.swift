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

/// Which side a read of the records that link to one target starts from. SQLite plans without
/// statistics, so it cannot tell a topic that thousands of records carry from a person named by
/// two; the caller can, and says which.
enum LinkedReadStart: Sendable {
    /// The target's links, then each linking record by its key: for targets few records link
    /// to (a person, an event, a place). Read the other way, SQLite walked the whole table to
    /// find none (2.1 s for a person's page at 1,000,000 records).
    case links
    /// The linking records in list order, each looked up among the links, stopping at the
    /// limit: for targets many records link to (a topic), whose links would all be read and
    /// sorted the other way (0.18 s for a topic's page at 1,000,000 records).
    case listOrder
}

extension LibraryStore {
    /// The published records of each kind that point at `targetID` through the given fields
    /// (at most `limit` of each kind, newest or alphabetical as lists are), in one query
    /// whatever the kinds and however many records match, so a profile page reads the same
    /// number of statements for every record.
    func lines(linkingTo targetID: String, through fields: [(LibraryKind, [String])], limit: Int = 20,
               startingFrom start: LinkedReadStart = .links) async throws -> [LibraryLine] {
        try await sql.run(linesRead(linkingTo: targetID, through: fields, limit: limit, startingFrom: start))
    }

    /// `lines(linkingTo:through:limit:)` as a read not yet run, for a page to send with its own.
    func linesRead(linkingTo targetID: String, through fields: [(LibraryKind, [String])], limit: Int = 20,
                   startingFrom start: LinkedReadStart = .links) -> PendingRead<[LibraryLine]> {
        guard !fields.isEmpty else { return .known([]) }
        var query: ReadSQL = ""
        for (index, (kind, names)) in fields.enumerated() {
            if index > 0 { query += " UNION ALL " }
            // The names written into the text are the code's own (`LibraryKind`), never a visitor's.
            let date: ReadSQL = kind == .practice ? "CAST(r.start_year AS TEXT)" : "r.published_on"
            // SQLite keeps the tables of a CROSS JOIN in the order written (`start`), whatever
            // else it could use; PostgreSQL reads it as the join it is and plans it as it would
            // any join. A record linked through two of the fields is one line.
            let distinct: ReadSQL = names.count > 1 ? "DISTINCT " : ""
            // By the answer's own columns, as PostgreSQL asks of a DISTINCT list.
            let order: ReadSQL = kind.isDated ? "date DESC" : "title ASC"
            let tables: ReadSQL = start == .links
                ? "library_links l CROSS JOIN \(ident: kind.table) r" : "\(ident: kind.table) r CROSS JOIN library_links l"
            query += """
                SELECT * FROM (SELECT \(distinct)\(bind: kind.rawValue) AS kind, r.id, r.slug, r.title, r.\(ident: kind.typeColumn) AS type, \
                \(date) AS date FROM \(tables) \
                WHERE r.id = l.subject_id AND l.target_id = \(bind: targetID) AND l.field IN (\(binds: names)) AND l.subject_kind = \(bind: kind.rawValue) \
                AND r.published = \(bind: true) ORDER BY \(order) LIMIT \(bind: limit)) AS part\(unsafeRaw: String(index))
                """
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
