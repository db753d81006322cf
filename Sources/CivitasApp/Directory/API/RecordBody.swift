import CivitasCore
import Foundation
import OpenAPIKit

/// A directory record on the wire: Popolo field names in snake_case. The public fields
/// come from the kind's field specs (`RecordKind.fields`), which also give `schema(_:)`, so
/// the answer and its documentation cannot list different fields. Private fields never
/// appear; link fields become `sources` (Popolo's links, every one with a URL) and
/// `topic_ids`; a short name becomes Popolo's `other_names`.
struct RecordBody: Encodable, Sendable, SelfWritingJSON {
    let kind: RecordKind
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
        kind = record.kind
        id = record.id
        slug = record.slug
        // A list of links with none is an empty list, never null.
        fields = Self.layouts[record.kind]!.valueFields.map { field in
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

    /// What a kind's records carry, worked out once per kind rather than once per record.
    private struct Layout {
        let valueFields: [FieldSpec]
        /// Every member a record of the kind may write, in sorted key order.
        let members: [Slot]
    }

    private enum Slot {
        case id, slug, field(Int), otherNames, sources, member, memberships, updatedAt
    }

    private static let layouts: [RecordKind: Layout] = Dictionary(uniqueKeysWithValues: RecordKind.allCases.map { kind in
        let valueFields = valueFields(kind)
        var members: [(key: String, slot: Slot)] = [
            ("id", .id), ("slug", .slug), ("other_names", .otherNames), ("sources", .sources),
            ("member", .member), ("memberships", .memberships), ("updated_at", .updatedAt),
        ]
        for (index, field) in valueFields.enumerated() { members.append((field.name, .field(index))) }
        members.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        return (kind, Layout(valueFields: valueFields, members: members.map(\.slot)))
    })

    /// The same members as `encode(to:)`, written in key order without an encoder.
    func writeJSON(to json: JSONOutput) throws {
        try json.object { object in
            for slot in Self.layouts[kind]!.members {
                switch slot {
                case .id: object.member("id", id)
                case .slug: if let slug { object.member("slug", slug) }
                case .field(let index): try object.member(fields[index].name, fields[index].value)
                case .otherNames: if let otherNames { try object.member("other_names", otherNames) }
                case .sources: try object.member("sources", sources)
                case .member: if let member { try object.member("member", member) }
                case .memberships: if let memberships { try object.member("memberships", memberships) }
                case .updatedAt: object.member("updated_at", updatedAt.map { ZonedTime.iso8601($0, in: .gmt) })
                }
            }
        }
    }

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
struct OtherName: APIBody, SelfWritingJSON {
    let name: String
    let note: String

    func writeJSON(to json: JSONOutput) throws {
        try json.object { object in
            object.member("name", name)
            object.member("note", note)
        }
    }

    static var schema: JSONSchema { .record(["name": .string, "note": .string]) }
}

/// Popolo's link: where a fact can be read.
struct SourceLink: APIBody, SelfWritingJSON {
    let id: String
    let url: String
    let note: String

    func writeJSON(to json: JSONOutput) throws {
        try json.object { object in
            object.member("id", id)
            object.member("note", note)
            object.member("url", url)
        }
    }

    static var schema: JSONSchema { .record(["id": .string, "url": .url, "note": .string]) }
}

/// The organization that holds a membership, as Popolo's `member`.
struct MemberReference: APIBody, SelfWritingJSON {
    var type = "Organization"
    let id: String

    func writeJSON(to json: JSONOutput) throws {
        try json.object { object in
            object.member("@type", type)
            object.member("id", id)
        }
    }

    enum CodingKeys: String, CodingKey {
        case type = "@type"
        case id
    }

    static var schema: JSONSchema { .record(["@type": .choice(["Organization"]), "id": .string]) }
}

/// A person's membership as embedded in the person: with the office's label and dates.
struct MembershipBody: APIBody, SelfWritingJSON {
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

    func writeJSON(to json: JSONOutput) throws {
        try json.object { object in
            object.member("end_date", endDate)
            object.member("id", id)
            object.member("label", label)
            object.member("organization_id", organizationId)
            object.member("organization_name", organizationName)
            object.member("post_id", postId)
            object.member("post_label", postLabel)
            object.member("role", role)
            object.member("start_date", startDate)
        }
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
