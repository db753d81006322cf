/// The whole published directory as one Popolo JSON document.
struct PopoloExport {
    let store: RecordStore
    let publicURL: String

    func document() async throws -> JSONValue {
        var document: [String: JSONValue] = [:]
        let sections: [(String, RecordKind)] = [
            ("persons", .person), ("organizations", .organization), ("memberships", .membership),
            ("posts", .post), ("areas", .area),
        ]
        for (name, kind) in sections {
            let records = try await store.all(kind, publishedOnly: true)
            let sources = try await store.sources(kind: kind, ids: records.map(\.id))
            document[name] = .array(records.map { RecordJSON.encode($0, sources: sources[$0.id] ?? [], publicURL: publicURL) })
        }
        return .object(document)
    }
}
