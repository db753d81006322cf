import CivitasCore
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
    /// A resource's file (resources only; null when it has none).
    let file: FileBody?
    let hasFile: Bool

    /// Where a resource's file is downloaded, what it is and how large.
    struct FileBody: APIBody {
        let url: String
        let name: String
        let mediaType: String
        let size: Int

        enum CodingKeys: String, CodingKey {
            case url, name, size
            case mediaType = "media_type"
        }

        static var schema: JSONSchema {
            .record(["url": .url, "name": .string, "media_type": .choice(DocumentType.allCases.map(\.mimeType)), "size": .integer(minimum: (1, exclusive: false))],
                    description: "The uploaded file; its type was read from its bytes")
        }
    }

    init(_ record: LibraryRecord, publicURL: String, file: ResourceFile? = nil) {
        id = record.id
        slug = record.slug
        url = publicURL + LibraryURL.record(record.kind, record.urlKey).path
        fields = record.kind.publicFields.map { field in
            (field.name, field.isLink && record[field.name] == .null ? .ids([]) : field.isFlag && record[field.name] == .null ? .flag(false) : record[field.name])
        }
        updatedAt = record.updatedAt
        hasFile = record.kind == .resource
        self.file = file.map { FileBody(url: publicURL + LibraryURL.resourceFile(record.urlKey).path, name: $0.name, mediaType: $0.type.mimeType, size: $0.size) }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: NamedCodingKey.self)
        try container.encode(id, forKey: NamedCodingKey("id"))
        try container.encode(slug, forKey: NamedCodingKey("slug"))
        try container.encode(url, forKey: NamedCodingKey("url"))
        for (name, value) in fields { try container.encode(value, forKey: NamedCodingKey(name)) }
        // Written by hand: `formatted(.iso8601)` was a twentieth of an API list's time.
        try container.encode(updatedAt.map { ZonedTime.iso8601($0, in: .gmt) }, forKey: NamedCodingKey("updated_at"))
        if hasFile { try container.encode(file, forKey: NamedCodingKey("file")) }
    }

    static func schema(_ kind: LibraryKind) -> JSONSchema {
        var properties: OrderedDictionary<String, JSONSchema> = ["id": .string, "slug": .string, "url": .url]
        for field in kind.publicFields { properties[field.name] = field.schema }
        properties["updated_at"] = .string(format: .dateTime, nullable: true)
        if kind == .resource { properties["file"] = FileBody.schema.nullableSchemaObject() }
        return .record(properties, description: "A \(kind.label.lowercased()) of the library")
    }
}
