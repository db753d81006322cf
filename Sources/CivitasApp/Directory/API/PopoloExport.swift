import OpenAPIKit

/// The whole published directory as one Popolo JSON document.
struct PopoloExport {
    let store: RecordStore
    let publicURL: String

    func document() async throws -> PopoloDocument {
        func section(_ kind: RecordKind) async throws -> [RecordBody] {
            let records = try await store.all(kind, publishedOnly: true)
            let sources = try await store.sources(kind: kind, ids: records.map(\.id))
            return records.map { RecordBody($0, sources: sources[$0.id] ?? [], publicURL: publicURL) }
        }
        return PopoloDocument(persons: try await section(.person), organizations: try await section(.organization),
                              memberships: try await section(.membership), posts: try await section(.post),
                              areas: try await section(.area))
    }
}

/// Popolo's export format: one list per kind.
struct PopoloDocument: APIBody {
    let persons: [RecordBody]
    let organizations: [RecordBody]
    let memberships: [RecordBody]
    let posts: [RecordBody]
    let areas: [RecordBody]

    static var schema: JSONSchema {
        .record([
            "persons": .array(items: RecordBody.schema(.person)),
            "organizations": .array(items: RecordBody.schema(.organization)),
            "memberships": .array(items: RecordBody.schema(.membership)),
            "posts": .array(items: RecordBody.schema(.post)),
            "areas": .array(items: RecordBody.schema(.area)),
        ])
    }
}
