/// The wire format of directory records: Popolo field names in snake_case. Private
/// fields never appear; link fields become `sources` (Popolo's links, `{url, note}`, every
/// one with a URL: the document's own, else its page on this site) and `topic_ids`; a short
/// name becomes Popolo's `other_names`.
enum RecordJSON {
    static func encode(_ record: RecordValues, sources: [SourceLine], publicURL: String, memberships: [MembershipLine]? = nil) -> JSONValue {
        var object: [String: JSONValue] = ["id": .string(record.id)]
        if let slug = record.slug { object["slug"] = .string(slug) }
        for field in record.kind.publicFields where field.name != "source_ids" && field.name != "other_name" {
            object[field.name] = record[field.name].json
        }
        if record.kind.fields.contains(where: { $0.name == "other_name" }) {
            object["other_names"] = .array(record.text("other_name").map { [["name": .string($0), "note": "Short name"]] } ?? [])
        }
        object["sources"] = .array(sources.map { source in
            ["id": .string(source.id), "url": .string(sourceURL(source, publicURL: publicURL)), "note": .string(source.title)]
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

    /// Where a source can be read: its own address, or its page on this site.
    static func sourceURL(_ source: SourceLine, publicURL: String) -> String {
        source.url ?? publicURL + DirectoryURL.record(.source, source.slug).path
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
