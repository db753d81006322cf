import SQLKit

/// What `civitas search check` found: records the public sees that the index lacks, and
/// entries of records the public no longer sees.
public struct SearchIndexReport: Sendable {
    public let expected: Int
    public let indexed: Int
    /// `kind:id` of each.
    public let missing: [String]
    public let extra: [String]

    public var isComplete: Bool { missing.isEmpty && extra.isEmpty }
}

/// The index's upkeep from the command line. Both are safe beside a running server: a rebuild
/// replaces the index in one transaction (searches keep reading the old one until it commits),
/// and a check only reads.
public enum SearchMaintenance {
    /// Rebuilds the whole index; `progress` is told how many documents of how many are done.
    @discardableResult
    public static func reindex(services: AppServices, progress: @escaping @Sendable (Int, Int) -> Void) async throws -> Int {
        let indexer = SearchIndexer(services: services)
        let indexed = try await services.database.transaction { db in
            let sql = db as! any SQLDatabase
            try await services.database.keepManyPages(on: sql)
            var total = 0
            for source in indexer.sources.map({ $0.reading(through: sql) }) {
                for (kind, _) in source.searchKinds { total += try await source.count(kind: kind) }
            }
            let expected = total
            progress(0, expected)
            try await indexer.rebuild(on: sql) { done in progress(done, expected) }
            return expected
        }
        // PostgreSQL plans searches from its statistics of the index; a rebuilt index needs new
        // ones at once (autovacuum would gather them later, planning badly until then). Its
        // rank index answers walks alone only on pages the visibility map marks all-visible,
        // which a vacuum does: at 1,000,000 records, searches right after a rebuild took p50
        // 23.9 ms and p99 114.3 at one connection, and 14.1 and 57.6 once vacuumed (9 s).
        if services.database.isPostgres { _ = try await services.database.sql.raw("VACUUM ANALYZE search_entries, search_facets").all() }
        return indexed
    }

    public static func check(services: AppServices) async throws -> SearchIndexReport {
        let sql = services.database.reads
        var expected: Set<String> = []
        for source in services.site.searchSources {
            for (kind, _) in source.searchKinds {
                var cursor: String? = nil
                while true {
                    let ids = try await source.ids(kind: kind, after: cursor, limit: 5_000)
                    expected.formUnion(ids.map { SearchIndex.key(kind: kind, id: $0) })
                    guard ids.count == 5_000, let last = ids.last else { break }
                    cursor = last
                }
            }
        }
        let indexed = Set(try await sql.raw("SELECT key FROM search_entries").all().map { try $0.decode(column: "key", as: String.self) })
        return SearchIndexReport(expected: expected.count, indexed: indexed.count,
                                 missing: expected.subtracting(indexed).sorted(), extra: indexed.subtracting(expected).sorted())
    }
}
