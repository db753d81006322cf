import CivitasCore
import Foundation
import OpenAPIKit

/// A directory record on the wire: Popolo field names in snake_case. The public fields
/// come from the kind's field specs (`RecordKind.fields`), which also give `schema(_:)`, so
/// the answer and its documentation cannot list different fields. Private fields never
/// appear; link fields become `sources` (Popolo's links, every one with a URL) and
/// `topic_ids`; a short name becomes Popolo's `other_names`.
struct RecordBody: Encodable, Sendable {
    let id: String
    let slug: String?
    let fields: [(name: String, value: FieldValue)]
    let otherNames: [OtherName]?
    let sources: [SourceLink]
    /// A membership held by an organization (a city in a network) names it, as Popolo does.
    let member: MemberReference?
    /// A person's memberships, embedded.
    let memberships: [MembershipBody]?
    let updatedAt: Date?

    init(_ record: RecordValues, sources: [SourceLine], publicURL: String, memberships: [MembershipLine]? = nil) {
        id = record.id
        slug = record.slug
        // A list of links with none is an empty list, never null.
        fields = Self.valueFields(record.kind).map { field in
            (field.name, field.isLink && record[field.name] == .null ? .ids([]) : record[field.name])
        }
        otherNames = Self.hasOtherNames(record.kind)
            ? record.text("other_name").map { [OtherName(name: $0, note: "Short name")] } ?? [] : nil
        self.sources = sources.map { SourceLink(id: $0.id, url: Self.sourceURL($0, publicURL: publicURL), note: $0.title) }
        member = record.kind == .membership ? record.text("member_organization_id").map { MemberReference(id: $0) } : nil
        self.memberships = memberships?.map(MembershipBody.init)
        updatedAt = record.updatedAt
    }

    /// Where a source can be read: its own address, or its page on this site.
    static func sourceURL(_ source: SourceLine, publicURL: String) -> String {
        source.url ?? publicURL + DirectoryURL.record(.source, source.slug).path
    }

    /// The public fields sent as they are stored (the others are reshaped above).
    static func valueFields(_ kind: RecordKind) -> [FieldSpec] {
        kind.publicFields.filter { $0.name != "source_ids" && $0.name != "other_name" }
    }

    static func hasOtherNames(_ kind: RecordKind) -> Bool { kind.fields.contains { $0.name == "other_name" } }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: NamedCodingKey.self)
        try container.encode(id, forKey: NamedCodingKey("id"))
        try container.encodeIfPresent(slug, forKey: NamedCodingKey("slug"))
        for (name, value) in fields { try container.encode(value, forKey: NamedCodingKey(name)) }
        try container.encodeIfPresent(otherNames, forKey: NamedCodingKey("other_names"))
        try container.encode(sources, forKey: NamedCodingKey("sources"))
        try container.encodeIfPresent(member, forKey: NamedCodingKey("member"))
        try container.encodeIfPresent(memberships, forKey: NamedCodingKey("memberships"))
        // Written by hand: `formatted(.iso8601)` was a twentieth of an API list's time.
        try container.encode(updatedAt.map { ZonedTime.iso8601($0, in: .gmt) }, forKey: NamedCodingKey("updated_at"))
    }

    /// The schema of one kind's records.
    static func schema(_ kind: RecordKind) -> JSONSchema {
        var properties: OrderedDictionary<String, JSONSchema> = ["id": .string]
        if kind.hasSlug { properties["slug"] = .string }
        for field in valueFields(kind) { properties[field.name] = field.schema }
        if hasOtherNames(kind) { properties["other_names"] = .array(items: OtherName.schema) }
        properties["sources"] = .array(items: SourceLink.schema)
        var optional: Set<String> = ["memberships"]
        if kind == .membership {
            properties["member"] = MemberReference.schema
            optional.insert("member")
        }
        if kind == .person {
            properties["memberships"] = .array(description: "On single people and lists of people; the Popolo export lists memberships apart", items: MembershipBody.schema)
        }
        properties["updated_at"] = .string(format: .dateTime, nullable: true)
        return .record(properties, optional: optional, description: "A \(kind.label.lowercased()) of the directory")
    }
}

extension FieldValue: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .text(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .decimal(let value): try container.encode(value)
        case .ids(let ids): try container.encode(ids)
        case .flag(let flag): try container.encode(flag)
        }
    }
}

/// Popolo's other name: a short name and why it is one.
struct OtherName: APIBody {
    let name: String
    let note: String

    static var schema: JSONSchema { .record(["name": .string, "note": .string]) }
}

/// Popolo's link: where a fact can be read.
struct SourceLink: APIBody {
    let id: String
    let url: String
    let note: String

    static var schema: JSONSchema { .record(["id": .string, "url": .url, "note": .string]) }
}

/// The organization that holds a membership, as Popolo's `member`.
struct MemberReference: APIBody {
    var type = "Organization"
    let id: String

    enum CodingKeys: String, CodingKey {
        case type = "@type"
        case id
    }

    static var schema: JSONSchema { .record(["@type": .choice(["Organization"]), "id": .string]) }
}

/// A person's membership as embedded in the person: with the office's label and dates.
struct MembershipBody: APIBody {
    let id: String
    let organizationId: String
    let organizationName: String
    @Nullable var postId: String?
    @Nullable var postLabel: String?
    @Nullable var role: String?
    @Nullable var label: String?
    @Nullable var startDate: String?
    @Nullable var endDate: String?

    init(_ line: MembershipLine) {
        id = line.membershipId
        organizationId = line.organizationId
        organizationName = line.organizationName
        postId = line.postId
        postLabel = line.postLabel
        role = line.role
        label = line.label
        startDate = line.startDate
        endDate = line.endDate
    }

    enum CodingKeys: String, CodingKey {
        case id, role, label
        case organizationId = "organization_id", organizationName = "organization_name", postId = "post_id"
        case postLabel = "post_label", startDate = "start_date", endDate = "end_date"
    }

    static var schema: JSONSchema {
        .record([
            "id": .string, "organization_id": .string, "organization_name": .string,
            "post_id": .text(), "post_label": .text(), "role": .text(), "label": .text(),
            "start_date": .text("YYYY, YYYY-MM or YYYY-MM-DD"), "end_date": .text("YYYY, YYYY-MM or YYYY-MM-DD"),
        ])
    }
}
