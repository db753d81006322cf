/// The records library records point at (cities, people, organizations, topics, sources,
/// other practices, resources and news), named and linked, read with one query per kind
/// however many records a page shows. Unpublished ones are left out.
struct LibraryReferences: Sendable {
    private var byKey: [RecordKey: RecordReference] = [:]

    static func resolve(_ records: [LibraryRecord], store: LibraryStore, lookups: RecordLookups, includePrivate: Bool = false,
                        only fieldNames: Set<String>? = nil) async throws -> LibraryReferences {
        try await resolve([(records, fieldNames)], store: store, lookups: lookups, includePrivate: includePrivate)
    }

    /// The references of several groups of records, each group with the fields it names (`nil`:
    /// all of them), read together: one query per kind for all the groups.
    static func resolve(_ groups: [(records: [LibraryRecord], only: Set<String>?)], store: LibraryStore, lookups: RecordLookups,
                        includePrivate: Bool = false) async throws -> LibraryReferences {
        var wanted: [RecordKindName: Set<String>] = [:]
        for (records, fieldNames) in groups {
            for record in records {
                for field in record.kind.fields where (includePrivate || !field.isPrivate) && fieldNames.map({ $0.contains(field.name) }) != false {
                    switch (field.kind, record[field.name]) {
                    case (.reference(let target), .text(let id)): wanted[target, default: []].insert(id)
                    case (.references(let target), .ids(let ids)): wanted[target, default: []].formUnion(ids)
                    default: break
                    }
                }
            }
        }
        var references = LibraryReferences()
        var directoryKeys: [RecordKey] = []
        for (target, ids) in wanted {
            if let kind = LibraryKind(target) {
                for record in try await store.records(kind, ids: Array(ids)) {
                    references.byKey[RecordKey(kind: kind.rawValue, id: record.id)] = record.reference
                }
            } else {
                directoryKeys += ids.map { RecordKey(kind: target.rawValue, id: $0) }
            }
        }
        references.byKey.merge(try await lookups.references(directoryKeys)) { $1 }
        return references
    }

    /// The published records a field of `record` points at, in the field's order.
    func of(_ record: LibraryRecord, _ fieldName: String) -> [RecordReference] {
        guard let field = record.kind.field(fieldName) else { return [] }
        switch (field.kind, record[fieldName]) {
        case (.reference(let target), .text(let id)): return byKey[RecordKey(kind: target.rawValue, id: id)].map { [$0] } ?? []
        case (.references(let target), .ids(let ids)): return ids.compactMap { byKey[RecordKey(kind: target.rawValue, id: $0)] }
        default: return []
        }
    }
}

extension LibraryRecord {
    /// How other pages name and link this record.
    var reference: RecordReference {
        RecordReference(kind: kind.rawValue, id: id, slug: urlKey, title: title, link: SiteLink(LibraryURL.record(kind, urlKey)))
    }
}
