import SQLKit

extension LibraryStore {
    /// Published practices adapted from this one: where the idea travelled.
    func adaptations(of practiceID: String) async throws -> [LibraryRecord] {
        var records = try await sql.run(adaptationsRead(of: practiceID))
        try await attachLinks(&records, kind: .practice)
        return records
    }

    /// `adaptations` as a read not yet run, without the records' links (see `linksRead`).
    func adaptationsRead(of practiceID: String) -> PendingRead<[LibraryRecord]> {
        PendingRead("""
            SELECT * FROM practices WHERE adapted_from_id = \(bind: practiceID) AND published = \(bind: true) ORDER BY title ASC, id ASC LIMIT 50
            """) { rows in try rows.map { try LibraryRecord.decode(.practice, $0) } }
    }

    /// Published practices sharing the most topics with this one (then by id, which the demo's
    /// ids give in the order of their titles), leaving out the practice itself.
    func similarPractices(to practice: LibraryRecord, limit: Int = 5) async throws -> [LibraryRecord] {
        var records = try await sql.run(similarPracticesRead(to: practice, limit: limit))
        try await attachLinks(&records, kind: .practice)
        return records
    }

    /// Of the practices sharing topics, the ranked ones looked at for the published few shown.
    static let similarCandidates = 50

    /// `similarPractices` as a read not yet run, without the records' links (see `linksRead`):
    /// the practices themselves, ranked by the topics they share, in one query.
    ///
    /// Ranked from the topic links alone, then the first `similarCandidates` read by key: at
    /// 1,000,000 records a topic has about 14,000 practices, and ranking them by their titles
    /// read each one (0.26 s a practice page, 17 ms now). Should nearly all the best-ranked be
    /// unpublished, fewer are shown.
    func similarPracticesRead(to practice: LibraryRecord, limit: Int = 5) -> PendingRead<[LibraryRecord]> {
        guard case .ids(let topics) = practice["topic_ids"], !topics.isEmpty else { return .known([]) }
        // The ranked links come first (SQLite keeps a CROSS JOIN's order; PostgreSQL plans it as a join).
        return PendingRead("""
            SELECT p.* FROM (SELECT subject_id, COUNT(*) AS shared FROM library_links
              WHERE subject_kind = 'practice' AND field = 'topic_ids' AND target_id IN (\(binds: topics)) AND subject_id <> \(bind: practice.id)
              GROUP BY subject_id ORDER BY shared DESC, subject_id ASC LIMIT \(bind: Self.similarCandidates)) s
            CROSS JOIN practices p
            WHERE p.id = s.subject_id AND p.published = \(bind: true) ORDER BY s.shared DESC, p.id ASC LIMIT \(bind: limit)
            """) { rows in try rows.map { try LibraryRecord.decode(.practice, $0) } }
    }
}

extension LibraryStore {
    /// The published records of a kind made most recently.
    func recentlyPublished(_ kind: LibraryKind, limit: Int) async throws -> [LibraryRecord] {
        let rows = try await sql.select().column("*").from(kind.table).where("published", .equal, SQLBind(true))
            .orderBy("created_at", .descending).orderBy("title").limit(limit).all()
        var records = try rows.map { try LibraryRecord.decode(kind, $0) }
        try await attachLinks(&records, kind: kind)
        return records
    }

    /// The featured news items (up to `featured`) and the latest others (up to `latest`),
    /// newest first, in one query; news cards show no links, so none are read.
    func latestNews(featured: Int, latest: Int) async throws -> [LibraryRecord] {
        let rows = try await sql.raw("""
            SELECT * FROM (SELECT * FROM news_items WHERE published = \(bind: true) AND featured = \(bind: true) ORDER BY published_on DESC LIMIT \(bind: featured)) AS f
            UNION ALL SELECT * FROM (SELECT * FROM news_items WHERE published = \(bind: true) AND featured = \(bind: false) ORDER BY published_on DESC LIMIT \(bind: latest)) AS l
            """).all()
        return try rows.map { try LibraryRecord.decode(.news, $0) }
    }
}
