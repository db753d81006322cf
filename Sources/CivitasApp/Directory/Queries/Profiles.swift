import FluentKit
import SQLKit

/// Everything a profile page shows, gathered with a handful of queries.
struct Profile: Sendable {
    let record: RecordValues
    var sources: [SourceLine]
    let topics: [TopicLine]
    /// Memberships seen from this record (whose meaning depends on the kind; see `load`).
    var memberships: [MembershipLine] = []
    /// For organizations and areas: the memberships of the record (or its city government) in other organizations.
    var belongsTo: [MembershipLine] = []
    /// Records related by a column: an area's parts and organizations, an organization's posts.
    var related: [RecordKind: [RecordValues]] = [:]
    /// Names of the records this record's reference fields point at, by field name.
    var references: [String: (slug: String, title: String, kind: RecordKind)] = [:]
    /// Sources of each membership shown, by membership id.
    var membershipSources: [String: [SourceLine]] = [:]
    /// For sources: the records citing them.
    var citedBy: [(kind: RecordKind, slug: String, title: String)] = []
}

extension RecordStore {
    /// A profile from few queries: the record (without its link ids, which the page does not
    /// show), then together (one statement on PostgreSQL) its topics, its memberships, the
    /// sources of the record and of its memberships, and whatever the caller reads alongside
    /// (other capabilities' sections), then what only some kinds show.
    func profile<Extra>(_ kind: RecordKind, key: String, alongside extra: (RecordValues) -> PendingRead<Extra>) async throws -> (Profile, Extra)? {
        guard let record = try await find(kind, key: key, publishedOnly: true, withLinks: false) else { return nil }
        let id = record.id
        // Which memberships the page lists, seen from this record (see `Profile.memberships`).
        let (listed, belonging): (ReadSQL?, ReadSQL?) = switch kind {
        case .person: ("m.person_id = \(bind: id)", nil)
        case .organization: ("m.organization_id = \(bind: id)", "m.member_organization_id = \(bind: id)")
        case .area: ("p.area_id = \(bind: id)", "mo.area_id = \(bind: id)")
        case .post: ("m.post_id = \(bind: id)", nil)
        case .topic, .source, .membership: (nil, nil)
        }
        let hasTopics = kind.linkFields.contains { $0.name == "topic_ids" }
        let (topics, memberships, belongsTo, cited, extraAnswer) = try await sql.together(
            hasTopics ? topicsRead(subjectKind: kind.rawValue, id: id) : .known([]),
            listed.map { membershipsRead(where: $0) } ?? .known([]),
            belonging.map { membershipsRead(where: $0) } ?? .known([]),
            sourcesRead(of: kind.rawValue, id: id, membershipsWhere: [listed, belonging].compactMap { $0 }),
            extra(record)
        )
        var profile = Profile(record: record, sources: cited[kind.rawValue]?[id] ?? [], topics: topics)
        profile.memberships = memberships
        profile.belongsTo = belongsTo
        profile.membershipSources = cited[RecordKind.membership.rawValue] ?? [:]
        profile.references = try await referenceTitles(record)
        switch kind {
        case .organization:
            profile.related[.post] = try await related(.post, column: "organization_id", id: id)
            profile.related[.organization] = try await related(.organization, column: "parent_id", id: id)
        case .area:
            profile.related[.area] = try await related(.area, column: "parent_id", id: id)
            profile.related[.organization] = try await related(.organization, column: "area_id", id: id)
        case .topic:
            profile.related[.organization] = try await tagged(.organization, topicID: id)
            profile.related[.person] = try await tagged(.person, topicID: id)
        case .source:
            profile.citedBy = try await citing(sourceID: id)
        case .person, .post, .membership:
            break
        }
        return (profile, extraAnswer)
    }

    private func related(_ kind: RecordKind, column: String, id: String) async throws -> [RecordValues] {
        try await sql.select().column("*").from(kind.table).where(SQLColumn(column), .equal, SQLBind(id))
            .where("published", .equal, SQLBind(true)).orderBy(kind.sortColumn).all().map { try decode(kind, $0) }
    }

    private func tagged(_ kind: RecordKind, topicID: String) async throws -> [RecordValues] {
        try await sql.raw("""
            SELECT r.* FROM \(unsafeRaw: kind.table) r JOIN topic_links l ON l.subject_id = r.id AND l.subject_kind = \(bind: kind.rawValue)
            WHERE l.topic_id = \(bind: topicID) AND r.published = \(bind: true) ORDER BY r.\(unsafeRaw: kind.sortColumn)
            """).all().map { try decode(kind, $0) }
    }

    private func citing(sourceID: String) async throws -> [(kind: RecordKind, slug: String, title: String)] {
        var result: [(RecordKind, String, String)] = []
        for kind in RecordKind.publicKinds where kind.linkFields.contains(where: { $0.name == "source_ids" }) {
            let rows = try await sql.raw("""
                SELECT r.slug, r.\(unsafeRaw: kind.titleColumn) AS title FROM \(unsafeRaw: kind.table) r
                JOIN citations c ON c.subject_id = r.id AND c.subject_kind = \(bind: kind.rawValue)
                WHERE c.source_id = \(bind: sourceID) AND r.published = \(bind: true) ORDER BY title
                """).all()
            for row in rows { result.append((kind, try row.decode(column: "slug", as: String.self), try row.decode(column: "title", as: String.self))) }
        }
        return result
    }

    /// Slug and title of each record a reference field points at.
    func referenceTitles(_ record: RecordValues) async throws -> [String: (slug: String, title: String, kind: RecordKind)] {
        var result: [String: (String, String, RecordKind)] = [:]
        for field in record.kind.fields {
            guard case .reference(let name) = field.kind, let target = RecordKind(name), let id = record.text(field.name), target.hasSlug,
                  let row = try await sql.select().columns("slug", target.titleColumn).from(target.table)
                    .where("id", .equal, SQLBind(id)).where("published", .equal, SQLBind(true)).first()
            else { continue }
            result[field.name] = (try row.decode(column: "slug", as: String.self), try row.decode(column: target.titleColumn, as: String.self), target)
        }
        return result
    }
}
