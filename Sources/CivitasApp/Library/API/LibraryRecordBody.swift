import CivitasCore
import Foundation
import OpenAPIKit

/// A library record on the wire: its public fields as stored (links as lists of ids), its
/// page's address and when it last changed. Fields and schema both come from the kind's
/// field specs, so the answer and its documentation cannot list different fields; private
/// fields (a practice's contacts) never appear.
struct LibraryRecordBody: Encodable, Sendable, SelfWritingJSON {
    let kind: LibraryKind
    let id: String
    let slug: String?
    let url: String
    let fields: [(name: String, value: FieldValue)]
    let updatedAt: Date?
    /// A resource's file (resources only; null when it has none).
    let file: FileBody?
    let hasFile: Bool

    /// Where a resource's file is downloaded, what it is and how large.
    struct FileBody: APIBody, SelfWritingJSON {
        let url: String
        let name: String
        let mediaType: String
        let size: Int

        enum CodingKeys: String, CodingKey {
            case url, name, size
            case mediaType = "media_type"
        }

        func writeJSON(to json: JSONOutput) throws {
            try json.object { object in
                object.member("media_type", mediaType)
                object.member("name", name)
                object.member("size", size)
                object.member("url", url)
            }
        }

        static var schema: JSONSchema {
            .record(["url": .url, "name": .string, "media_type": .choice(DocumentType.allCases.map(\.mimeType)), "size": .integer(minimum: (1, exclusive: false))],
                    description: "The uploaded file; its type was read from its bytes")
        }
    }

    init(_ record: LibraryRecord, publicURL: String, file: ResourceFile? = nil) {
        kind = record.kind
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

    /// What a kind's records carry, in sorted key order, worked out once per kind.
    private enum Slot {
        case id, slug, url, field(Int), updatedAt, file
    }

    private static let layouts: [LibraryKind: [Slot]] = Dictionary(uniqueKeysWithValues: LibraryKind.allCases.map { kind in
        var members: [(key: String, slot: Slot)] = [("id", .id), ("slug", .slug), ("url", .url), ("updated_at", .updatedAt)]
        if kind == .resource { members.append(("file", .file)) }
        for (index, field) in kind.publicFields.enumerated() { members.append((field.name, .field(index))) }
        members.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        return (kind, members.map(\.slot))
    })

    /// The same members as `encode(to:)`, written in key order without an encoder (through an
    /// encoder, sorting each record's keys was a third of the practices API list's JSON).
    func writeJSON(to json: JSONOutput) throws {
        try json.object { object in
            for slot in Self.layouts[kind]! {
                switch slot {
                case .id: object.member("id", id)
                case .slug: object.member("slug", slug)
                case .url: object.member("url", url)
                case .field(let index): try object.member(fields[index].name, fields[index].value)
                case .updatedAt: object.member("updated_at", updatedAt.map { ZonedTime.iso8601($0, in: .gmt) })
                case .file:
                    if hasFile {
                        if let file { try object.member("file", file) } else { object.key("file"); json.writeNull() }
                    }
                }
            }
        }
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
