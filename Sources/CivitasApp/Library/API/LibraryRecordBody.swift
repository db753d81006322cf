import Foundation
import OpenAPIKit

/// A library record on the wire: its public fields as stored (links as lists of ids), its
/// page's address and when it last changed. Fields and schema both come from the kind's
/// field specs, so the answer and its documentation cannot list different fields; private
/// fields (a practice's contacts) never appear.
struct LibraryRecordBody: Encodable, Sendable {
    let id: String
    let slug: String?
    let url: String
    let fields: [(name: String, value: FieldValue)]
    let updatedAt: Date?

    init(_ record: LibraryRecord, publicURL: String) {
        id = record.id
        slug = record.slug
        url = publicURL + LibraryURL.record(record.kind, record.urlKey).path
        fields = record.kind.publicFields.map { field in
            (field.name, field.isLink && record[field.name] == .null ? .ids([]) : field.isFlag && record[field.name] == .null ? .flag(false) : record[field.name])
        }
        updatedAt = record.updatedAt
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: NamedCodingKey.self)
        try container.encode(id, forKey: NamedCodingKey("id"))
        try container.encode(slug, forKey: NamedCodingKey("slug"))
        try container.encode(url, forKey: NamedCodingKey("url"))
        for (name, value) in fields { try container.encode(value, forKey: NamedCodingKey(name)) }
        try container.encode(updatedAt?.formatted(.iso8601), forKey: NamedCodingKey("updated_at"))
    }

    static func schema(_ kind: LibraryKind) -> JSONSchema {
        var properties: OrderedDictionary<String, JSONSchema> = ["id": .string, "slug": .string, "url": .url]
        for field in kind.publicFields { properties[field.name] = field.schema }
        properties["updated_at"] = .string(format: .dateTime, nullable: true)
        return .record(properties, description: "A \(kind.label.lowercased()) of the library")
    }
}
