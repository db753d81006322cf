import FluentKit
import SQLKit

/// One membership as profile pages show it, with the names and slugs of everything it
/// links: the person or member organization, the organization, the post and its area.
struct MembershipLine: Sendable {
    let membershipId: String
    let personId: String?
    let memberOrganizationId: String?
    let organizationId: String
    let postId: String?
    let role: String?
    let label: String?
    let startDate: String?
    let endDate: String?
    let postLabel: String?
    let postSlug: String?
    let personName: String?
    let personSlug: String?
    let organizationName: String
    let organizationSlug: String
    let organizationClassification: String
    let memberName: String?
    let memberSlug: String?
    let areaName: String?
    let areaSlug: String?

    /// Reads the columns by name; Codable's snake-case key conversion cost more than the query itself.
    init(row: any SQLRow) throws {
        func text(_ column: String) throws -> String? { try row.decode(column: column, as: String?.self) }
        membershipId = try row.decode(column: "membership_id", as: String.self)
        personId = try text("person_id")
        memberOrganizationId = try text("member_organization_id")
        organizationId = try row.decode(column: "organization_id", as: String.self)
        postId = try text("post_id")
        role = try text("role")
        label = try text("label")
        startDate = try text("start_date")
        endDate = try text("end_date")
        postLabel = try text("post_label")
        postSlug = try text("post_slug")
        personName = try text("person_name")
        personSlug = try text("person_slug")
        organizationName = try row.decode(column: "organization_name", as: String.self)
        organizationSlug = try row.decode(column: "organization_slug", as: String.self)
        organizationClassification = try row.decode(column: "organization_classification", as: String.self)
        memberName = try text("member_name")
        memberSlug = try text("member_slug")
        areaName = try text("area_name")
        areaSlug = try text("area_slug")
    }

    /// "Mayor of Los Angeles", else the role, else "member".
    var title: String { postLabel ?? label ?? role ?? "member" }
    var isCurrent: Bool { endDate == nil }
}

extension RecordStore {
    /// Published memberships matching `condition`, newest first. Hidden people and
    /// organizations hide their memberships too; a hidden post or area is left out of the
    /// line (its label and link), never shown.
    ///
    /// `withPlaces: false` leaves out the post's or member's area (`areaName`, `areaSlug` are
    /// nil), two lookups a row that the API's memberships do not show.
    func memberships(where condition: ReadSQL, withPlaces: Bool = true) async throws -> [MembershipLine] {
        try await sql.run(membershipsRead(where: condition, withPlaces: withPlaces))
    }

    func membershipsRead(where condition: ReadSQL, withPlaces: Bool = true) -> PendingRead<[MembershipLine]> {
        let places: ReadSQL = withPlaces ? "COALESCE(pa.name, ma.name) AS area_name, COALESCE(pa.slug, ma.slug) AS area_slug" : "NULL AS area_name, NULL AS area_slug"
        let placeJoins: ReadSQL = withPlaces ? """

            LEFT JOIN areas pa ON pa.id = p.area_id AND pa.published = \(bind: true)
            LEFT JOIN areas ma ON ma.id = mo.area_id AND ma.published = \(bind: true)
            """ : ""
        let query: ReadSQL = """
            SELECT m.id AS membership_id, m.person_id, m.member_organization_id, m.organization_id, p.id AS post_id, m.role, m.label, m.start_date, m.end_date,
                   p.label AS post_label, p.slug AS post_slug,
                   pe.name AS person_name, pe.slug AS person_slug,
                   o.name AS organization_name, o.slug AS organization_slug, o.classification AS organization_classification,
                   mo.name AS member_name, mo.slug AS member_slug,
                   \(places)
            FROM memberships m
            JOIN organizations o ON o.id = m.organization_id AND o.published = \(bind: true)
            LEFT JOIN posts p ON p.id = m.post_id AND p.published = \(bind: true)
            LEFT JOIN people pe ON pe.id = m.person_id
            LEFT JOIN organizations mo ON mo.id = m.member_organization_id\(placeJoins)
            WHERE m.published = \(bind: true)
              AND (pe.id IS NULL OR pe.published = \(bind: true))
              AND (mo.id IS NULL OR mo.published = \(bind: true))
              AND \(condition)
            ORDER BY COALESCE(m.start_date, '') DESC, pe.sort_name, mo.name, m.id
            """
        return PendingRead(query) { rows in try rows.map(MembershipLine.init(row:)) }
    }

