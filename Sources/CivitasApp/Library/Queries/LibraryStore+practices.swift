import SQLKit

extension LibraryStore {
    /// Published practices adapted from this one: where the idea travelled.
    func adaptations(of practiceID: String) async throws -> [LibraryRecord] {
        let rows = try await sql.select().column("*").from("practices")
            .where("adapted_from_id", .equal, SQLBind(practiceID)).where("published", .equal, SQLBind(true))
            .orderBy("title").limit(50).all()
        var records = try rows.map { try LibraryRecord.decode(.practice, $0) }
        try await attachLinks(&records, kind: .practice)
        return records
    }

    /// Published practices sharing the most topics with this one (then alphabetical),
    /// leaving out the practice itself.
    func similarPractices(to practice: LibraryRecord, limit: Int = 5) async throws -> [LibraryRecord] {
        guard case .ids(let topics) = practice["topic_ids"], !topics.isEmpty else { return [] }
        let rows = try await sql.raw("""
            SELECT l.subject_id, COUNT(*) AS shared, p.title FROM library_links l JOIN practices p ON p.id = l.subject_id
            WHERE l.subject_kind = 'practice' AND l.field = 'topic_ids' AND l.target_id IN (\(binds: topics))
              AND l.subject_id <> \(bind: practice.id) AND p.published = \(bind: true)
            GROUP BY l.subject_id, p.title ORDER BY shared DESC, p.title ASC LIMIT \(bind: limit)
            """).all()
        return try await records(.practice, ids: rows.map { try $0.decode(column: "subject_id", as: String.self) })
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
