import Logging
import SQLKit

/// Keeps the index equal to what the public may see: builds it from every capability's
/// documents, and after each published change re-reads the records the change named.
struct SearchIndexer: Sendable {
    let services: AppServices

    /// Documents read and written per batch while building.
    static let batchSize = 500

    var sources: [any SearchDocumentSource] { services.site.searchSources }

    var kindLabels: [String: String] {
        Dictionary(sources.flatMap(\.searchKinds).map { ($0.kind, $0.label) }, uniquingKeysWith: { first, _ in first })
    }

    /// Empties the index and indexes every public record, through `sql` (a migration's or a
    /// transaction's connection, so the records read are those the transaction sees).
    func rebuild(on sql: any SQLDatabase, progress: (@Sendable (Int) -> Void)? = nil) async throws {
        let index = SearchIndex(sql: sql)
        if !index.isPostgres {
            try await sql.raw("DELETE FROM search_text").run()
            try await sql.raw("DELETE FROM search_titles").run()
        }
        try await sql.raw("DELETE FROM search_facets").run()
        try await sql.raw("DELETE FROM search_entries").run()
        try await sql.raw("DELETE FROM search_words").run()
        try await sql.raw("DELETE FROM search_names").run()
        let labels = kindLabels
        var indexed = 0
        let entriesTable = index.isPostgres ? Self.stagedEntries : "search_entries"
        if index.isPostgres {
            // A table of its own rather than a temporary one: a migration's statements may each
            // go through another connection. Inside a rebuild's transaction no one else sees it.
            try await sql.raw("DROP TABLE IF EXISTS \(unsafeRaw: entriesTable)").run()
            try await sql.raw("CREATE UNLOGGED TABLE \(unsafeRaw: entriesTable) (LIKE search_entries INCLUDING DEFAULTS)").run()
        }
        for source in sources.map({ $0.reading(through: sql) }) {
            for (kind, _) in source.searchKinds {
                var cursor: String? = nil
                while true {
                    let batch = try await source.documents(kind: kind, after: cursor, limit: Self.batchSize)
                    try await index.replace(batch, kindLabels: labels, entriesTable: entriesTable)
                    indexed += batch.count
                    progress?(indexed)
                    guard batch.count == Self.batchSize, let last = batch.last else { break }
                    cursor = last.id
                }
            }
        }
        if index.isPostgres { try await layInSampleOrder(staged: entriesTable, on: sql) }
        if !index.isPostgres {
            // Written in batches, each full-text index is many segments, which every search reads
            // one by one and merges: merged into one, a list is read in one piece. At 1,000,000
            // records this took 57 s and, with the read connections' larger page cache, brought
            // the 56 benchmark searches from 823 ms to 627 ms one after another.
            try await sql.raw("INSERT INTO search_text (search_text) VALUES ('optimize')").run()
            try await sql.raw("INSERT INTO search_titles (search_titles) VALUES ('optimize')").run()
        }
    }

    /// Where a rebuild on PostgreSQL writes the entries before they are laid in the sample order.
    static let stagedEntries = "search_entries_staged"

    /// PostgreSQL: the rebuilt entries written into the index in the sample order, so that the
    /// entries next in that order lie on the same pages. A search reads its sample, the first
    /// matches in that order, from a few pages instead of one page each (SQLite gets the same
    /// from its rowids, which are the sample order). At 1,000,000 records a common word's
    /// search went from 14 to 7 ms. Entries written later go where there is room; a rebuild
    /// lays them out again.
    private func layInSampleOrder(staged: String, on sql: any SQLDatabase) async throws {
        try await sql.raw("INSERT INTO search_entries SELECT * FROM \(unsafeRaw: staged) ORDER BY sample_order").run()
        try await sql.raw("DROP TABLE \(unsafeRaw: staged)").run()
    }

    /// Re-reads the records a committed change named and replaces their entries (or removes
    /// them, when the public may no longer see them), in one transaction.
    func refresh(after change: PublishedChange) async {
        let handled = Set(sources.flatMap { $0.searchKinds.map(\.kind) })
        let searched = change.topics.filter { handled.contains($0.kind) }
        // A record whose name documents carry (a topic, a city renamed): the entries counted
        // under it are read again, by the slug or id the change names. Other changes (a
        // registration, a mail sent) leave the index alone without opening a transaction.
        let namedKinds = Set(sources.flatMap(\.namedKinds)).subtracting(handled)
        let named = change.topics.filter { namedKinds.contains($0.kind) }.compactMap(\.key)
        guard !searched.isEmpty || !named.isEmpty else { return }
        do {
            _ = try await services.database.transaction { db in
                let sql = db as! any SQLDatabase
                let index = SearchIndex(sql: sql)
                let labels = kindLabels
                var topics = searched
                if !named.isEmpty {
                    for row in try await sql.raw("""
                        SELECT DISTINCT e.kind, e.record_id FROM search_facets f JOIN search_entries e ON e.key = f.key WHERE f.value IN (\(binds: named))
                        """).all() {
                        topics.append(.record(try row.decode(column: "kind", as: String.self), try row.decode(column: "record_id", as: String.self)))
                    }
                }
                for source in sources.map({ $0.reading(through: sql) }) {
                    for (kind, _) in source.searchKinds {
                        let mine = topics.filter { $0.kind == kind }
                        guard !mine.isEmpty else { continue }
                        if mine.contains(where: { $0.key == nil }) {
                            // A change of every record of the kind: index the kind anew.
                            try await index.remove(keys: try await index.keys(kind: kind))
                            var cursor: String? = nil
                            while true {
                                let batch = try await source.documents(kind: kind, after: cursor, limit: Self.batchSize)
                                try await index.replace(batch, kindLabels: labels)
                                guard batch.count == Self.batchSize, let last = batch.last else { break }
                                cursor = last.id
                            }
                            continue
                        }
                        let keys = mine.compactMap(\.key)
                        try await index.remove(keys: try await index.keys(kind: kind, recordKeys: keys))
                        try await index.replace(try await source.documents(kind: kind, keys: keys), kindLabels: labels)
                    }
                }
            }
        } catch {
            // The record is saved; the index catches up at the next change of it or a rebuild.
            services.logger.error("Search index not updated after a change: \(String(describing: error))")
        }
    }
}