    /// Each citation's subject with its source (written as SQL text: pages read it on every
    /// uncached answer, and a builder's tree cost more to turn into text than the query to run).
    private static let citedSources: ReadSQL = """
        SELECT c.subject_kind, c.subject_id, s.id, s.slug, s.title, s.url, s.publisher, s.published_on
        FROM citations c JOIN sources s ON c.source_id = s.id
        """

    /// The sources cited by the given records, keyed by record id.
    func sources(kind: RecordKind, ids: [String]) async throws -> [String: [SourceLine]] {
        try await sources(subjectKind: kind.rawValue, ids: ids)
    }

    /// Sources cited by records of any capability (`event`, later `practice`), keyed by record id.
    func sources(subjectKind: String, ids: [String]) async throws -> [String: [SourceLine]] {
        try await sql.run(sourcesRead(subjectKind: subjectKind, ids: ids))
    }

    func sourcesRead(subjectKind: String, ids: [String]) -> PendingRead<[String: [SourceLine]]> {
        guard !ids.isEmpty else { return .known([:]) }
        return PendingRead(Self.citedSources + """
             WHERE c.subject_kind = \(bind: subjectKind) AND c.subject_id IN (\(binds: ids)) AND s.published = \(bind: true)
             ORDER BY s.title
            """) { rows in
            var result: [String: [SourceLine]] = [:]
            for row in rows {
                result[try row.decode(column: "subject_id", as: String.self), default: []]
                    .append(try SourceLine(row: row))
            }
            return result
        }
    }

    /// Topics of the given records.
    func topics(kind: RecordKind, id: String) async throws -> [TopicLine] {
        try await topics(subjectKind: kind.rawValue, id: id)
    }

    func topics(subjectKind: String, id: String) async throws -> [TopicLine] {
        try await sql.run(topicsRead(subjectKind: subjectKind, id: id))
    }

    func topicsRead(subjectKind: String, id: String) -> PendingRead<[TopicLine]> {
        PendingRead("""
            SELECT t.id, t.slug, t.name FROM topic_links l JOIN topics t ON t.id = l.topic_id
            WHERE l.subject_kind = \(bind: subjectKind) AND l.subject_id = \(bind: id) AND t.published = \(bind: true)
            ORDER BY t.name
            """) { rows in
            try rows.map { TopicLine(id: try $0.decode(column: "id", as: String.self), slug: try $0.decode(column: "slug", as: String.self),
                                     name: try $0.decode(column: "name", as: String.self)) }
        }
    }

    /// The sources of a record and of every membership matching the conditions (written as for
    /// `membershipsRead`; the memberships a page lists are among them), by subject kind and id:
    /// one read that needs no list of membership ids, so it goes with the memberships' own.
    func sourcesRead(of subjectKind: String, id: String, membershipsWhere conditions: [ReadSQL]) -> PendingRead<[String: [String: [SourceLine]]]> {
        var cited: ReadSQL = "(c.subject_kind = \(bind: subjectKind) AND c.subject_id = \(bind: id))"
        if !conditions.isEmpty {
            cited += """
                 OR (c.subject_kind = \(bind: RecordKind.membership.rawValue) AND c.subject_id IN (SELECT m.id FROM memberships m
                LEFT JOIN posts p ON p.id = m.post_id LEFT JOIN organizations mo ON mo.id = m.member_organization_id WHERE
                """ + .list(conditions, separator: " OR ") { "(" + $0 + ")" } + "))"
        }
        return PendingRead(Self.citedSources + " WHERE (" + cited + ") AND s.published = \(bind: true) ORDER BY s.title") { rows in
            var result: [String: [String: [SourceLine]]] = [:]
            for row in rows {
                result[try row.decode(column: "subject_kind", as: String.self), default: [:]][try row.decode(column: "subject_id", as: String.self), default: []]
                    .append(try SourceLine(row: row))
            }
            return result
        }
    }
}

struct SourceLine: Sendable {
    let id: String
    let slug: String
    let title: String
    let url: String?
    let publisher: String?
    let publishedOn: String?

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: String.self)
        slug = try row.decode(column: "slug", as: String.self)
        title = try row.decode(column: "title", as: String.self)
        url = try row.decode(column: "url", as: String?.self)
        publisher = try row.decode(column: "publisher", as: String?.self)
        publishedOn = try row.decode(column: "published_on", as: String?.self)
    }
}

struct TopicLine: Sendable {
    let id: String
    let slug: String
    let name: String
}
