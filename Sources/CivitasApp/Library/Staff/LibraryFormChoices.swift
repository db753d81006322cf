/// The records each reference field of a library form may point at: library records from
/// the library's own tables (never the record itself), directory records through its lookup.
/// Members choose among published records only: staff drafts and other members' submissions
/// stay unseen.
enum LibraryFormChoices {
    static func load(_ kind: LibraryKind, excluding id: String?, publishedOnly: Bool = false, store: LibraryStore, records: RecordLookups) async throws
        -> [RecordKindName: [(id: String, title: String)]] {
        var choices: [RecordKindName: [(id: String, title: String)]] = [:]
        for field in kind.fields {
            switch field.kind {
            case .reference(let name), .references(let name):
                guard choices[name] == nil else { continue }
                if let target = LibraryKind(name) {
                    choices[name] = try await store.choices(target, publishedOnly: publishedOnly).filter { $0.id != id }
                } else {
                    choices[name] = try await records.choices(kind: name.rawValue, publishedOnly: publishedOnly).map { ($0.id, $0.title) }
                }
            default: break
            }
        }
        return choices
    }
}
