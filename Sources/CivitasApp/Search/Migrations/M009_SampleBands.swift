import FluentKit
import SQLKit

/// PostgreSQL: each entry's vector also holds the band of the sample order its place lies in
/// (`SearchIndex.rangesPerBand`), so that a bound is asked of the GIN index with few lexemes.
/// Entries written from now on hold it already. SQLite needs none.
///
/// Rewriting every vector leaves each entry's old version behind and its new one wherever the
/// table had room, and every index twice its size: at 1,000,000 entries the update took 3 min
/// on the 2-core machine, and afterwards the GIN index was 527 MB and the slowest searches
/// 30-100% slower than before it (`q=water malmo` 82 ms against 50), on either build. So the
/// entries are laid in the sample order again, as a rebuild lays them
/// (`SearchIndexer.layInSampleOrder`), every index built anew, and the table vacuumed and
/// analysed (1 min 44 s; the GIN index 169 MB).
struct M009_SampleBands: AsyncMigration {

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("UPDATE search_entries SET document = document || array_to_tsvector(ARRAY[" + SearchIndex.sampleBandLexemeSQL + "])").run()
        try await sql.raw("CLUSTER search_entries USING search_entries_sample").run()
        try await sql.raw("VACUUM ANALYZE search_entries").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("UPDATE search_entries SET document = ts_delete(document, ARRAY[" + SearchIndex.sampleBandLexemeSQL + "])").run()
    }
}
