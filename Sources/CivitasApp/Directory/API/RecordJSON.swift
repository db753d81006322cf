/// The wire format of directory records: Popolo field names in snake_case. Private
/// fields never appear; link fields become `sources` (Popolo's `{url, note}`) and `topic_ids`.
enum RecordJSON {
    static func encode(_ record: RecordValues, sources: [SourceLine], memberships: [MembershipLine]? = nil) -> JSONValue {
        var object: [String: JSONValue] = ["id": .string(record.id)]
        if let slug = record.slug { object["slug"] = .string(slug) }
        for field in record.kind.publicFields where field.name != "source_ids" {
            object[field.name] = record[field.name].json
        }
        object["sources"] = .array(sources.map { source in
            ["id": .string(source.id), "url": .optional(source.url), "note": .string(source.title)]
        })
        if record.kind == .membership, let member = record.text("member_organization_id") {
            object["member"] = ["@type": "Organization", "id": .string(member)]
        }
        if let memberships {
            object["memberships"] = .array(memberships.map(membership))
        }
        object["updated_at"] = record.updatedAt.map { .string($0.formatted(.iso8601)) } ?? .null
        return .object(object)
    }

    /// A person's membership as embedded in the person: with the post label and dates.
    static func membership(_ line: MembershipLine) -> JSONValue {
        [
            "id": .string(line.membershipId),
            "organization_id": .string(line.organizationId),
            "organization_name": .string(line.organizationName),
            "post_id": .optional(line.postId),
            "post_label": .optional(line.postLabel),
            "role": .optional(line.role),
            "label": .optional(line.label),
            "start_date": .optional(line.startDate),
            "end_date": .optional(line.endDate),
        ]
    }
}

import Foundation
